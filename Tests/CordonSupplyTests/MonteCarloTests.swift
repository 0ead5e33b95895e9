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

    @Test func percentilesAreOrdered() async throws {
        let result = try await uncertainFlour(runs: 500).monteCarlo(jobs: 2)
        let spread = result.depleted[0]
        #expect(spread.p5! <= spread.p50! && spread.p50! <= spread.p95!)
        for band in result.stock[0] { #expect(band.p5 <= band.p50 && band.p50 <= band.p95) }
        // The bands are real values: day 1 of run 0 falls within the day-1 band.
        #expect(result.stock[0].count == 60)
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
