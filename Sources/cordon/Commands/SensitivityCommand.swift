import ArgumentParser
import CordonCore
import CordonScenario
import CordonSupply
import Foundation

struct SensitivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Which assumptions move the answer most: one at a time, and Sobol indices.",
        discussion: """
        Reruns the scenario's supply model many times, changing its inputs, and measures how \
        much each input moves three answers: the day each commodity runs out, each \
        commodity's days short (days with a cut ration or an empty stock), and the lowest food \
        energy per person in a day (when a supply gives kcal_per_unit). A stock that lasts to \
        the end counts as running out on the day after the last, so "never" is a number too.

        One at a time (a tornado chart): every number with an `uncertainty:` range is tried at \
        the low and high end of its range (a and b of uniform and triangular; the 5th and 95th \
        percentiles of normal and lognormal), and every scalar supply figure (people at start, \
        each stock, each need per person a day, each inflow's amount) at ±--spread, everything \
        else held at the scenario's own values.

        Variance-based (Sobol indices): --samples N base rows of two independent samples of \
        the `uncertainty:` ranges, N·(k + 2) runs for k ranges (Saltelli 2010). For each input \
        the first-order index is the share of an answer's variance it causes alone; the total \
        index adds its interactions with the others. A total far above the first-order index \
        means the input matters together with others. 95 % confidence intervals come from \
        --bootstrap resamplings of the rows; a wide interval asks for more --samples. The same \
        seed gives the same bytes on any --jobs.

        A scenario with a map (`cordon run`'s kind) is first run through its map and routes, \
        as `cordon run` does, for the people at start and each route's status per day.

        Files written to DIR as one set (DIR holds either the old set or the new one):
          sensitivity.csv    a row per answer and input, widest swing first: the
                             values tried, the answers at low, central and high
                             (depletion days also as dates), Sobol indices with
                             their 95 % intervals
          sensitivity.json   the same, for programs
        `cordon run` also writes both into its folder (with a smaller Sobol sample, \
        --sensitivity-samples) and the report shows them as "What moves the answer".

        Example:
          cordon sensitivity geodata/aleppo-2016/scenario.yaml -o aleppo-sensitivity
          cordon sensitivity scenario.yaml -o out --samples 4096 --spread 0.1 --seed 7

        These are properties of the model and its assumed ranges, not of the siege: an input \
        with a narrow range can look unimportant only because its range was drawn narrow.
        """)

    @Argument(help: "Scenario file, YAML or JSON.") var scenario: String
    @Option(name: .shortAndLong, help: "Output folder.") var output: String = "cordon-sensitivity"
    @Option(help: "Sobol base sample N (N·(k + 2) runs for k ranges); 0 for one at a time only.")
    var samples: Int = 1024
    @Option(help: "One-at-a-time change of each scalar supply figure, as a share (0.2: ±20 %).")
    var spread: Double = SensitivityOptions.defaultSpread
    @Option(help: "Bootstrap resamplings behind each confidence interval.")
    var bootstrap: Int = SensitivityOptions.defaultBootstrap
    @Option(help: "Seed of the Sobol sample; the default is uncertainty.seed.") var seed: UInt64?
    @Option(name: .customLong("jobs"), help: "Runs simulated in parallel; the default is every core. Results do not depend on it.")
    var jobsAsked: Int?
    @Flag(help: "No progress bar and no summary on standard error.") var quiet = false

    static let files = ["sensitivity.csv", "sensitivity.json"]

    func validate() throws {
        if samples < 0 || samples == 1 { throw ValidationError("--samples must be 0 (one at a time only) or at least 2") }
        if samples > SupplyLimits.maxRuns { throw ValidationError("--samples must be at most \(SupplyLimits.maxRuns)") }
        if !(spread > 0 && spread < 1) { throw ValidationError("--spread must be above 0 and below 1 (0.2 for ±20 %)") }
        if bootstrap < 0 || bootstrap > 100_000 { throw ValidationError("--bootstrap must be from 0 to 100000") }
        if let jobsAsked, jobsAsked < 1 { throw ValidationError("--jobs must be at least 1") }
        // Each resampling draws --samples rows per answer: bounded, so a run cannot go on for hours.
        if bootstrap > 0, samples > 1_000_000_000 / bootstrap {
            throw ValidationError("--bootstrap × --samples must be at most 1,000,000,000 (\(bootstrap) × \(samples) is more)")
        }
    }

    func run() async throws {
        try await reporting {
            let jobs = jobsAsked ?? ProcessInfo.processInfo.activeProcessorCount
            let loaded = try ScenarioLoader.load(scenario, for: .run)
            let folder = OutputFolder(output, files: Self.files)
            try OutputChecks.refuseReplacing(inputs: ScenarioOutput.inputFiles(of: loaded), with: Self.files.map(folder.file))
            try folder.check()
            // Before the map work: a sample too large stops at once.
            try loaded.checkSensitivity(samples: samples, spread: spread, key: "--samples")
            let quiet = self.quiet
            let built = try await ScenarioModel.load(scenario, jobs: jobs, progress: { stage, done, total in
                Progress(stage, quiet: quiet).report(done, total)
            })
            let model = built.model, access = built.access
            let options = SensitivityOptions(spread: spread, samples: samples, seed: seed ?? model.uncertainty?.seed ?? 0,
                                             bootstrap: bootstrap)
            let progress = Progress("runs", quiet: quiet)
            let analysis = try await model.sensitivity(options, access: access, jobs: jobs, progress: { progress.report($0, $1) })
            try folder.write { staging in
                try AtomicFile.write(Array(analysis.csv.utf8), to: staging + "/sensitivity.csv")
                try AtomicFile.write(Array(analysis.json.utf8), to: staging + "/sensitivity.json")
            }
            if !quiet {
                SensitivityBrief(analysis).lines.forEach { printError($0) }
                printError(ScenarioBrief.files(Self.files.map(folder.file), folder: output))
            }
        }
    }
}

/// What standard error says: for each answer, the input that moves it most.
struct SensitivityBrief {
    let analysis: SupplySensitivity
    init(_ analysis: SupplySensitivity) { self.analysis = analysis }

    var lines: [String] {
        analysis.measures.indices.compactMap { m in
            guard let top = analysis.tornado(m).first, top.low[m] != top.high[m] else {
                return "\(analysis.name(of: analysis.measures[m])): no input moves it"
            }
            let measure = analysis.measures[m]
            let text = { (x: Double) in analysis.date(measure, x) ?? NumberText.fixed(x, places: 1) }
            var line = "\(analysis.name(of: measure)): most moved by \(top.input.label) "
                + "(\(top.input.basis == .range ? "its range" : "±" + NumberText.fixed(analysis.spread * 100, places: 1) + " %")): "
                + "\(text(top.low[m])) to \(text(top.high[m])), central \(text(analysis.central[m]))"
            if let sobol = analysis.sobol, let best = sobol.indices[m].inputs.indices.max(by: {
                sobol.indices[m].inputs[$0].total < sobol.indices[m].inputs[$1].total }) {
                let s = sobol.indices[m].inputs[best]
                line += "; largest total Sobol index \(sobol.inputs[best].label) \(NumberText.fixed(s.total, places: 2))"
                    + " [\(NumberText.fixed(s.totalInterval.lowerBound, places: 2))–\(NumberText.fixed(s.totalInterval.upperBound, places: 2))]"
            }
            return line
        }
    }
}
