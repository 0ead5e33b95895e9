import CordonCore
import CordonScenario
import CordonSupply
import CordonTestSupport
import Testing

/// The error line a scenario text gives, or nil when it loads.
private func problem(_ text: String, for purpose: ScenarioLoader.Purpose = .simulate) -> String? {
    scenarioProblem(text, for: purpose)
}

@Suite struct LoaderTests {
    @Test func readsEverySection() throws {
        let text = ScenarioText.valid + """
        inflows:
          - {commodity: flour, per_day: 1000, from: 2016-08-06, until: 2016-09-04, under_fire_factor: 0.5}
          - {commodity: flour, date: 2016-08-10, amount: 5000}
        rationing:
          - {below_days: 10, ration: 0.5}
        evacuation:
          - {from: 2016-07-28, until: 2016-08-06, per_day: 500, max_total: 3000, corridor: bustan-al-qasr}
        uncertainty:
          runs: 50
          seed: 9
          vary:
            population: {normal: [50000, 1000]}
            supplies.flour.stock: {triangular: [500000, 1000000, 1500000]}
            inflows.1.amount: {lognormal: [8, 0.5]}
            evacuation.0.max_total: {uniform: [1000, 5000]}
        """
        let s = try ScenarioLoader.parse(text, file: "scenario.yaml", for: .simulate).supply
        #expect(s.start == Day(iso: "2016-07-17") && s.end == Day(iso: "2016-08-31"))
        #expect(s.inflows == [
            .daily("flour", perDay: 1000, from: Day(iso: "2016-08-06"), until: Day(iso: "2016-09-04"), underFireFactor: 0.5),
            .once("flour", date: Day(iso: "2016-08-10")!, amount: 5000),
        ])
        #expect(s.rationing == [RationRule(belowDays: 10, ration: 0.5)])
        #expect(s.evacuation == [Evacuation(from: Day(iso: "2016-07-28"), until: Day(iso: "2016-08-06"), perDay: 500,
                                            maxTotal: 3000, corridor: "bustan-al-qasr")])
        #expect(s.uncertainty == Uncertainty(runs: 50, seed: 9, vary: [
            Variation(.population, .normal(mean: 50000, sd: 1000)),
            Variation(.supply(0, .stock), .triangular(500_000, 1_000_000, 1_500_000)),
            Variation(.inflow(1, .amount), .lognormal(mu: 8, sigma: 0.5)),
            Variation(.evacuation(0, .maxTotal), .uniform(1000, 5000)),
        ]))
    }

    @Test func unknownKeysSuggestTheNearestKnownOne() {
        #expect(problem(ScenarioText.valid + "populaton: 3\n") == "scenario.yaml: populaton: unknown key, did you mean population?")
        #expect(problem(ScenarioText.valid.replacingOccurrences(of: "stock:", with: "stok:"))
                == "scenario.yaml: supplies[0].stok: unknown key, did you mean stock?")
        #expect(problem(ScenarioText.valid + "colour: red\n")?.hasPrefix("scenario.yaml: colour: unknown key, expected one of: name, start") == true)
    }

    @Test func numbersMustBePresentAndNonNegative() {
        #expect(problem(ScenarioText.valid.replacingOccurrences(of: "stock: 1_000_000", with: "stock: -5"))
                == "scenario.yaml: supplies[0].stock: must be ≥ 0")
        #expect(problem(ScenarioText.valid.replacingOccurrences(of: "stock: 1_000_000, ", with: ""))
                == "scenario.yaml: supplies[0].stock: missing: give a number ≥ 0")
        #expect(problem(ScenarioText.valid.replacingOccurrences(of: "50_000", with: "many"))
                == "scenario.yaml: population: must be a number, not 'many'")
        #expect(problem(ScenarioText.valid + "rationing:\n  - {below_days: 5, ration: 1.5}\n")
                == "scenario.yaml: rationing[0].ration: must be between 0 and 1")
        #expect(problem(ScenarioText.valid + "evacuation:\n  - {per_day: -1}\n")
                == "scenario.yaml: evacuation[0].per_day: must be ≥ 0")
    }

    @Test func inflowsMustBringSomethingStocked() {
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: fuel, per_day: 10}\n")
                == "scenario.yaml: inflows[0].commodity: 'fuel' is not stocked (supplies: flour)")
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: flour, per_day: 10, amount: 5}\n")
                == "scenario.yaml: inflows[0].amount: not with per_day: an inflow is either per_day, or date and amount")
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: flour, date: 2016-08-01}\n")
                == "scenario.yaml: inflows[0].amount: missing: give a number ≥ 0")
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: flour}\n")
                == "scenario.yaml: inflows[0]: give per_day, or date and amount")
    }

    @Test func routesNeedTheAccessTimelineOfRun() {
        let text = ScenarioText.valid + "inflows:\n  - {commodity: flour, per_day: 10, route: castello}\n"
        #expect(problem(text)?.hasPrefix("scenario.yaml: inflows[0].route: needs an access timeline") == true)
        #expect(problem(text, for: .run) == nil)
    }

    @Test func runMayLeaveThePopulationToTheMap() throws {
        let text = ScenarioText.valid.replacingOccurrences(of: "population: 50_000\n", with: "")
        #expect(problem(text) == "scenario.yaml: population: missing: give the number of people inside")
        let loaded = try ScenarioLoader.parse(text, file: "scenario.yaml", for: .run)
        #expect(loaded.population == nil)
        #expect(try ScenarioLoader.parse(ScenarioText.valid, file: "scenario.yaml", for: .run).population == 50_000)
    }

    /// The library's bounds on distances (SiegeLimits) reach the scenario as its own keys.
    @Test func siegeDistancesOutsideTheirBoundsNameTheKey() {
        let siege = ScenarioText.valid + "map: m.geojson\nbesieged: a\nfocus: [1, 2]\n"
        #expect(problem(siege + "fire_range_m: 1e7\n", for: .run)
                == "scenario.yaml: fire_range_m: must be a number of metres from 0 to 300000, got 10000000")
        #expect(problem(siege + "walk_m: 1e300\n", for: .run)
                == "scenario.yaml: walk_m: must be a number of metres from 0 to 300000, got 1e+300")
        #expect(problem(siege + "snap: 20000\n", for: .run)
                == "scenario.yaml: snap: must be a number of metres from 0 to 10000, got 20000")
        #expect(problem(siege + "snap: 60\nfire_range_m: 2000\nwalk_m: 1000\n", for: .run) == nil)
    }

    /// `neutral` reaches both analyses; the besieged side cannot be its own neutral party.
    @Test func neutralControllersReachTheAnalyses() throws {
        let siege = ScenarioText.valid + "map: m.geojson\nbesieged: a\nfocus: [1, 2]\n"
        let loaded = try #require(try ScenarioLoader.parse(siege + "neutral: [un]\nallies: [un]\n", file: "scenario.yaml", for: .run).siege)
        #expect(loaded.neutral == ["un"])
        #expect(loaded.enclosureOptions.neutral == ["un"] && loaded.routeOptions.neutral == ["un"])
        #expect(loaded.enclosureOptions.isPassable("un") && !loaded.enclosureOptions.isHostile("un"))
        #expect(try ScenarioLoader.parse(siege, file: "scenario.yaml", for: .run).siege?.neutral == [])
        #expect(problem(siege + "neutral: [un, a]\n", for: .run) == "scenario.yaml: neutral: 'a' is the besieged side, not a neutral party")
        #expect(problem(siege + "neutral: un\n", for: .run)?.hasPrefix("scenario.yaml: neutral: ") == true)
    }

    /// A delivery or a flow wholly outside the simulated days would silently add nothing.
    @Test func suppliesOutsideTheScenarioAreRefused() {
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: flour, date: 2061-01-11, amount: 10}\n")
                == "scenario.yaml: inflows[0].date: 2061-01-11 is outside the scenario (2016-07-17 to 2016-08-31): the delivery would never arrive")
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: flour, per_day: 5, from: 2016-09-01}\n")
                == "scenario.yaml: inflows[0].from: 2016-09-01 is after the scenario's end (2016-08-31): nothing would come in")
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: flour, per_day: 5, until: 2016-07-17}\n")
                == "scenario.yaml: inflows[0].until: 2016-07-17 is not after the scenario's start (2016-07-17): nothing would come in")
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: flour, date: 2016-08-31, amount: 10}\n") == nil)
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: flour, per_day: 5, from: 2016-07-01, until: 2016-07-18}\n") == nil)
    }

    @Test func datesMustBeInOrder() {
        #expect(problem(ScenarioText.valid.replacingOccurrences(of: "end: 2016-08-31", with: "end: 2016-07-01"))
                == "scenario.yaml: end: must not be before start (2016-07-17)")
        #expect(problem(ScenarioText.valid.replacingOccurrences(of: "end: 2016-08-31", with: "end: 31/08/2016"))
                == "scenario.yaml: end: must be a date yyyy-mm-dd, not '31/08/2016'")
        #expect(problem(ScenarioText.valid + "evacuation:\n  - {from: 2016-08-01, until: 2016-08-01, per_day: 5}\n")
                == "scenario.yaml: evacuation[0].until: must be after from (2016-08-01); until is the first day without")
    }

    @Test func distributionsMustHaveOrderedParameters() {
        func vary(_ entry: String) -> String? {
            problem(ScenarioText.valid + "uncertainty:\n  runs: 10\n  vary:\n    \(entry)\n")
        }
        #expect(vary("supplies.flour.stock: {uniform: [5, 3]}")
                == "scenario.yaml: uncertainty.vary.supplies.flour.stock.uniform: must be in order a ≤ b")
        #expect(vary("population: {triangular: [1, 5, 3]}")
                == "scenario.yaml: uncertainty.vary.population.triangular: must be in order a ≤ mode ≤ b")
        #expect(vary("population: {normal: [100, -1]}")
                == "scenario.yaml: uncertainty.vary.population.normal: mean and sd must be ≥ 0 (draws are truncated at 0)")
        #expect(vary("population: {uniform: [1]}") == "scenario.yaml: uncertainty.vary.population.uniform: must be [a, b]")
        #expect(vary("population: {uniorm: [1, 2]}")
                == "scenario.yaml: uncertainty.vary.population.uniorm: unknown key, did you mean uniform?")
        #expect(vary("supplies.flour.stok: {uniform: [1, 2]}")
                == "scenario.yaml: uncertainty.vary.supplies.flour.stok: cannot vary 'stok', did you mean stock?")
        #expect(vary("supplies.flower.stock: {uniform: [1, 2]}")
                == "scenario.yaml: uncertainty.vary.supplies.flower.stock: no supply 'flower', did you mean flour?")
        #expect(vary("inflows.0.per_day: {uniform: [1, 2]}")
                == "scenario.yaml: uncertainty.vary.inflows.0.per_day: the scenario has no inflows to vary")
        #expect(problem(ScenarioText.valid + "inflows:\n  - {commodity: flour, per_day: 1}\n"
                        + "uncertainty:\n  runs: 10\n  vary:\n    inflows.3.per_day: {uniform: [1, 2]}\n")
                == "scenario.yaml: uncertainty.vary.inflows.3.per_day: no inflows entry 3: indices run from 0 to 0")
    }

    @Test func filesThatAreNotYamlSayWhere() throws {
        let message = try #require(problem(try fixtureText("not-yaml.yaml")))
        #expect(message.hasPrefix("scenario.yaml: not YAML or JSON: "))
        #expect(message.contains("line "))
        #expect(!message.contains("\n"))
        #expect(problem("just some words") == "scenario.yaml: not a scenario: expected a mapping of keys (start, end, population, supplies, …) at the top")
        #expect(problem("") == "scenario.yaml: empty: a scenario needs start, end, population and supplies")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load("/nonexistent/scenario.yaml", for: .simulate) }
    }
}
