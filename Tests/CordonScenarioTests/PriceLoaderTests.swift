import CordonCore
import CordonScenario
import CordonSupply
import Testing

private let priced = """
start: 2016-07-17
end: 2016-12-22
population: 50_000
supplies:
  - {commodity: food, unit: kg, stock: 1000, need_per_person_day: 0.4, price: {elasticity: 2, cap: 20}}
  - {commodity: fuel, unit: l, stock: 10, need_per_person_day: 0.1}
uncertainty:
  runs: 10
  vary:
    supplies.food.price.elasticity: {uniform: [1, 3]}
    supplies.food.price.cap: {uniform: [5, 30]}

"""

/// A supply's `price:` and its vary paths, as the loader reads and refuses them.
@Suite struct PriceLoaderTests {
    @Test func readsThePriceAndItsVaryPaths() throws {
        let s = try ScenarioLoader.parse(priced, file: "scenario.yaml", for: .simulate).supply
        #expect(s.supplies[0].price == PriceModel(elasticity: 2, cap: 20))
        #expect(s.supplies[1].price == nil)
        #expect(s.uncertainty?.vary.map(\.parameter) == [.supply(0, .priceElasticity), .supply(0, .priceCap)])
        #expect(s.name(of: .supply(0, .priceCap)) == "supplies.food.price.cap")
        // A drawn value lands in the price model.
        #expect(s.with(s.uncertainty!.vary, values: [1.5, 7]).supplies[0].price == PriceModel(elasticity: 1.5, cap: 7))
    }

    @Test func refusesWhatCannotBeAPriceIndex() {
        func problem(_ text: String) -> String? { scenarioProblem(text, file: "s.yaml") }
        #expect(problem(priced.replacingOccurrences(of: "cap: 20}", with: "cap: 0.5}"))?.hasPrefix("s.yaml: supplies[0].price.cap: must be from 1") == true)
        #expect(problem(priced.replacingOccurrences(of: "elasticity: 2,", with: "elasticity: 11,"))?.hasPrefix("s.yaml: supplies[0].price.elasticity: must be at most 10") == true)
        #expect(problem(priced.replacingOccurrences(of: "elasticity: 2, cap: 20", with: "elasticity: 2"))?.contains("supplies[0].price.cap: missing") == true)
        #expect(problem(priced.replacingOccurrences(of: "cap: 20}", with: "cap: 20, floor: 1}"))?.contains("supplies[0].price.floor: unknown key") == true)
        #expect(problem(priced.replacingOccurrences(of: "supplies.food.price.cap", with: "supplies.fuel.price.cap"))?
            .contains("supply 'fuel' has no price index to vary") == true)
        #expect(problem(priced.replacingOccurrences(of: "supplies.food.price.cap", with: "supplies.food.price.ceiling"))?
            .contains("cannot vary 'price.ceiling'") == true)
    }
}
