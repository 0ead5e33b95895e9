import CordonScenario
import CordonTestSupport
import Foundation
import Testing

/// python3, when it has what the yardstick needs.
private let yardstickPython: URL? = YardstickPython.importing(["numpy", "yaml"])

/// The central run of the bundled scenario against `scripts/supply_yardstick.py`, the supply
/// rules written independently in numpy. The yardstick knows no maps, so its scenario spells
/// out what the map should give, from the README's own checks (shapely and pyproj): the
/// Castello Road open to 6 July and under fire 7–16 July; the Ramouseh road under fire
/// 6 August – 3 September; 268,000 people at start; the Salah al-Din corridor from 28 July.
@Suite(Reference.needs("the supply yardstick: numpy and PyYAML (scripts/setup)", yardstickPython != nil))
struct YardstickTests {
    static let equivalent = """
        start: 2016-07-01
        end: 2016-12-22
        population: 268000
        supplies:
          - {commodity: food, unit: kg, stock: 3450000, need_per_person_day: 0.333, spoilage_per_day: 0.001}
          - {commodity: fuel, unit: l, stock: 800000, need_per_person_day: 0.15}
        inflows:
          - {commodity: food, per_day: 90000, from: 2016-07-01, until: 2016-07-07}
          - {commodity: food, per_day: 27000, from: 2016-07-07, until: 2016-07-17}
          - {commodity: food, per_day: 30000, from: 2016-08-06, until: 2016-09-04}
          - {commodity: fuel, per_day: 40000, from: 2016-07-01, until: 2016-07-07}
          - {commodity: fuel, per_day: 12000, from: 2016-07-07, until: 2016-07-17}
          - {commodity: fuel, per_day: 15000, from: 2016-08-06, until: 2016-09-04}
        rationing:
          - {below_days: 60, ration: 0.9}
          - {below_days: 30, ration: 0.7}
          - {below_days: 10, ration: 0.5}
        evacuation:
          - {from: 2016-07-28, until: 2016-12-22, per_day: 20, max_total: 2000}
          - {from: 2016-11-26, until: 2016-12-13, per_day: 5000, max_total: 80000}
          - {from: 2016-12-15, until: 2016-12-23, per_day: 4500, max_total: 35000}
        """

    @Test func theCentralRunMatchesTheYardstickDayByDay() async throws {
        let folder = try temporaryFolder("yardstick")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("equivalent.yaml"), csv = folder.appendingPathComponent("yardstick.csv")
        try Self.equivalent.write(to: scenario, atomically: true, encoding: .utf8)
        let yardstick = try Command.run(yardstickPython!, [Repository.root.appendingPathComponent("scripts/supply_yardstick.py").path,
                                                       scenario.path, "--runs", "0", "-o", csv.path])
        try #require(yardstick.status == 0, "\(yardstick.stderr)")

        let result = try await ScenarioPipeline.run(Repository.aleppo.appendingPathComponent("scenario.yaml").path,
                                                    options: .init(jobs: 2, runs: 0))
        let ours = result.supply.timelineCSV().split(separator: "\n")
        let theirs = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        #expect(ours.count == theirs.count)
        for (a, b) in zip(ours, theirs) where a != b {
            // Numbers may differ in the last printed digit only (sums in another order).
            let x = a.split(separator: ","), y = b.split(separator: ",")
            #expect(x.count == y.count && x[0] == y[0])
            for (u, v) in zip(x.dropFirst(), y.dropFirst()) {
                let (p, q) = (Double(u) ?? 0, Double(v) ?? 0)
                #expect(abs(p - q) <= 0.002 + 1e-9 * abs(q), "\(x[0]): \(u) against \(v)")
            }
        }
        #expect(result.supply.outcomes[0].depleted?.description == "2016-09-20")
    }
}
