import CordonCore
import CordonScenario
import CordonSiege
import CordonSupply
import CordonTestSupport
import Foundation
import Testing

/// Inflows by corridor, by chains of routes, by airport and with suspensions, on a constructed
/// map whose answers follow from its coordinates (docs/design.md#inflows). One unit is 0.01°
/// near the equator, about 1,113 m; the fire range is 1,000 m.
///
///     y 20 ┌──────────┐
///          │ airfield │  city until 2020-01-11, siegers from then; airport at (5, 15)
///     y 10 ├──────────┼──────────┬──────────┐
///          │   city   │ siegers  │ friends  │  corridor (5, 5) → (25, 5), declared open
///          │ A   B    │  C       │          │  2020-01-05 until 2020-01-08
///     y  0 └──────────┴──────────┴──────────┘
///          x 0        10         20         30
///
/// Route A (2, 2)–(2, 4) is 6 units from any other side: open. Route B (8, 2)–(9.5, 2) ends
/// 0.5 unit (about 557 m) from the siegers: under fire. Route C (9, 3)–(12, 3) crosses into
/// their ground: cut.
@Suite struct InflowPassageTests {
    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
        let c = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)].map { "[\($0.0 / 100), \($0.1 / 100)]" }
        return "{\"type\": \"Polygon\", \"coordinates\": [[\(c.joined(separator: ", "))]]}"
    }

    static func line(_ points: [(Double, Double)]) -> String {
        "{\"type\": \"LineString\", \"coordinates\": [" + points.map { "[\($0.0 / 100), \($0.1 / 100)]" }.joined(separator: ", ") + "]}"
    }

    static func collection(_ features: [(geometry: String, properties: String)]) -> String {
        "{\"type\": \"FeatureCollection\", \"features\": [\n"
            + features.map { "{\"type\": \"Feature\", \"properties\": {\($0.properties)}, \"geometry\": \($0.geometry)}" }
                .joined(separator: ",\n") + "\n]}\n"
    }

    static let map = collection([
        (square(0, 0, 10, 10), "\"controller\": \"city\", \"population\": 0"),
        (square(10, 0, 20, 10), "\"controller\": \"siegers\", \"population\": 0"),
        (square(20, 0, 30, 10), "\"controller\": \"friends\", \"population\": 0"),
        (square(0, 10, 10, 20), "\"controller\": \"city\", \"population\": 0, \"until\": \"2020-01-11\""),
        (square(0, 10, 10, 20), "\"controller\": \"siegers\", \"population\": 0, \"from\": \"2020-01-11\""),
    ])

    static let routes = collection([
        (line([(2, 2), (2, 4)]), "\"name\": \"A\", \"kind\": \"supply\""),
        (line([(8, 2), (9.5, 2)]), "\"name\": \"B\", \"kind\": \"supply\""),
        (line([(9, 3), (12, 3)]), "\"name\": \"C\", \"kind\": \"supply\""),
        (line([(5, 5), (25, 5)]), "\"name\": \"tunnel\", \"kind\": \"corridor\", \"from\": \"2020-01-05\", \"until\": \"2020-01-08\""),
    ])

    /// One commodity per inflow, with no need and no stock, so each day's inflow of a
    /// commodity is that inflow's flow alone.
    static func scenario(_ inflows: [(commodity: String, yaml: String)]) -> String {
        """
        start: 2020-01-01
        end: 2020-01-20
        population: 1000
        map: map.geojson
        routes: routes.geojson
        besieged: city
        allies: [friends]
        fire_range_m: 1000
        focus: [0.05, 0.05]
        supplies:
        \(inflows.map { "  - {commodity: \($0.commodity), unit: kg, stock: 0, need_per_person_day: 0}" }.joined(separator: "\n"))
        inflows:
        \(inflows.map { "  - {commodity: \($0.commodity), \($0.yaml)}" }.joined(separator: "\n"))
        """
    }

    /// Writes the map, the routes and `scenario` into a fresh folder; the scenario's path.
    static func write(_ scenario: String) throws -> String {
        let folder = try temporaryFolder("inflows")
        try map.write(to: folder.appendingPathComponent("map.geojson"), atomically: true, encoding: .utf8)
        try routes.write(to: folder.appendingPathComponent("routes.geojson"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("scenario.yaml")
        try scenario.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static func run(_ inflows: [(commodity: String, yaml: String)]) async throws -> ScenarioResult {
        let file = try write(scenario(inflows))
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        return try await ScenarioPipeline.run(file, options: .init(jobs: 1, runs: 0))
    }

    /// The days on which commodity `c` came in, as ISO dates, and what came in on each.
    static func flow(_ result: ScenarioResult, _ c: Int) -> [String: Double] {
        var out: [String: Double] = [:]
        for day in result.supply.days where day.commodities[c].inflow != 0 { out[day.date.description] = day.commodities[c].inflow }
        return out
    }

    static func days(_ from: Int, through last: Int, _ amount: Double) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: (from...last).map { (String(format: "2020-01-%02d", $0), amount) })
    }

    /// The tunnel crosses the siegers' ground, so by geometry it reads cut throughout; as a
    /// corridor it flows on the three days it is declared open (5, 6 and 7 January), its entry
    /// at (5, 5) being city ground all along. Given as a route it delivers nothing, and that is
    /// reported, naming the inflow.
    @Test func aCorridorInflowFlowsExactlyOnItsDeclaredOpenDays() async throws {
        let result = try await Self.run([("tunnel_food", "per_day: 100, corridor: tunnel"),
                                         ("as_route", "per_day: 100, route: tunnel")])
        #expect(result.routes.filter { $0.route.name == "tunnel" }.allSatisfy { $0.condition == .cut })
        #expect(Self.flow(result, 0) == Self.days(5, through: 7, 100))
        #expect(Self.flow(result, 1).isEmpty)
        #expect(result.supply.inflows[0] == InflowDelivery(name: "tunnel_food by tunnel", commodity: "tunnel_food",
                                                             delivered: 300, daysFlowing: 3))
        #expect(result.idleRules.count == 1)
        #expect(result.idleRules.first == "inflows[1] 'as_route by tunnel' brings in nothing between 2020-01-01 and "
                    + "2020-01-20: route 'tunnel' is cut on every day it would flow ('tunnel' is a corridor: give it as "
                    + "`corridor` to follow its declared days)")
    }

    /// A chain passes what its worst link passes: A alone in full, A then B (under fire) the
    /// under-fire share, A then C (cut) nothing, on every day.
    @Test func aChainedInflowTakesTheWorstStatus() async throws {
        let result = try await Self.run([("a", "per_day: 100, route: A, under_fire_factor: 0.25"),
                                         ("ab", "per_day: 100, route: [A, B], under_fire_factor: 0.25"),
                                         ("ba", "per_day: 100, route: [B, A], under_fire_factor: 0.25"),
                                         ("ac", "per_day: 100, route: [A, C], under_fire_factor: 0.25")])
        let status = { (name: String) in Set(result.routes.filter { $0.route.name == name }.map(\.condition)) }
        #expect(status("A") == [.open])
        #expect(status("B") == [.underFire])
        #expect(status("C") == [.cut])
        #expect(Self.flow(result, 0) == Self.days(1, through: 20, 100))
        #expect(Self.flow(result, 1) == Self.days(1, through: 20, 25))
        #expect(Self.flow(result, 2) == Self.days(1, through: 20, 25))
        #expect(Self.flow(result, 3).isEmpty)
        #expect(result.model.inflows.map(\.name) == ["a by A", "ab by A + B", "ba by B + A", "ac by A + C"])
    }

    /// The airfield is city ground until 11 January, the siegers' from then: the airlift
    /// flows from the 1st to the 10th and stops on the 11th.
    @Test func anAirportInflowStopsTheDayItsPointChangesHands() async throws {
        let result = try await Self.run([("air", "name: airlift, per_day: 50, airport: [0.05, 0.15]")])
        #expect(Self.flow(result, 0) == Self.days(1, through: 10, 50))
        #expect(result.supply.inflows[0].daysFlowing == 10)
        #expect(result.idleRules.isEmpty)
    }

    /// An airport in the siegers' ground throughout brings in nothing; `cordon validate`'s
    /// check says so, naming the inflow, as the run does.
    @Test func anInflowThatDeliversNothingIsReportedByValidate() async throws {
        let file = try Self.write(Self.scenario([("air", "name: lost airlift, per_day: 50, airport: [0.15, 0.05]")]))
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        let report = ScenarioCheck.run(file)
        #expect(report.faults.isEmpty)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("inflows[0] 'lost airlift' brings in nothing") == true)
        #expect(report.warnings.first?.contains("airport [0.15, 0.05] is not held") == true)
        let result = try await ScenarioPipeline.run(file, options: .init(jobs: 1, runs: 0))
        #expect(result.idleRules == report.warnings.map { String($0.dropFirst("\(file): warning: ".count)) })
    }

    /// Suspensions are windows with no flow, [from, until); without until, to the end. A
    /// suspended corridor inflow loses only the open days inside the window.
    @Test func suspendedWindowsStopTheFlow() async throws {
        let result = try await Self.run([
            ("aid", "per_day: 10, suspended: [{from: 2020-01-03, until: 2020-01-05}, {from: 2020-01-15}]"),
            ("tunnel_food", "per_day: 100, corridor: tunnel, suspended: [{from: 2020-01-06, until: 2020-01-07}]"),
        ])
        #expect(Self.flow(result, 0) == Self.days(1, through: 2, 10).merging(Self.days(5, through: 14, 10)) { a, _ in a })
        #expect(Self.flow(result, 1) == ["2020-01-05": 100, "2020-01-07": 100])
        #expect(result.supply.inflows.map(\.daysFlowing) == [12, 2])
    }
}
