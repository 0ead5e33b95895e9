import CordonCore
@testable import CordonSupply
import Foundation
import Testing

/// Seasonal needs, population changes, shortage periods and food energy, each against an answer
/// worked out by hand (or in closed form) in the comments.
@Suite struct NeedsAndPeopleTests {
    @Test func needByMonthMultipliesTheNeedOfEachCalendarMonth() throws {
        // 1,000 people at 1 kg; January ×1, February ×1.5. 30 and 31 January take 1,000 kg each,
        // 1 February 1,500: 4,000 − 3,500 leaves 500, so 2 February gets 500 of 1,500 and the stock is out.
        var months = Array(repeating: 1.0, count: 12)
        months[1] = 1.5
        let scenario = SupplyScenario(start: day("2017-01-30"), end: day("2017-02-03"), population: 1_000, supplies: [
            Supply(commodity: "fuel", unit: "l", stock: 4_000, needPerPersonDay: 1, needByMonth: months)])
        let run = try scenario.simulate()
        #expect(run.days.map { $0.commodities[0].consumed } == [1_000, 1_000, 1_500, 500, 0])
        #expect(run.days.map { $0.commodities[0].shortfall } == [0, 0, 0, 1_000, 1_500])
        #expect(run.outcomes[0].depleted == day("2017-02-02"))
    }

    @Test func aYearOfWinterFuelSumsTheMonthsByTheirDays() throws {
        // 2017 has 365 days. Factors 2, 2, 1.5, 1 × 7, 1.5, 2 weighted by the days of each month:
        // 31·2 + 28·2 + 31·1.5 + (30 + 31 + 30 + 31 + 31 + 30 + 31) + 30·1.5 + 31·2 = 485.5
        // person-days, so 100 people at 1 l take 48,550 l.
        let months = [2, 2, 1.5, 1, 1, 1, 1, 1, 1, 1, 1.5, 2]
        let scenario = SupplyScenario(start: day("2017-01-01"), end: day("2017-12-31"), population: 100, supplies: [
            Supply(commodity: "fuel", unit: "l", stock: 1e7, needPerPersonDay: 1, needByMonth: months)])
        let run = try scenario.simulate()
        #expect(run.days.reduce(0) { $0 + $1.commodities[0].consumed } == 48_550)
        // Day index 59 is 1 March (31 + 28 days before it): ×1.5.
        #expect(run.days[59].date == day("2017-03-01"))
        #expect(run.days[59].commodities[0].consumed == 150)
        #expect(run.days[58].commodities[0].consumed == 200)
    }

    /// 10,000 people, 1 kg each, 200,000 kg: full rations for exactly 20 days.
    private func starving(days: Int, deathsPer10k: Double) -> SupplyScenario {
        SupplyScenario(start: siegeStart, end: siegeStart + (days - 1), population: 10_000,
                       supplies: [Supply(commodity: "food", unit: "kg", stock: 200_000, needPerPersonDay: 1)],
                       populationChanges: [PopulationChange(.deaths, rate: deathsPer10k, basis: .perTenThousand,
                                                            whileShort: "food")])
    }

    @Test func whileShortDeathsFollowTheGeometricDecayFromTheFirstShortDay() throws {
        // Days 1–20 are fed in full (day 20 eats the last 10,000 kg and has no shortfall), so
        // nobody dies. From day 21 nothing is left: every day is short and 10 in 10,000 die at
        // the day's end, so after day 20 + k the population is 10,000 × 0.999^k.
        let run = try starving(days: 40, deathsPer10k: 10).simulate()
        for d in 0..<20 {
            #expect(run.days[d].moved.deaths == 0)
            #expect(run.days[d].population == 10_000)
        }
        for k in 1...20 {
            let expected = 10_000 * pow(0.999, Double(k))
            #expect(abs(run.days[19 + k].population - expected) < 1e-8)
            #expect(abs(run.days[19 + k].moved.deaths - (10_000 - expected)) < 1e-8)
        }
        #expect(run.outcomes[0].shortages == [Period(from: siegeStart + 20, until: nil)])
    }

    @Test func whileShortDeathsStartOnTheFirstCutRation() throws {
        // Half rations below 10 days. Day 11 starts with 100,000 kg, exactly 10 days: full. Day 12
        // starts with 90,000 kg, 9 days: half rations, a shortfall, so 10 in 10,000 die that evening.
        var scenario = starving(days: 14, deathsPer10k: 10)
        scenario.rationing = [RationRule(belowDays: 10, ration: 0.5)]
        let run = try scenario.simulate()
        #expect(run.days[10].moved.deaths == 0)
        #expect(run.days[11].moved.deaths == 10)
        // Day 13 feeds the 9,990 left on half rations and 9.99 more die.
        #expect(abs(run.days[12].commodities[0].consumed - 4_995) < 1e-9)
        #expect(abs(run.days[12].moved.deaths - 19.99) < 1e-9)
    }

    @Test func ratesPerDayRespectWindowAndCapAndArrivalsEatFromTheNextDay() throws {
        // 100 arrive on each of days 3 and 4 ([from, until) holds two days), and 30 leave a day
        // until 50 have gone: 30, 20. Arrivals of day 3 eat from day 4.
        var scenario = flourScenario(days: 6)
        scenario.population = 1_000
        scenario.populationChanges = [
            PopulationChange(.arrivals, rate: 100, from: siegeStart + 2, until: siegeStart + 4),
            PopulationChange(.departures, rate: 30, maxTotal: 50),
        ]
        let run = try scenario.simulate()
        #expect(run.days.map(\.moved.arrivals) == [0, 0, 100, 200, 200, 200])
        #expect(run.days.map(\.moved.departures) == [30, 50, 50, 50, 50, 50])
        #expect(run.days.map(\.population) == [970, 950, 1_050, 1_150, 1_150, 1_150])
        #expect(run.days.map { $0.commodities[0].consumed } == [1_000, 970, 950, 1_050, 1_150, 1_150])
    }

    @Test func aStockThatRunsOutAndIsRefilledGivesTwoShortagePeriods() throws {
        // 1,000,000 kg at 50,000 kg a day lasts to 5 August (day 20); 6–9 August are short. A
        // 500,000 kg convoy on 10 August feeds 10 days, 10–19 August; from 20 August it is short
        // again to the end (14 September).
        var scenario = flourScenario(days: 60)
        scenario.inflows = [.once("flour", date: day("2016-08-10"), amount: 500_000)]
        let run = try scenario.simulate()
        let outcome = run.outcomes[0]
        #expect(outcome.depleted == day("2016-08-05"))
        #expect(outcome.shortages == [Period(from: day("2016-08-06"), until: day("2016-08-10")),
                                      Period(from: day("2016-08-20"), until: nil)])
        #expect(run.summaryJSON().contains(
            "\"shortages\": [{\"from\": \"2016-08-06\", \"until\": \"2016-08-10\"}, {\"from\": \"2016-08-20\", \"until\": null}]"))
        #expect(run.restorations == [Restoration(commodity: "flour", shortFrom: day("2016-08-06"),
                                                  restored: day("2016-08-10"), inflows: ["flour on 2016-08-10"])])
    }

    @Test func aRestorationNamesTheInflowThatBroughtTheMostWhenNoneLandsThatDay() throws {
        // Half rations below 5 days: a trickle of 60,000 kg a day from 10 August lifts the stock
        // past 5 days' need (250,000 kg) on a later day; that trickle is named.
        var scenario = flourScenario(days: 60)
        scenario.rationing = [RationRule(belowDays: 5, ration: 0.5)]
        scenario.inflows = [.daily("flour", perDay: 60_000, from: day("2016-08-10"))]
        let run = try scenario.simulate()
        #expect(run.restorations.count == 1)
        #expect(run.restorations.first?.inflows == ["flour inflow"])
        #expect(run.delivered[0][0] == 0)
        #expect(run.delivered[0][day("2016-08-10") - siegeStart] == 60_000)
    }

    @Test func foodEnergyIsHandedOutEnergyPerPersonAgainstTheSphereFigure() throws {
        // 1,000 people, 0.5 kg of flour each at 3,600 kcal/kg: 1,800 kcal a day for 5 days, then
        // nothing for 5. Mean 900, minimum 0, and all 10 days below 2,100. Water counts no energy.
        let scenario = SupplyScenario(start: siegeStart, end: siegeStart + 9, population: 1_000, supplies: [
            Supply(commodity: "flour", unit: "kg", stock: 2_500, needPerPersonDay: 0.5, kcalPerUnit: 3_600),
            Supply(commodity: "water", unit: "l", stock: 1e6, needPerPersonDay: 20)])
        let run = try scenario.simulate()
        #expect(run.days.map(\.kcalPerPerson) == [1_800, 1_800, 1_800, 1_800, 1_800, 0, 0, 0, 0, 0])
        #expect(run.kcal == KcalSummary(mean: 900, min: 0, daysBelow2100: 10))
        #expect(run.timelineColumns().prefix(4) == ["date", "population", "evacuated", "kcal_per_person_day"])
        #expect(run.summaryJSON().contains("\"kcal\": {\"mean\": 900, \"min\": 0, \"days_below_2100\": 10}"))
        #expect(run.timelineCSVT().hasPrefix("\"Date\",\"Real\",\"Real\",\"Real\","))
    }

    @Test func scenariosWithoutTheNewKeysKeepTheirColumnsAndKeys() throws {
        let run = try flourScenario().simulate()
        #expect(run.timelineColumns().prefix(4) == ["date", "population", "evacuated", "flour_stock"])
        #expect(!run.summaryJSON().contains("kcal") && !run.summaryJSON().contains("deaths"))
        #expect(run.kcal == nil)
    }

    @Test func theTimelineCarriesPeopleMovedSoFarAsRealColumns() throws {
        let run = try starving(days: 22, deathsPer10k: 10).simulate()
        let columns = run.timelineColumns()
        #expect(Array(columns.prefix(6)) == ["date", "population", "evacuated", "deaths", "arrivals", "departures"])
        #expect(columns.map(SupplyRun.timelineType).dropFirst().allSatisfy { $0 == "Real" })
        let lastRow = run.timelineCSV().split(separator: "\n").last!.split(separator: ",", omittingEmptySubsequences: false)
        // Day 22 is the second short day: 10 then 9.99 deaths.
        #expect(lastRow[3] == "19.99")
        #expect(run.summaryJSON().contains("\"deaths\": 19.99,"))
    }

    @Test func monteCarloStretchesCarryPeopleAcrossTheirEdges() async throws {
        // The same runs in stretches of 3 days and in one go must agree: the people moved so far
        // and each rule's count are part of the state carried between stretches.
        var scenario = starving(days: 40, deathsPer10k: 50)
        scenario.populationChanges.append(PopulationChange(.departures, rate: 40, maxTotal: 500))
        scenario.uncertainty = Uncertainty(runs: 20, seed: 3, vary: [
            Variation(.populationChange(0, .perTenThousandDay), .uniform(20, 80)),
            Variation(.supply(0, .stock), .uniform(100_000, 300_000))])
        let plan = try DayPlan(scenario, access: nil)
        let whole = await scenario.monteCarlo(runs: 20, seed: 3, jobs: 1, plan: plan, stretch: 1_000, progress: nil)
        let cut = await scenario.monteCarlo(runs: 20, seed: 3, jobs: 1, plan: plan, stretch: 3, progress: nil)
        #expect(whole == cut)
        // And the central values give the central run's stocks.
        var fixed = scenario
        fixed.uncertainty = Uncertainty(runs: 1, seed: 0)
        let one = try await fixed.monteCarlo()
        let central = try fixed.simulate()
        #expect(one.stock[0].map(\.p50) == central.days.map { $0.commodities[0].stock })
    }

    @Test func peopleBalance() throws {
        // Everyone is inside, evacuated, dead or departed, less those who arrived.
        var rng = Xoshiro256StarStar(seed: 14)
        for _ in 0..<200 {
            var scenario = flourScenario(days: 1 + Int(rng.next() % 90))
            scenario.population = 1e5 * rng.nextUnit()
            scenario.evacuation = [Evacuation(perDay: 500 * rng.nextUnit(), maxTotal: 1e4 * rng.nextUnit())]
            scenario.populationChanges = PopulationChange.Kind.allCases.map { kind in
                PopulationChange(kind, rate: 100 * rng.nextUnit(), basis: rng.nextUnit() < 0.5 ? .people : .perTenThousand,
                                 from: siegeStart + Int(rng.next() % 30), maxTotal: rng.nextUnit() < 0.5 ? .infinity : 5e3,
                                 whileShort: rng.nextUnit() < 0.5 ? "flour" : nil)
            }
            let run = try scenario.simulate()
            let last = run.days.last!
            let balance = last.population + last.evacuated + last.moved.deaths + last.moved.departures - last.moved.arrivals
            #expect(abs(balance - scenario.population) <= 1e-9 * max(scenario.population, 1))
            #expect(run.days.allSatisfy { $0.population >= 0 })
        }
    }
}
