import CordonCore
import CordonScenario
import CordonSupply
import CordonTestSupport
import Testing

/// The inflow keys as the loader reads them: names, chains, corridors, airports, suspensions,
/// Monte Carlo by name (docs/scenario.md#inflows).
@Suite struct InflowKeyTests {
    func load(_ inflows: String, extra: String = "", for purpose: ScenarioLoader.Purpose = .run) throws -> SupplyScenario {
        try ScenarioLoader.parse(ScenarioText.valid + "inflows:\n" + inflows + "\n" + extra, file: "scenario.yaml", for: purpose).supply
    }

    func problem(_ inflows: String, extra: String = "", for purpose: ScenarioLoader.Purpose = .run) -> String? {
        do { _ = try load(inflows, extra: extra, for: purpose); return nil } catch { return "\(error)" }
    }

    /// Unnamed inflows take `<commodity> by <route or corridor>`; a default already taken gets
    /// a number, so every name is unique.
    @Test func namesDefaultAndStayUnique() throws {
        let s = try load("""
              - {commodity: flour, per_day: 1, route: Castello Road}
              - {commodity: flour, per_day: 1, route: [Castello Road, Ramouseh]}
              - {commodity: flour, per_day: 1, corridor: tunnel}
              - {commodity: flour, per_day: 1, airport: [18.33, 43.82]}
              - {commodity: flour, per_day: 1}
              - {commodity: flour, per_day: 2}
              - {commodity: flour, date: 2016-08-01, amount: 5}
              - {name: flour by tunnel, commodity: flour, per_day: 3}
              - {commodity: flour, per_day: 1, corridor: tunnel}
            """)
        #expect(s.inflows.map(\.name) == ["flour by Castello Road", "flour by Castello Road + Ramouseh", "flour by tunnel 2",
                                          "flour by air", "flour inflow", "flour inflow 2", "flour on 2016-08-01",
                                          "flour by tunnel", "flour by tunnel 3"])
        #expect(s.inflows[1].routes == ["Castello Road", "Ramouseh"])
        #expect(s.inflows[2].passages == [.corridor("tunnel")])
        #expect(s.inflows[3].passages == [.airport(longitude: 18.33, latitude: 43.82)])
    }

    /// An existing scenario's inflow loads exactly as before: the route stays the schedule's.
    @Test func aSingleRouteLoadsAsBefore() throws {
        let s = try load("  - {commodity: flour, per_day: 10, route: Castello Road, under_fire_factor: 0.3}\n")
        #expect(s.inflows == [.daily("flour", perDay: 10, route: "Castello Road", underFireFactor: 0.3)])
        #expect(s.inflows[0].name == "flour by Castello Road")
    }

    @Test func badInflowKeysNameTheKey() {
        #expect(problem("""
              - {name: airlift, commodity: flour, per_day: 1}
              - {name: airlift, commodity: flour, per_day: 2}
            """) == "scenario.yaml: inflows[1].name: 'airlift' already names inflows[0]: give each inflow its own name")
        #expect(problem("  - {commodity: flour, per_day: 1, route: [A, B, A]}\n")
                == "scenario.yaml: inflows[0].route[2]: 'A' is already in the chain")
        #expect(problem("  - {commodity: flour, per_day: 1, route: []}\n") == "scenario.yaml: inflows[0].route: list at least one route")
        #expect(problem("  - {commodity: flour, per_day: 1, suspended: [{from: 2016-08-02, until: 2016-08-01}]}\n")
                == "scenario.yaml: inflows[0].suspended[0].until: must be after from (2016-08-02); until is the first day it flows again")
        #expect(problem("  - {commodity: flour, per_day: 1, suspended: [{until: 2016-08-01}]}\n")
                == "scenario.yaml: inflows[0].suspended[0].from: missing: give the first day with no flow")
        #expect(problem("  - {commodity: flour, per_day: 1, airport: [200, 1]}\n")
                == "scenario.yaml: inflows[0].airport: must be [lon, lat] with lon in -180…180 and lat in -90…90")
        #expect(problem("  - {commodity: flour, date: 2016-08-01, amount: 5, corridor: tunnel}\n")
                == "scenario.yaml: inflows[0].corridor: only for per_day inflows; a delivery has date and amount")
        #expect(problem("  - {commodity: flour, per_day: 1, airport: [18.3, 43.8]}\n", for: .simulate)
                == "scenario.yaml: inflows[0].airport: needs an access timeline from a map: use `cordon run`, or drop the airport for `simulate`")
        #expect(problem("  - {name: '', commodity: flour, per_day: 1}\n") == "scenario.yaml: inflows[0].name: must be text, not empty")
        #expect(problem("  - {name: '  ', commodity: flour, per_day: 1}\n") == "scenario.yaml: inflows[0].name: must not be empty")
    }

    /// `inflows.<name>.<field>` names the same parameter as its index; a name may hold dots.
    @Test func montecarloVariesAnInflowByName() throws {
        let s = try load("""
              - {name: airlift no. 2, commodity: flour, per_day: 1, suspended: [{from: 2016-08-01}]}
            """, extra: """
            uncertainty:
              runs: 10
              vary:
                inflows.airlift no. 2.per_day: {uniform: [1, 2]}
            """, for: .simulate)
        #expect(s.uncertainty?.vary.map(\.parameter) == [.inflow(0, .perDay)])
        #expect(problem("  - {name: airlift, commodity: flour, per_day: 1}\n", extra: """
            uncertainty:
              runs: 10
              vary:
                inflows.airlfit.per_day: {uniform: [1, 2]}
            """, for: .simulate) == "scenario.yaml: uncertainty.vary.inflows.airlfit.per_day: no inflow named 'airlfit', did you mean airlift?")
    }
}
