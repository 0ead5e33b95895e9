import ArgumentParser
import CordonCore
import CordonScenario
import CordonSupply
import Foundation

struct HindcastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hindcast",
        abstract: "Score scenarios against what was observed: how far off the model is, in days and values.",
        discussion: """
        For each scenario, runs the supply model as `cordon run` would (access from the map when \
        it names one) at its central values, and its Monte Carlo runs (`uncertainty`, or --runs), \
        and compares each entry of `observations:` with them: the error in days of each dated \
        observation (model minus observed: positive means the model is late) for the central run \
        and the median run, whether the observation lies inside the runs' 5th-95th percentile, and \
        the error on values (`population`, `price_multiple`, the latter needing a `price` index). \
        `siege.start` and `siege.end` are inputs of a scenario, not outcomes: shown as not modelled.

        The table goes to standard output, the same figures to -o (hindcast.json). The same seed \
        gives the same bytes with any --jobs.

        Examples:
          cordon hindcast geodata/aleppo-2016/scenario.yaml geodata/deir-ez-zor-2016/scenario.yaml
          cordon hindcast my.yaml --runs 10000 -o my-hindcast.json
        """)

    @Argument(help: "Scenario files, YAML or JSON, with observations.") var scenarios: [String]
    @Option(help: "Monte Carlo runs; overrides uncertainty.runs.") var runs: Int?
    @Option(help: "Seed of the draws; overrides uncertainty.seed.") var seed: UInt64?
    @Option(name: .customLong("jobs"), help: "Parallel workers; the default is every core. Results do not depend on it.")
    var jobsAsked: Int?
    @Option(name: .shortAndLong, help: "The JSON file of scores; '-' for standard output instead of the table.")
    var output: String = "hindcast.json"

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one scenario file") }
        if let runs, runs < 0 || runs > SupplyLimits.maxRuns { throw ValidationError("--runs must be from 0 to \(SupplyLimits.maxRuns)") }
        if let jobsAsked, jobsAsked < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        try await reporting {
            try OutputChecks.refuseReplacing(inputs: scenarios, with: [output])
            let jobs = jobsAsked ?? ProcessInfo.processInfo.activeProcessorCount
            for file in scenarios {
                let loaded = try ScenarioLoader.load(file, for: .run)
                try loaded.checkSize(runs: runs)
                // Every run's drawn values and outcomes are kept: refuse before the map work what would not fit.
                try loaded.checkOutcomes(runs: runs, kept: loaded.supply.uncertainty?.vary.count ?? 0)
            }
            var hindcasts: [Hindcast] = []
            for file in scenarios {
                let observed = try await ObservedScenario.load(file, jobs: jobs)
                if observed.model.scenario.observations.isEmpty {
                    throw ScenarioError(file: file, path: "observations", message: "missing: nothing to score the model against")
                }
                hindcasts.append(await Hindcast.score(observed.model, runs: runs, seed: seed, jobs: jobs))
            }
            var files = OutputSet()
            try files.add(Array((HindcastReport.json(hindcasts).jsonText + "\n").utf8), to: output)
            try files.commit()
            if output != "-" { try StandardOutput.write(HindcastReport.table(hindcasts)) }
        }
    }
}
