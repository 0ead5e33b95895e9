import CordonCore
import CordonSupply
import Testing

/// Cases whose answers are worked out by hand in the comments.
@Suite struct AnalyticTests {
    @Test func constantNeedDepletesOnTheExactDate() throws {
        // 1,000,000 kg / 50,000 kg a day = 20 days: 17 July is day 1, so day 20 is 5 August.
        let run = try flourScenario().simulate()
        #expect(run.outcomes[0].depleted == day("2016-08-05"))
        #expect(run.days[18].commodities[0].stock == 50_000)
        #expect(run.days[19].commodities[0].stock == 0)
        // The day after, nothing is left: the shortfall is all of need and the worst band is reached.
        #expect(run.days[20].commodities[0].shortfall == 50_000)
        #expect(run.outcomes[0].firstReached[.reduced] == day("2016-08-06"))
        #expect(run.outcomes[0].firstReached[.catastrophe] == day("2016-08-06"))
    }

    @Test func rationingStretchesTheStockByTheHandComputedDays() throws {
        // Half rations below 10 days left. Days 1–11 are full (day 11 starts with 500,000 kg, exactly
        // 10 days, and 10 > 10 is false), leaving 450,000 kg. From day 12 people get 25,000 kg a day:
        // 450,000 / 25,000 = 18 more days, so the stock ends on day 29, 14 August: 9 days later.
        var scenario = flourScenario()
        scenario.rationing = [RationRule(belowDays: 10, ration: 0.5)]
        let run = try scenario.simulate()
        let outcome = run.outcomes[0]
        #expect(outcome.depleted == day("2016-08-14"))
        #expect(outcome.depleted! - day("2016-08-05") == 9)
        #expect(run.days[10].commodities[0].ration == 1)
        #expect(run.days[11].commodities[0].ration == 0.5)
        #expect(run.days[11].commodities[0].daysLeft == 9)
        // Half rations are the crisis band from day 12; nothing at all on day 30.
        #expect(outcome.firstReached[.reduced] == day("2016-07-28"))
        #expect(outcome.firstReached[.crisis] == day("2016-07-28"))
        #expect(outcome.firstReached[.emergency] == day("2016-08-15"))
    }

    @Test func theSmallestApplicableRationWins() throws {
        var scenario = flourScenario()
        // Out of order on purpose; at 9 days left both the 0.8 and 0.5 rules apply.
        scenario.rationing = [RationRule(belowDays: 30, ration: 0.8), RationRule(belowDays: 10, ration: 0.5)]
        let run = try scenario.simulate()
        #expect(run.days[0].commodities[0].ration == 0.8)
        #expect(run.days[0].commodities[0].met == 0.8)
        #expect(run.outcomes[0].firstReached[.reduced] == siegeStart)
        #expect(run.outcomes[0].firstReached[.crisis] != siegeStart)
    }

    @Test func evacuationRespectsItsCapsAndWindow() throws {
        var scenario = flourScenario(days: 10)
        scenario.population = 1_000
        // 30 a day until 100 have gone: 30, 30, 30, 10, then nobody.
        scenario.evacuation = [Evacuation(from: siegeStart, until: siegeStart + 8, perDay: 30, maxTotal: 100)]
        let run = try scenario.simulate()
        #expect(run.days.map(\.evacuated) == [30, 60, 90, 100, 100, 100, 100, 100, 100, 100])
        #expect(run.days.last!.population == 900)

        // Never more than are inside; and nobody leaves before `from` or from `until` on.
        scenario.population = 200
        scenario.evacuation = [Evacuation(from: siegeStart + 2, until: siegeStart + 4, perDay: 150)]
        let small = try scenario.simulate()
        #expect(small.days.map(\.population) == [200, 200, 50, 0, 0, 0, 0, 0, 0, 0])
        #expect(small.evacuated == 200)
    }

    @Test func peopleWhoLeaveDoNotEatThatDay() throws {
        var scenario = flourScenario(days: 3)
        scenario.evacuation = [Evacuation(perDay: 10_000)]
        let run = try scenario.simulate()
        #expect(run.days[0].commodities[0].consumed == 40_000)
        #expect(run.days[1].commodities[0].consumed == 30_000)
    }

    @Test func aOneOffConvoyLandsOnItsDate() throws {
        var scenario = flourScenario(days: 40)
        scenario.inflows = [.once("flour", date: day("2016-08-01"), amount: 300_000)]
        let run = try scenario.simulate()
        let landing = day("2016-08-01") - siegeStart
        for (d, record) in run.days.enumerated() {
            #expect(record.commodities[0].inflow == (d == landing ? 300_000 : 0))
        }
        // 300,000 kg is 6 more days: 11 August instead of 5 August.
        #expect(run.outcomes[0].depleted == day("2016-08-11"))
    }

    @Test func dailyInflowsKeepToTheirWindow() throws {
        var scenario = flourScenario(days: 10)
        scenario.inflows = [.daily("flour", perDay: 20_000, from: siegeStart + 2, until: siegeStart + 5)]
        let run = try scenario.simulate()
        #expect(run.days.map { $0.commodities[0].inflow } == [0, 0, 20_000, 20_000, 20_000, 0, 0, 0, 0, 0])
    }

    @Test func routesScaleInflowsByTheirStatus() throws {
        var scenario = flourScenario(days: 4)
        scenario.inflows = [.daily("flour", perDay: 10_000, route: "castello", underFireFactor: 0.25)]
        let access = AccessTimeline(start: siegeStart, statuses: ["castello": [.open, .underFire, .cut]])
        let run = try scenario.simulate(access: access)
        // The last status holds on: day 4 is still cut.
        #expect(run.days.map { $0.commodities[0].inflow } == [10_000, 2_500, 0, 0])
        #expect(throws: SupplyError.unknownRoute(inflow: 0, route: "castello")) { try scenario.simulate() }
    }

    @Test func spoilageCompounds() throws {
        // Nobody eats: 1,000 kg losing 10 % a day keeps 1,000 × 0.9^n after n days.
        let scenario = SupplyScenario(start: siegeStart, end: siegeStart + 29, population: 0, supplies: [
            Supply(commodity: "flour", unit: "kg", stock: 1_000, needPerPersonDay: 0.33, spoilagePerDay: 0.1),
        ])
        let run = try scenario.simulate()
        for n in [1, 10, 30] {
            let expected = 1_000 * (0..<n).reduce(1.0) { p, _ in p * 0.9 }
            #expect(abs(run.days[n - 1].commodities[0].stock - expected) < 1e-9 * expected)
        }
        #expect(abs(run.days[9].commodities[0].stock - 348.678_440_1) < 1e-7)
        #expect(run.outcomes[0].depleted == nil)
        #expect(run.days[0].commodities[0].met == 1)
    }

    @Test func anUnstockedInflowIsAnError() {
        var scenario = flourScenario()
        scenario.inflows = [.once("fuel", date: siegeStart, amount: 1)]
        #expect(throws: SupplyError.unstocked(inflow: 0, commodity: "fuel")) { try scenario.simulate() }
    }
}
