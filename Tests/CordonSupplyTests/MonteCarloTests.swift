import CordonCore
import CordonSupply
import Testing

@Suite struct MonteCarloTests {
    /// The flour case with a stock drawn uniformly from 500,000 to 1,500,000 kg.
    private func uncertainFlour(runs: Int, seed: UInt64 = 17, days: Int = 60) -> SupplyScenario {
        var scenario = flourScenario(days: days)
        scenario.uncertainty = Uncertainty(runs: runs, seed: seed, vary: [
            Variation(.supply(0, .stock), .uniform(500_000, 1_500_000)),
            Variation(.population, .normal(mean: 50_000, sd: 2_000)),
        ])
        return scenario
    }

    @Test func theSameSeedGivesTheSameResultOnAnyNumberOfCores() async throws {
        let scenario = uncertainFlour(runs: 600)
        let one = try await scenario.monteCarlo(jobs: 1)
        let again = try await scenario.monteCarlo(jobs: 1)
        let four = try await scenario.monteCarlo(jobs: 4)
        #expect(one == again)
        #expect(one == four)
        let other = try await scenario.monteCarlo(seed: 18)
        #expect(other != one)
    }

    /// The draws of run `run`, applied to the scenario: that run on its own.
    private func variant(_ scenario: SupplyScenario, run: Int) -> SupplyScenario {
        var rng = Xoshiro256StarStar(seed: scenario.uncertainty!.seed, run: run)
        var variant = scenario
        for v in scenario.uncertainty!.vary { variant.set(v.parameter, to: v.distribution.draw(&rng)) }
        return variant
    }

    @Test func percentilesAreOrdered() async throws {
        let scenario = uncertainFlour(runs: 500)
        let result = try await scenario.monteCarlo(jobs: 2)
        let spread = result.depleted[0]
        #expect(spread.p5! <= spread.p50! && spread.p50! <= spread.p95!)
        for band in result.stock[0] { #expect(band.p5 <= band.p50 && band.p50 <= band.p95) }
        // The bands are real values (nearest rank, no interpolation): each is the stock of one
        // of the runs that day, the runs recomputed one by one.
        #expect(result.stock[0].count == 60)
        let runs = try (0..<500).map { try variant(scenario, run: $0).simulate().days.map { $0.commodities[0].stock } }
        for (d, band) in result.stock[0].enumerated() {
            let day = Set(runs.map { $0[d] })
            #expect(day.contains(band.p5) && day.contains(band.p50) && day.contains(band.p95), "day \(d)")
        }
    }

    /// P5, P50 and P95 of the depletion day are the 10th, 100th and 190th smallest of 200 runs
    /// (⌈p·200/100⌉, docs/design.md#monte-carlo), each run's day recomputed here on its own. The
    /// stock spans 0.5–15 million kg at 50,000 kg a day, so depletion days spread over 290 days and
    /// the neighbours of those ranks differ: a percentile one rank off cannot pass.
    @Test func depletionPercentilesAreTheNearestRanksOfTheRunsRecomputedOneByOne() async throws {
        var scenario = flourScenario(days: 320)
        scenario.uncertainty = Uncertainty(runs: 200, seed: 23, vary: [Variation(.supply(0, .stock), .uniform(500_000, 15_000_000))])
        let result = try await scenario.monteCarlo(jobs: 2)
        let days = try (0..<200).map { run in try variant(scenario, run: run).simulate().outcomes[0].depleted.map { $0 - siegeStart } }
        #expect(result.depletedDay[0] == days)
        let sorted = days.map { $0 ?? Int.max }.sorted()
        #expect(sorted[8] != sorted[9] && sorted[9] != sorted[10], "ties around rank 10")
        #expect(sorted[98] != sorted[99] && sorted[99] != sorted[100], "ties around rank 100")
        #expect(sorted[188] != sorted[189] && sorted[189] != sorted[190], "ties around rank 190")
        let at = { (k: Int) in sorted[k - 1] == Int.max ? nil : siegeStart + sorted[k - 1] }
        #expect(result.depleted[0].p5 == at(10))
        #expect(result.depleted[0].p50 == at(100))
        #expect(result.depleted[0].p95 == at(190))
        #expect(result.depleted[0].never == Double(sorted.count { $0 == Int.max }) / 200)
    }

    @Test func aUniformStockGivesTheAnalyticMedianDepletion() async throws {
        // Stock S ~ U(0.5, 1.5) million kg at 50,000 kg a day runs out on day ⌈S / 50,000⌉; the
        // median stock, 1,000,000 kg, runs out on day 20, 5 August.
        var scenario = flourScenario()
        scenario.uncertainty = Uncertainty(runs: 2_001, seed: 5, vary: [Variation(.supply(0, .stock), .uniform(500_000, 1_500_000))])
        let result = try await scenario.monteCarlo()
        let median = try #require(result.depleted[0].p50)
        #expect(abs(median - day("2016-08-05")) <= 1)
        // p5 and p95 of the stock are 550,000 and 1,450,000 kg: days 11 and 29.
        #expect(abs(result.depleted[0].p5! - (siegeStart + 10)) <= 1)
        #expect(abs(result.depleted[0].p95! - (siegeStart + 28)) <= 1)
        #expect(result.depleted[0].never == 0)
        // Each run agrees with its own stock: check run 0 against a deterministic run.
        var rng = Xoshiro256StarStar(seed: 5, run: 0)
        var first = flourScenario()
        first.supplies[0].stock = Distribution.uniform(500_000, 1_500_000).draw(&rng)
        let single = try first.simulate()
        #expect(single.outcomes[0].depleted == siegeStart + result.depletedDay[0][0]!)
    }

    @Test func runsThatNeverDepleteCountAsLaterThanEveryDate() async throws {
        // S ~ U(0, 2 million) over 30 days lasts when S > 1.5 million: a quarter of runs.
        var scenario = flourScenario(days: 30)
        scenario.uncertainty = Uncertainty(runs: 4_000, seed: 9, vary: [Variation(.supply(0, .stock), .uniform(0, 2_000_000))])
        let result = try await scenario.monteCarlo(jobs: 2)
        #expect(abs(result.depleted[0].never - 0.25) < 0.03)
        #expect(result.depleted[0].p50 != nil)
        #expect(result.depleted[0].p95 == nil)
        #expect(result.depletedDay[0].count == 4_000)
    }

    @Test func nearestRankPicksAnActualValue() {
        let ten = Array(1...10)
        #expect(NearestRank.percentile(5, of: ten) == 1)
        #expect(NearestRank.percentile(50, of: ten) == 5)
        #expect(NearestRank.percentile(95, of: ten) == 10)
        #expect(NearestRank.rank(95, of: 20) == 19)
        #expect(NearestRank.rank(5, of: 20) == 1)
        #expect(NearestRank.rank(50, of: 2_001) == 1_001)
    }

    @Test func stockBandsMatchSortedColumns() async throws {
        // Check the selection against a plain sort of one day's stocks, rebuilt from each run.
        let scenario = uncertainFlour(runs: 300, days: 25)
        let result = try await scenario.monteCarlo(jobs: 3)
        for d in [0, 10, 19, 24] {
            var column: [Double] = []
            for run in 0..<300 {
                var rng = Xoshiro256StarStar(seed: 17, run: run)
                var variant = scenario
                for v in scenario.uncertainty!.vary { variant.set(v.parameter, to: v.distribution.draw(&rng)) }
                column.append(try variant.simulate().days[d].commodities[0].stock)
            }
            let sorted = column.sorted()
            let band = result.stock[0][d]
            #expect([band.p5, band.p50, band.p95] == [sorted[14], sorted[149], sorted[284]])
        }
    }
}
