import CordonCore
import CordonSupply
import Testing

/// Random scenarios: whatever the rules do, no stock appears or vanishes unaccounted.
@Suite struct MassBalanceTests {
    private func randomScenario(_ rng: inout Xoshiro256StarStar) -> SupplyScenario {
        func pick(_ range: ClosedRange<Double>) -> Double { range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUnit() }
        func pickInt(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
        let days = pickInt(1...200)
        let start = siegeStart
        func someDay() -> Day { start + pickInt(-5...(days + 5)) }
        let names = ["flour", "water", "medicine"].prefix(pickInt(1...3))
        let supplies = names.map {
            Supply(commodity: $0, unit: "kg", stock: pick(0...2e6), needPerPersonDay: pick(0...2),
                   spoilagePerDay: rng.nextUnit() < 0.5 ? 0 : pick(0...0.05))
        }
        let inflows: [Inflow] = (0..<pickInt(0...5)).map { _ in
            let c = names.randomElement(using: &rng)!
            return rng.nextUnit() < 0.5
                ? .daily(c, perDay: pick(0...50_000), from: rng.nextUnit() < 0.5 ? nil : someDay(), until: rng.nextUnit() < 0.5 ? nil : someDay())
                : .once(c, date: someDay(), amount: pick(0...500_000))
        }
        let rationing = (0..<pickInt(0...3)).map { _ in RationRule(belowDays: pick(0...40), ration: pick(0...1)) }
        let evacuation = (0..<pickInt(0...2)).map { _ in
            Evacuation(from: someDay(), until: someDay(), perDay: pick(0...5_000), maxTotal: rng.nextUnit() < 0.5 ? .infinity : pick(0...50_000))
        }
        return SupplyScenario(start: start, end: start + (days - 1), population: pick(0...300_000), supplies: Array(supplies),
                              inflows: inflows, rationing: rationing, evacuation: evacuation)
    }

    @Test func stockInEqualsStockOutForEveryCommodity() throws {
        var rng = Xoshiro256StarStar(seed: 2016)
        for _ in 0..<500 {
            let scenario = randomScenario(&rng)
            let run = try scenario.simulate()
            #expect(run.days.count == scenario.dayCount)
            for (c, supply) in scenario.supplies.enumerated() {
                let days = run.days.map { $0.commodities[c] }
                let into = supply.stock + days.reduce(0) { $0 + $1.inflow }
                let out = days.reduce(0) { $0 + $1.consumed + $1.spoiled } + days.last!.stock
                #expect(abs(into - out) <= 1e-9 * max(into, 1), "\(scenario)")
                for d in days {
                    #expect(d.stock >= 0 && d.consumed >= 0 && d.shortfall >= -1e-9 * max(d.consumed, 1))
                    #expect(d.met >= 0 && d.met <= 1)
                }
            }
            // People too: everyone is either still inside or evacuated.
            let last = run.days.last!
            #expect(abs(last.population + last.evacuated - scenario.population) <= 1e-9 * max(scenario.population, 1))
            #expect(last.population >= 0)
        }
    }
}
