import CordonCore
import CordonScenario
import CordonSupply
import CordonTestSupport
import Testing

/// The error line a scenario text gives, or nil when it loads.
private func problem(_ text: String) -> String? { scenarioProblem(text) }

private let base = """
start: 2016-07-17
end: 2016-08-31
population: 50_000

"""

/// `need_by_month`, `kcal_per_unit` and `population_changes` as the loader reads and refuses them.
@Suite struct PeopleLoaderTests {
    @Test func readsSeasonalNeedsFoodEnergyAndPopulationChanges() throws {
        let text = base + """
        supplies:
          - {commodity: food, unit: kg, stock: 1000, need_per_person_day: 0.4, kcal_per_unit: 3640}
          - {commodity: fuel, unit: l, stock: 100, need_per_person_day: 1, need_by_month: [2, 2, 1.5, 1, 1, 1, 1, 1, 1, 1, 1.5, 2]}
        population_changes:
          - {kind: deaths, per_10k_day: 2.5, while_short: food}
          - {kind: arrivals, per_day: 100, from: 2016-08-01, until: 2016-08-10, max_total: 500}
        uncertainty:
          runs: 10
          vary:
            population_changes.0.per_10k_day: {uniform: [1, 4]}
            population_changes.1.max_total: {uniform: [100, 900]}
        """
        let s = try ScenarioLoader.parse(text, file: "scenario.yaml", for: .simulate).supply
        #expect(s.supplies[0].kcalPerUnit == 3640 && s.supplies[0].needByMonth == nil)
        #expect(s.supplies[1].needByMonth == [2, 2, 1.5, 1, 1, 1, 1, 1, 1, 1, 1.5, 2])
        #expect(s.populationChanges == [
            PopulationChange(.deaths, rate: 2.5, basis: .perTenThousand, whileShort: "food"),
            PopulationChange(.arrivals, rate: 100, from: Day(iso: "2016-08-01"), until: Day(iso: "2016-08-10"), maxTotal: 500),
        ])
        #expect(s.uncertainty?.vary.map(\.parameter) == [.populationChange(0, .perTenThousandDay), .populationChange(1, .maxTotal)])
    }

    @Test(arguments: [
        ("need_by_month: [1, 2]", "supplies[0].need_by_month: must list 12 factors, January to December (it lists 2)"),
        ("kcal_per_unit: -1", "supplies[0].kcal_per_unit: must be ≥ 0"),
    ])
    func refusesBadSupplyKeys(_ key: String, _ message: String) {
        let text = base + "supplies:\n  - {commodity: food, unit: kg, stock: 1, need_per_person_day: 1, \(key)}\n"
        #expect(problem(text) == "scenario.yaml: \(message)")
    }

    @Test(arguments: [
        ("{kind: births, per_day: 1}", "population_changes[0].kind: 'births' is not a kind"),
        ("{kind: deaths}", "population_changes[0]: give per_day (people a day) or per_10k_day"),
        ("{kind: deaths, per_day: 1, per_10k_day: 2}", "population_changes[0].per_10k_day: not with per_day"),
        ("{kind: deaths, per_day: 1, while_short: water}", "population_changes[0].while_short: 'water' is not stocked"),
        ("{kind: deaths, per_day: 1, from: 2016-08-01, until: 2016-08-01}", "population_changes[0].until: must be after from"),
        ("{kind: deaths, rate: 1}", "population_changes[0].rate: unknown key"),
    ])
    func refusesBadPopulationChanges(_ rule: String, _ start: String) {
        let text = base + "supplies:\n  - {commodity: food, unit: kg, stock: 1, need_per_person_day: 1}\npopulation_changes:\n  - \(rule)\n"
        let line = problem(text) ?? "loaded"
        #expect(line.hasPrefix("scenario.yaml: \(start)"), "\(line)")
    }

    @Test func aVaryPathMustNameTheRateTheRuleGives() {
        let text = base + """
        supplies:
          - {commodity: food, unit: kg, stock: 1, need_per_person_day: 1}
        population_changes:
          - {kind: deaths, per_day: 3}
        uncertainty:
          runs: 10
          vary:
            population_changes.0.per_10k_day: {uniform: [1, 4]}
        """
        #expect(problem(text)?.contains("cannot vary 'per_10k_day'") == true)
    }
}
