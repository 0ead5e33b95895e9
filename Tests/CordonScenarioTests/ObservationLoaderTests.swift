import CordonCore
import CordonScenario
import CordonSupply
import Testing

/// The error line a scenario text gives, or nil when it loads.
private func problem(_ text: String) -> String? { scenarioProblem(text) }

private let base = """
start: 2016-07-17
end: 2016-12-22
population: 50_000
supplies:
  - {commodity: food, unit: kg, stock: 1000, need_per_person_day: 0.4}

"""

/// `observations` as the loader reads and refuses them.
@Suite struct ObservationLoaderTests {
    @Test func readsEveryForm() throws {
        let text = base + """
        observations:
          - {date: 2016-11-13, what: food.depleted, source: "WFP, 13 Nov 2016", note: last rations}
          - {date: 2016-08-06, what: food.restored, source: "Reuters"}
          - {date: 2016-07-17, what: siege.start, source: "SOHR"}
          - {date: 2016-12-22, what: siege.end, source: "ICRC"}
          - {date: 2016-12-15, what: population, value: 50000, source: "de Mistura"}
          - {date: 2016-07-20, what: food.price_multiple, value: 3, source: "Reuters"}
        """
        let s = try ScenarioLoader.parse(text, file: "scenario.yaml", for: .simulate).supply
        #expect(s.observations.map(\.what) == [.depleted("food"), .restored("food"), .siegeStart, .siegeEnd,
                                               .population, .priceMultiple("food")])
        #expect(s.observations[0] == Observation(date: Day(iso: "2016-11-13")!, what: .depleted("food"),
                                                 source: "WFP, 13 Nov 2016", note: "last rations"))
        #expect(s.observations[4].value == 50000)
        #expect(s.observations.map(\.what.spelling) == ["food.depleted", "food.restored", "siege.start", "siege.end",
                                                        "population", "food.price_multiple"])
    }

    @Test(arguments: [
        ("{date: 2016-11-13, what: fuel.depleted, source: x}", "observations[0].what: 'fuel' is not stocked (supplies: food)"),
        ("{date: 2016-11-13, what: food.depletd, source: x}", "observations[0].what: 'food.depletd' is not something Cordon can compare, did you mean food.depleted?"),
        ("{date: 2017-01-04, what: food.depleted, source: x}", "observations[0].date: 2017-01-04 is outside the scenario (2016-07-17 to 2016-12-22)"),
        ("{date: 2016-11-13, what: population, source: x}", "observations[0]: population needs a value: the number observed"),
        ("{date: 2016-11-13, what: food.depleted, source: ' '}", "observations[0].source: must not be empty: say where it was reported"),
        ("{date: 2016-11-13, what: food.depleted}", "observations[0].source: missing: give where it was reported: a citation a reader can follow"),
        ("{date: 2016-11-13, what: food.depleted, source: x, when: 1}", "observations[0].when: unknown key, did you mean what?"),
    ])
    func refusesBadObservations(_ entry: String, _ message: String) {
        #expect(problem(base + "observations:\n  - \(entry)\n") == "scenario.yaml: \(message)")
    }
}
