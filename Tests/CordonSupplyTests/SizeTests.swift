import CordonCore
@testable import CordonSupply
import Testing

/// Bounded memory and refused sizes: Monte Carlo in stretches of days gives the same numbers as
/// in one go, and a simulation past `SupplyLimits` is refused before anything is allocated.
@Suite struct SizeTests {
    /// Two supplies, a delivery, a daily inflow, rationing and evacuation, with draws on each kind.
    private func busyScenario(runs: Int) -> SupplyScenario {
        var s = SupplyScenario(
            name: "busy", start: siegeStart, end: siegeStart + 49, population: 40_000,
            supplies: [Supply(commodity: "flour", unit: "kg", stock: 900_000, needPerPersonDay: 0.9, spoilagePerDay: 0.002),
                       Supply(commodity: "fuel", unit: "l", stock: 60_000, needPerPersonDay: 0.05)],
            inflows: [.daily("flour", perDay: 12_000, from: siegeStart + 5, until: siegeStart + 23),
                      .once("fuel", date: siegeStart + 17, amount: 30_000)],
            rationing: [RationRule(belowDays: 20, ration: 0.8), RationRule(belowDays: 8, ration: 0.5)],
            evacuation: [Evacuation(from: siegeStart + 10, until: siegeStart + 30, perDay: 300, maxTotal: 4_000)])
        s.uncertainty = Uncertainty(runs: runs, seed: 11, vary: [
            Variation(.population, .uniform(35_000, 45_000)),
            Variation(.supply(0, .stock), .triangular(600_000, 900_000, 1_300_000)),
            Variation(.inflow(1, .amount), .normal(mean: 30_000, sd: 8_000)),
            Variation(.evacuation(0, .maxTotal), .lognormal(mu: 8.3, sigma: 0.3)),
        ])
        return s
    }

    @Test(arguments: [1, 7, 49, 50, 1_000])
    func stretchesOfDaysChangeNothing(stretch: Int) async throws {
        let scenario = busyScenario(runs: 613)
        let plan = try DayPlan(scenario, access: nil)
        let whole = await scenario.monteCarlo(runs: 613, seed: 11, jobs: 1, plan: plan, stretch: 50, progress: nil)
        let cut = await scenario.monteCarlo(runs: 613, seed: 11, jobs: 2, plan: plan, stretch: stretch, progress: nil)
        #expect(cut == whole)
        #expect(whole.stock.map(\.count) == [50, 50])
    }

    @Test func theOneCallFormMatchesTheStretchedOne() async throws {
        let scenario = busyScenario(runs: 300)
        let plan = try DayPlan(scenario, access: nil)
        let stretched = await scenario.monteCarlo(runs: 300, seed: 11, jobs: 1, plan: plan, stretch: 3, progress: nil)
        #expect(try await scenario.monteCarlo() == stretched)
    }

    @Test func aScenarioWithoutRunsOrDaysStillAnswers() async throws {
        var scenario = flourScenario(days: 10)
        let none = try await scenario.monteCarlo(runs: 0)
        #expect(none.runs == 0 && none.stock.isEmpty && none.depleted[0].p50 == nil)
        #expect(!none.depletedDay[0].contains { $0 != nil })
        scenario.end = scenario.start - 1  // no days at all
        let empty = try await scenario.monteCarlo(runs: 5)
        #expect(empty.depletedDay[0] == [Int?](repeating: nil, count: 5))
        #expect(empty.stock[0].isEmpty)
    }

    @Test func countsPastTheLimitsAreRefusedBeforeAnythingIsAllocated() async throws {
        let scenario = flourScenario(days: 10)
        // The largest Int: no overflow, no allocation, a SupplyError.
        for runs in [Int.max, SupplyLimits.maxRuns + 1] {
            await #expect(throws: SupplyError.self) { try await scenario.monteCarlo(runs: runs) }
        }
        // Year 1 to 9999 with a thousand runs: gigabytes, refused with the memory it would need.
        var long = flourScenario()
        long.start = Day(year: 1, month: 1, day: 1)!
        long.end = Day(year: 9999, month: 12, day: 31)!
        let size = SimulationSize(long, runs: 1_000)
        #expect(size.days == 3_652_059)
        #expect(!size.fits && size.bytes > SupplyLimits.maxMemory)
        #expect(size.excess?.contains("GiB of memory") == true)
        #expect(throws: SupplyError.tooLarge(SimulationSize(long, runs: 0))) { try long.simulate() }
        await #expect(throws: SupplyError.self) { try await long.monteCarlo(runs: 1_000) }
        // Saturating, never trapping, however absurd the counts.
        let absurd = SimulationSize(long, runs: Int.max)
        #expect(absurd.bytes == .max && absurd.steps == .max)
    }

    @Test func ordinaryScenariosFitWithRoomToSpare() {
        // The demo's size: 175 days, 3 supplies, 1,000 runs.
        var demo = flourScenario(days: 175)
        demo.supplies += [Supply(commodity: "fuel", unit: "l", stock: 1, needPerPersonDay: 1),
                          Supply(commodity: "medicine", unit: "kits", stock: 1, needPerPersonDay: 1)]
        #expect(SimulationSize(demo, runs: 1_000).fits)
        #expect(SimulationSize(demo, runs: 1_000).bytes < 100 << 20)
        // A million runs of a year with one supply fits; the work limit is what stops a century of it.
        let year = flourScenario(days: 366)
        #expect(SimulationSize(year, runs: SupplyLimits.maxRuns).fits)
        let century = flourScenario(days: 36_525)
        let big = SimulationSize(century, runs: SupplyLimits.maxRuns)
        #expect(!big.fits && big.steps > SupplyLimits.maxSteps && big.bytes <= SupplyLimits.maxMemory)
    }

    @Test func largestDrawBoundsEveryDraw() {
        let cases: [Distribution] = [.uniform(0, 5), .triangular(1, 2, 9), .normal(mean: 10, sd: 3),
                                     .lognormal(mu: 2, sigma: 0.5)]
        for d in cases {
            var rng = Xoshiro256StarStar(seed: 3)
            for _ in 0..<20_000 { #expect(d.draw(&rng) <= d.largestDraw) }
        }
        #expect(Distribution.lognormal(mu: 700, sigma: 50).largestDraw == .infinity)
        #expect(abs(Distribution.largestStandardNormal - 8.5717) < 1e-4)
    }

    @Test func manyRationRulesPickTheSameRationAsAScan() {
        let rules: [RationRule] = (0..<500).map { (i: Int) -> RationRule in
            RationRule(belowDays: Double((i * 37) % 101), ration: Double((i * 13) % 100) / 100)
        }
        let policy = RationPolicy(rules)
        let lefts: [Double] = Array(stride(from: -1.0, through: 102, by: 0.25)) + [Double.infinity, Double.nan]
        for left in lefts {
            let scan = rules.filter { $0.belowDays > left }.map { $0.ration }.min() ?? 1
            #expect(policy.ration(daysLeft: left) == scan, "days left \(left)")
        }
    }
}
