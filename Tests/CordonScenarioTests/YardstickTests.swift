import CordonCore
import CordonScenario
import CordonSupply
import CordonTestSupport
import Foundation
import Testing

/// python3, when it has what the yardstick needs.
private let yardstickPython: URL? = YardstickPython.importing(["numpy", "yaml"])

/// The bundled scenario, Monte Carlo and all, against `scripts/supply_yardstick.py`, the supply
/// rules and random streams written independently in numpy. The yardstick knows no maps, so it is
/// told what the map gives: 203,000 people on 1 July and the route statuses and corridor window of
/// Fixtures/aleppo-2016.access.json, both from the README's own checks (Shapely and pyproj).
@Suite(Reference.needs("the supply yardstick: numpy and PyYAML (scripts/setup)", yardstickPython != nil))
struct YardstickTests {
    static let scenario = Repository.aleppo.appendingPathComponent("scenario.yaml").path

    /// Route-driven inflows (`under_fire_factor` drawn afresh in every run) and 200 runs: the
    /// timeline and the summary must be the same bytes, since both sides do the same arithmetic in
    /// the same order and print with the same rules.
    @Test func theRouteDrivenMonteCarloMatchesTheYardstickExactly() async throws {
        let folder = try temporaryFolder("yardstick")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("timeline.csv"), summary = folder.appendingPathComponent("summary.json")
        let yardstick = try Command.run(yardstickPython!, [
            Repository.root.appendingPathComponent("scripts/supply_yardstick.py").path, Self.scenario,
            "--population", "203000", "--access", fixture("aleppo-2016.access.json"), "--runs", "200",
            "-o", csv.path, "--summary", summary.path])
        try #require(yardstick.status == 0, "\(yardstick.stderr)")

        let result = try await ScenarioPipeline.run(Self.scenario, options: .init(jobs: 2, runs: 200))
        // What the yardstick was told, as the map gives it: the people at start (README, Checks:
        // reference_enclosure.py --date 2016-07-01 finds 203,000: the east's central 200,000 and Bani Zeid's 3,000) and each route's status every day.
        #expect(result.model.population == 203_000)
        let told = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture("aleppo-2016.access.json"))))
            as? [String: Any])
        let access = AccessTimeline(routeStates: result.routes)
        for (route, changes) in try #require(told["routes"] as? [String: [[String]]]) {
            for offset in 0..<result.model.dayCount {
                let day = result.model.start + offset
                let status = changes.last { Day(iso: $0[0])! <= day }?[1] ?? "cut"
                #expect(access.status(of: route, on: day).rawValue == status, "\(route) on \(day)")
            }
        }
        let mc = try #require(result.monteCarlo)
        #expect(result.supply.timelineCSV(monteCarlo: mc) == (try String(contentsOf: csv, encoding: .utf8)))
        #expect(result.supply.summaryJSON(monteCarlo: mc) == (try String(contentsOf: summary, encoding: .utf8)))
        // The README's central date, from the same yardstick.
        #expect(result.supply.outcomes[0].depleted?.description == "2016-10-03")
    }

    /// ABC rejection on the 13 November observation: the yardstick draws the same streams, runs the
    /// same rules in numpy and keeps runs within ±30 days; the count and every percentile must agree.
    @Test func calibrationAcceptsTheSameRunsAsTheYardstick() async throws {
        let yardstick = try Command.run(yardstickPython!, [
            Repository.root.appendingPathComponent("scripts/supply_yardstick.py").path, Self.scenario,
            "--population", "203000", "--access", fixture("aleppo-2016.access.json"),
            "--calibrate", "3000", "--accept", "30", "--vary", "supplies.food.stock,supplies.food.need_per_person_day"])
        try #require(yardstick.status == 0, "\(yardstick.stderr)")
        let told = try #require(try JSONSerialization.jsonObject(with: Data(yardstick.stdout.utf8)) as? [String: Any])

        let result = try await ScenarioPipeline.run(Self.scenario, options: .init(jobs: 2, runs: 0))
        var model = result.model
        model.observations = model.observations.filter { $0.what == .depleted("food") }
        let observed = try ObservationModel(model, access: result.access)
        let vary = try #require(model.uncertainty?.vary).filter {
            ["supplies.food.stock", "supplies.food.need_per_person_day"].contains(model.name(of: $0.parameter))
        }
        let runs = await observed.runs(3000, seed: model.uncertainty?.seed ?? 0, vary: vary, jobs: 2)
        let c = Calibration(runs, observations: model.observations, start: model.start, rule: Agreement(days: 30, tolerance: 0))
        #expect(c.accepted == told["accepted"] as? Int)
        #expect(c.accepted > 0)
        let inputs = try #require(told["inputs"] as? [[String: Any]])
        for (ours, theirs) in zip(c.inputs, inputs) {
            #expect(model.name(of: ours.variation.parameter) == theirs["name"] as? String)
            // The same draws: equal to the last digit Python prints, which Foundation's JSON reader
            // may round differently by an ulp.
            for (key, value) in [("p5", ours.p5), ("p50", ours.p50), ("p95", ours.p95)] {
                let want = try #require(theirs[key] as? Double), got = try #require(value)
                #expect(abs(got - want) <= 1e-12 * abs(want), "\(key): \(got) vs \(want)")
            }
        }
    }
}
