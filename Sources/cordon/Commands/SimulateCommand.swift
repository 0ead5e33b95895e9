import ArgumentParser
import CordonCore
import CordonGeometry
import CordonScenario
import CordonSupply
import Foundation

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Project day by day how long the supplies inside a siege last.",
        discussion: """
        Reads the supply part of a scenario (YAML or JSON) and steps through it one day at a time, \
        from start to end inclusive. Each day, in this order: inflows arrive, evacuation leaves, \
        spoilage is taken, the ration is chosen from the days of supply left, and people consume \
        population × need × ration, never more than the stock.

        The timeline (CSV, one row per day) goes to standard output or to -o; -o FILE.csv also \
        writes FILE.csvt beside it, the column types GDAL and QGIS read (date a Date, every other \
        column Real). With --summary, the \
        dates that matter go to a JSON file: when each commodity runs out, and when rations first fall short \
        of full need and then of 80, 50 and 20 % of it, and every stretch of days with a shortfall. A short \
        summary goes to standard error, saying when supplies were restored after a shortage and by which inflow.

        With an `uncertainty` section (or --runs), Monte Carlo runs draw the varied parameters \
        afresh each time; the timeline gains the 5th, 50th and 95th percentile of each stock and \
        the summary the spread of depletion dates. The same seed gives the same bytes, on any \
        machine and with any --jobs.

        Example scenario (eastern Aleppo, 2016; 10 kg of food per person per month is WFP's \
        Syria planning figure):

          start: 2016-07-17
          end: 2016-12-22
          population: 275000
          supplies:
            - {commodity: food, unit: kg, stock: 2500000, need_per_person_day: 0.33}
          inflows:
            - {commodity: food, date: 2016-08-10, amount: 400000}
          rationing:
            - {below_days: 30, ration: 0.5}
          uncertainty:
            runs: 1000
            seed: 7
            vary:
              supplies.food.stock: {triangular: [1500000, 2500000, 3500000]}

          cordon simulate aleppo.yaml -o timeline.csv --summary summary.json --jobs 0

        Routes: an inflow that names a `route`, `corridor` or `airport` needs an access timeline \
        from a map, so it is allowed in `cordon run` but not here. An inflow that would bring in \
        nothing, or an evacuation rule that would take nobody, is named on standard error.
        """)

    @Argument(help: "Scenario file, YAML or JSON.")
    var scenario: String

    @Option(help: "Monte Carlo runs; overrides uncertainty.runs, 0 turns Monte Carlo off.")
    var runs: Int?

    @Option(help: "Seed of the random draws; overrides uncertainty.seed.")
    var seed: UInt64?

    @Option(name: .customLong("jobs"), help: "Runs simulated in parallel; the default (or 0) is every core. The result does not depend on it.")
    var jobsAsked: Int?

    @Option(name: .shortAndLong, help: "Timeline CSV; '-' or none writes to standard output.")
    var output: String?

    @Option(help: "Summary JSON: depletion and ration-band dates.")
    var summary: String?

    @Flag(help: "No progress bar and no summary on standard error.")
    var quiet = false

    func validate() throws {
        if let runs, runs < 0 { throw ValidationError("--runs must be ≥ 0") }
        if let runs, runs > SupplyLimits.maxRuns { throw ValidationError("--runs must be at most \(SupplyLimits.maxRuns)") }
        if let jobsAsked, jobsAsked < 0 { throw ValidationError("--jobs must be ≥ 0") }
    }

    func run() async throws {
        try await reporting {
            let types = SupplyRun.typesFile(of: output ?? "-")
            let outputs = [("-o", output ?? "-")] + (types.map { [("-o (its types file)", $0)] } ?? [])
                + (summary.map { [("--summary", $0)] } ?? [])
            try OutputChecks.refuseDuplicates(outputs)
            try OutputChecks.refuseReplacing(inputs: [scenario], with: outputs.map(\.1))
            let loaded = try ScenarioLoader.load(scenario, for: .simulate)
            try loaded.checkSize(runs: runs)
            let model = loaded.supply
            let central = try model.simulate()
            for line in try model.idleRules() { printError("cordon: \(scenario): warning: \(line)") }
            let runCount = runs ?? model.uncertainty?.runs ?? 0
            var monteCarlo: MonteCarloResult?
            if runCount > 0 {
                let progress = Progress("runs", quiet: quiet)
                monteCarlo = try await model.monteCarlo(
                    runs: runCount, seed: seed, jobs: jobsAsked.flatMap { $0 == 0 ? nil : $0 } ?? ProcessInfo.processInfo.activeProcessorCount,
                    progress: { progress.report($0, runCount) })
            }
            let csv = central.timelineCSV(monteCarlo: monteCarlo)
            // Both files appear together or not at all; standard output gets the timeline
            // only once the summary is written too.
            var files = OutputSet()
            try files.add(Array(csv.utf8), to: output ?? "-")
            if let types { try files.add(Array(central.timelineCSVT(monteCarlo: monteCarlo).utf8), to: types) }
            if let summary { try files.add(Array(central.summaryJSON(monteCarlo: monteCarlo).utf8), to: summary) }
            try files.commit()
            if !quiet { report(central, monteCarlo) }
        }
    }

    /// One line per commodity on standard error: when it runs out, and the Monte Carlo spread;
    /// then when supplies were restored after each shortage and by which inflow, and food energy.
    private func report(_ run: SupplyRun, _ mc: MonteCarloResult?) {
        for (c, outcome) in run.outcomes.enumerated() {
            var line = "\(outcome.commodity): " + (outcome.depleted.map { "runs out \($0)" } ?? "lasts to \(run.scenario.end)")
            if let mc {
                let spread = mc.depleted[c]
                let date = { (d: Day?) in d?.description ?? "never" }
                line += "; \(mc.runs) runs: p5 \(date(spread.p5)), p50 \(date(spread.p50)), p95 \(date(spread.p95))"
            }
            printError(line)
        }
        for restoration in run.restorations { printError(restoration.line) }
        if let kcal = run.kcal {
            printError("food energy: mean \(NumberText.grouped(kcal.mean)) kcal per person a day, lowest "
                + "\(NumberText.grouped(kcal.min)); \(kcal.daysBelow2100) days below the Sphere 2,100 kcal")
        }
    }
}
