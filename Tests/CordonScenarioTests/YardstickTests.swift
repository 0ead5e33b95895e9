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
}
