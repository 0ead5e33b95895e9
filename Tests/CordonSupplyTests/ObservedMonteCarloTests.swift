import CordonCore
@testable import CordonSupply
import Testing

/// The flour scenario of `Helpers` (1,000,000 kg for 50,000 people at 1 kg a day: empty at the end
/// of day 19) with 500,000 kg more on day 30 (short on days 20–29, so restored on day 30, empty
/// again at the end of day 39), a price index (elasticity 1: on day 10 the stock before eating is
/// 500,000 kg, D = 10 days, D0 = 20, multiple 2), and an observation of every kind.
private func observedFlour() -> SupplyScenario {
    var s = flourScenario()
    s.inflows = [.once("flour", date: siegeStart + 30, amount: 500_000)]
    s.supplies[0].price = PriceModel(elasticity: 1, cap: 10)
    s.observations = [Observation(date: siegeStart + 41, what: .depleted("flour"), source: "t"),
                      Observation(date: siegeStart + 18, what: .depleted("flour"), source: "t"),
                      Observation(date: siegeStart + 31, what: .restored("flour"), source: "t"),
                      Observation(date: siegeStart + 10, what: .priceMultiple("flour"), value: 2.5, source: "t"),
                      Observation(date: siegeStart + 3, what: .population, value: 48_000, source: "t"),
                      Observation(date: siegeStart, what: .siegeStart, source: "t")]
    // 613 runs: three blocks of the Monte Carlo, the last one short.
    s.uncertainty = Uncertainty(runs: 613, seed: 7, vary: [
        Variation(.supply(0, .stock), .uniform(800_000, 1_200_000)),
        Variation(.inflow(0, .amount), .uniform(300_000, 700_000)),
        Variation(.supply(0, .priceElasticity), .uniform(0.5, 2))])
    return s
}

/// A hindcast's numbers as bits, so NaN (not modelled) compares equal to NaN.
private func bits(_ h: Hindcast) -> [[UInt64?]] {
    h.lines.map { l in
        [l.central, l.p5, l.p50, l.p95].map(\.bitPattern) + [l.centralError?.bitPattern, l.medianError?.bitPattern]
            + [l.inside.map { $0 ? 1 : 0 }]
    }
}

/// `cordon run` takes its Monte Carlo and its hindcast from one pass over the runs: the same numbers
/// as the two made apart (`SupplyScenario.monteCarlo`, `Hindcast.score`), with any workers and stretch.
@Suite struct ObservedMonteCarloTests {
    @Test func onePassGivesTheMonteCarloAndTheHindcastOfTwo() async throws {
        let s = observedFlour()
        let model = try ObservationModel(s, access: nil)
        let apart = try await s.monteCarlo(jobs: 2)
        let scored = await Hindcast.score(model, jobs: 2)
        // The central run by hand (see observedFlour): the second run-out, the first, the
        // delivery, the price multiple, the people; siege.start is an input, not modelled.
        #expect(scored.lines.prefix(5).map(\.central) == [39, 19, 30, 2, 50_000])
        #expect(scored.lines[5].central.isNaN)
        for jobs in [1, 2] {
            let (monteCarlo, hindcast) = try await model.monteCarlo(jobs: jobs)
            #expect(monteCarlo == apart)
            #expect(bits(hindcast) == bits(scored))
            #expect(hindcast.runs == 613 && hindcast.seed == 7)
        }
        // The draws move the outcomes, so the spread is not the central run's.
        #expect(scored.lines[1].p5 < scored.lines[1].p95)
    }

    @Test(arguments: [1, 3, 7, 1_000])
    func stretchesOfDaysChangeNoOutcome(stretch: Int) async throws {
        // A run taken a few days at a time keeps its recorder's state between stretches: the
        // same outcomes, bit for bit, as calibration's runs taken whole.
        let s = observedFlour()
        let model = try ObservationModel(s, access: nil)
        let vary = s.uncertainty!.vary
        let whole = await model.runs(613, seed: 7, vary: vary, jobs: 1)
        let plan = try DayPlan(s, access: nil)
        let (result, outcomes) = await s.monteCarlo(runs: 613, seed: 7, jobs: 2, plan: plan, stretch: stretch,
                                                    observing: ObservationProbe(s), progress: nil)
        #expect(outcomes.map(\.bitPattern) == whole.outcomes.map(\.bitPattern))
        // And observation 1 (the first run-out) is each run's own depletion day.
        let firstRunOut: [Int?] = (0..<613).map { r in
            let day = outcomes[r * 6 + 1]
            return day.isFinite ? Int(day) : nil
        }
        #expect(firstRunOut == result.depletedDay[0])
    }

    @Test func outcomesThatWouldNotFitAreRefusedBeforeAnyRun() async throws {
        var s = flourScenario()
        // 1,000,000 runs × (3 kept + 1 observation) × 8 bytes = 32,000,000: fits.
        s.observations = [Observation(date: siegeStart + 3, what: .population, value: 1, source: "t")]
        #expect(s.outcomeBytes(runs: 1_000_000, kept: 3) == 32_000_000)
        try s.checkOutcomes(runs: 1_000_000, kept: 3)
        // 200 observations: 1,000,000 × 200 × 8 = 1,600,000,000 bytes, past 1 GiB (1,073,741,824).
        s.observations = Array(repeating: s.observations[0], count: 200)
        #expect(throws: SupplyError.tooManyOutcomes(runs: 1_000_000, observations: 200, bytes: 1_600_000_000)) {
            try s.checkOutcomes(runs: 1_000_000, kept: 0)
        }
        // The one-pass Monte Carlo keeps 3 per supply and the outcomes so far as well, twice while a
        // stretch runs: 1,000,000 × (2 × 203 + 200) × 8 = 4,848,000,000.
        let model = try ObservationModel(s, access: nil)
        await #expect(throws: SupplyError.tooManyOutcomes(runs: 1_000_000, observations: 200, bytes: 4_848_000_000)) {
            _ = try await model.monteCarlo(runs: 1_000_000)
        }
    }

    @Test func oneRuleSaysWhatTheModelCompares() throws {
        var s = flourScenario()
        s.supplies.append(Supply(commodity: "fuel", unit: "l", stock: 10, needPerPersonDay: 0))
        s.supplies[0].price = PriceModel(elasticity: 1, cap: 10)
        let cases: [(Observation.What, Unmodelled?)] = [
            (.depleted("flour"), nil), (.restored("fuel"), nil), (.population, nil), (.priceMultiple("flour"), nil),
            (.priceMultiple("fuel"), .noPriceIndex("fuel")), (.siegeStart, .input), (.siegeEnd, .input),
            (.depleted("salt"), .unstocked("salt")),
        ]
        s.observations = cases.map { Observation(date: siegeStart + 5, what: $0.0, value: 1, source: "t") }
        for (o, (what, expected)) in zip(s.observations, cases) { #expect(s.unmodelled(o) == expected, "\(what)") }
        // The runs give an outcome exactly where the rule says the model compares.
        let central = try ObservationModel(s, access: nil).outcomes()
        #expect(central.map { !$0.isNaN } == s.observations.map(s.models))
    }
}
