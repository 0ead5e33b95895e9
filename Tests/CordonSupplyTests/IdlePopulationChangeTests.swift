import CordonCore
import CordonSupply
import Testing

/// A population change that can move nobody over the scenario is named, with why; one that
/// can move someone is not.
@Suite struct IdlePopulationChangeTests {
    @Test func changesThatMoveNobodyAreNamed() throws {
        var s = flourScenario(days: 30)
        s.populationChanges = [
            PopulationChange(.deaths, rate: 0),
            PopulationChange(.arrivals, rate: 10, from: siegeStart + 40),
            PopulationChange(.departures, rate: 5, until: siegeStart),
            PopulationChange(.departures, rate: 5, maxTotal: 0),
            PopulationChange(.deaths, rate: 1, basis: .perTenThousand, from: siegeStart + 3, until: siegeStart + 9),
        ]
        let lines = try s.idleRules()
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.first?.contains("population_changes[0] (deaths) moves nobody") == true)
        #expect(lines[0].hasSuffix("its per_day is 0"))
        #expect(lines[1].hasSuffix("its from is after the end"))
        #expect(lines[2].hasSuffix("its from/until hold no day of the scenario"))
        #expect(lines[3].hasSuffix("its max_total is 0"))
        #expect(!lines.joined().contains("population_changes[4]"))
    }
}
