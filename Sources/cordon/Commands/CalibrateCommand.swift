import ArgumentParser
import CordonCore
import CordonScenario
import CordonSupply
import Foundation

struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Find which values of the uncertain inputs agree with what was observed.",
        discussion: """
        Approximate Bayesian computation by rejection: draws --runs runs from the ranges in the \
        scenario's `uncertainty.vary` (only the --vary ones; the others keep their central \
        values), runs the supply model (on the map's access timeline when the scenario names a \
        map), and keeps the runs that agree with every observation in `observations:` the model \
        can compare: a date (`food.depleted`, `food.restored`) within ±--accept days, a number \
        (`population`, `food.price_multiple`, the latter needing a `price` index) within \
        ±--tolerance of it. `siege.start` and `siege.end` are inputs, not outcomes: not compared. \
        --against keeps only the observations named (all with that spelling).

        Prints the acceptance rate, how each observation fares on its own, and the 5th, 50th and \
        95th percentile of each varied input among the accepted runs. When no run is accepted it \
        says so and names the observation fewest runs agree with.

        With one --vary input, a root search (bisection, the outcome moving one way as the input \
        grows) also gives the value that hits each observation exactly.

        Writes into the folder -o: calibration.json, and (when runs are accepted) scenario.yaml, a \
        copy of the scenario with each calibrated range narrowed to uniform [P5, P95] of the \
        accepted values, under a comment saying where it came from (a JSON scenario, which cannot be \
        edited line by line, gets no copy: the figures are in calibration.json). The accepted values are a fit \
        to the observations, as good as the observations and the model: read them against what \
        else is known.

        The same seed gives the same bytes with any --jobs.

        Examples:
          cordon calibrate geodata/aleppo-2016/scenario.yaml --against food.depleted
          cordon calibrate geodata/aleppo-2016/scenario.yaml --against food.depleted --vary supplies.food.stock
          cordon calibrate deir.yaml --vary supplies.food.stock --accept 7 --runs 100000 -o deir-calibrated
        """)

    @Argument(help: "Scenario file, YAML or JSON, with observations.") var scenario: String
    @Option(help: "Inputs to vary, comma-separated paths of uncertainty.vary (default: all of them).") var vary: String?
    @Option(help: "Observations to calibrate against, comma-separated (food.depleted,food.price_multiple); default all.")
    var against: String?
    @Option(help: "Days either side of a dated observation a run may miss it by.") var accept: Double = 14
    @Option(help: "Share of an observed value a run may miss it by (0.25: 3 to 5 for 4).") var tolerance: Double = 0.25
    @Option(help: "Runs drawn (100,000 by default: a rare agreement still leaves enough runs to read).") var runs: Int = 100_000
    @Option(help: "Seed of the draws; default the scenario's uncertainty.seed.") var seed: UInt64?
    @Option(name: .customLong("jobs"), help: "Parallel workers; the default is every core. Results do not depend on it.")
    var jobsAsked: Int?
    @Option(name: .shortAndLong, help: "Output folder: calibration.json and the calibrated scenario.yaml.")
    var output: String = "cordon-calibrate"

    func validate() throws {
        guard runs >= 1, runs <= SupplyLimits.maxRuns else { throw ValidationError("--runs must be from 1 to \(SupplyLimits.maxRuns)") }
        guard accept >= 0, accept <= 3650 else { throw ValidationError("--accept must be from 0 to 3650 days") }
        guard tolerance >= 0, tolerance <= 100 else { throw ValidationError("--tolerance must be from 0 to 100 (a share of the value)") }
        if let jobsAsked, jobsAsked < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        try await reporting {
            let folder = OutputFolder(output, files: ["calibration.json", "scenario.yaml"])
            try folder.check()
            try OutputChecks.refuseReplacing(inputs: [scenario], with: [folder.file("scenario.yaml"), folder.file("calibration.json")])
            let jobs = jobsAsked ?? ProcessInfo.processInfo.activeProcessorCount
            let keys = vary.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            let loaded = try ScenarioLoader.load(scenario, for: .run)
            try loaded.checkSize(runs: runs)
            try Self.checkCalibratable(loaded, keys: keys)
            let spellings = against.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            // Every run's drawn values and outcomes are kept: refuse before the map work what would not fit.
            var narrowed = loaded
            if !spellings.isEmpty { narrowed.supply.observations.removeAll { !spellings.contains($0.what.spelling) } }
            try narrowed.checkOutcomes(runs: runs, kept: try ObservedScenario.variations(keys, of: loaded).count,
                                       advice: "fewer runs, or --vary and --against")
            let observed = try await ObservedScenario.load(scenario, jobs: jobs).against(spellings)
            try Self.checkCompared(observed.model.scenario, file: scenario)
            let variations = try observed.variations(keys)
            let model = observed.model
            let seed = seed ?? model.scenario.uncertainty?.seed ?? 0
            let drawn = await model.runs(runs, seed: seed, vary: variations, jobs: jobs)
            let calibration = Calibration(drawn, observations: model.scenario.observations, start: model.scenario.start,
                                          rule: Agreement(days: accept, tolerance: tolerance))
            let roots = variations.count == 1 ? model.rootSearch(variations[0]) : []
            let report = CalibrationReport(observed, calibration, roots: roots)
            let text = try String(contentsOfFile: scenario, encoding: .utf8)
            var copy = CalibratedCopy.text(text, report: report)
            var why = "no run was accepted"
            // The copy is edited line by line: keep it only if it still reads as a scenario.
            if let edited = copy {
                do {
                    _ = try ScenarioLoader.parse(edited, file: folder.file("scenario.yaml"), for: .run)
                } catch {
                    copy = nil
                    why = "the file could not be edited line by line (\(error)); narrow the ranges by hand from calibration.json"
                }
            }
            try folder.write { staging in
                try AtomicFile.write(Array((report.json.jsonText + "\n").utf8), to: staging + "/calibration.json")
                if let copy { try AtomicFile.write(Array(copy.utf8), to: staging + "/scenario.yaml") }
            }
            var lines = report.lines
            lines.append(copy == nil ? "Wrote \(folder.file("calibration.json")) (no calibrated copy: \(why))."
                         : "Wrote \(folder.file("calibration.json")) and the calibrated copy \(folder.file("scenario.yaml")).")
            try StandardOutput.write(lines.joined(separator: "\n") + "\n")
        }
    }

    /// Before any map work: the scenario must vary something and observe something the model compares.
    static func checkCalibratable(_ loaded: Scenario, keys: [String]) throws {
        let supply = loaded.supply
        guard let vary = supply.uncertainty?.vary, !vary.isEmpty else {
            throw ScenarioError(file: loaded.file, path: "uncertainty.vary",
                                message: "missing: calibration draws from the ranges given there, and the scenario varies nothing")
        }
        _ = try ObservedScenario.variations(keys, of: loaded)
        try checkCompared(supply, file: loaded.file)
    }

    /// The observations must hold one the model compares.
    static func checkCompared(_ supply: SupplyScenario, file: String) throws {
        guard supply.observations.contains(where: supply.models) else {
            throw ScenarioError(file: file, path: "observations",
                                message: "nothing to calibrate against: give a depleted, restored, population or "
                                    + "price_multiple observation (a price needs the supply's price index)")
        }
    }
}

