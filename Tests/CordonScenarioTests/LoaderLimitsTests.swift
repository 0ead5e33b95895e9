import CordonCore
import CordonScenario
import CordonSupply
import CordonTestSupport
import Testing

/// Numbers the model cannot carry and simulations that cannot fit are refused when the scenario
/// is read, naming the key (docs/design.md#limits); nothing reaches an overflow or an allocation.
@Suite struct LoaderLimitsTests {
    private func problem(_ text: String) -> String? { scenarioProblem(text, file: "s.yaml") }

    private func replacing(_ old: String, _ new: String) -> String {
        ScenarioText.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func everyAmountStopsAt1e15() {
        #expect(problem(replacing("stock: 1_000_000", "stock: 1e15")) == nil)
        #expect(problem(replacing("stock: 1_000_000", "stock: 1.0000001e15"))
                == "s.yaml: supplies[0].stock: must be at most 1e15, the largest amount the model carries")
        #expect(problem(replacing("population: 50_000", "population: 9223372036854775807"))?
            .hasPrefix("s.yaml: population: must be at most 1e15") == true)
        let rules = [
            ("inflows:\n  - {commodity: flour, per_day: 2e15}\n", "inflows[0].per_day"),
            ("inflows:\n  - {commodity: flour, date: 2016-07-20, amount: 1e300}\n", "inflows[0].amount"),
            ("rationing:\n  - {below_days: 1e16, ration: 0.5}\n", "rationing[0].below_days"),
            ("evacuation:\n  - {per_day: 1e19}\n", "evacuation[0].per_day"),
            ("evacuation:\n  - {per_day: 1, max_total: 1e19}\n", "evacuation[0].max_total"),
        ]
        for (section, key) in rules {
            #expect(problem(ScenarioText.valid + section)?.hasPrefix("s.yaml: \(key): must be at most 1e15") == true, "\(key)")
        }
    }

    @Test func aDistributionMustNotDrawPast1e15() {
        func vary(_ distribution: String) -> String? {
            problem(ScenarioText.valid + "uncertainty:\n  runs: 5\n  vary:\n    supplies.flour.stock: {\(distribution)}\n")
        }
        #expect(vary("uniform: [0, 1e15]") == nil)
        #expect(vary("lognormal: [13.59, 2]") == nil)
        #expect(vary("normal: [1e14, 1e13]") == nil)
        for bad in ["uniform: [0, 2e15]", "triangular: [0, 1, 2e15]", "normal: [2e14, 1e14]", "lognormal: [700, 50]",
                    "lognormal: [30, 1]", "normal: [0, 1e308]", "lognormal: [0, 1e308]"] {
            #expect(vary(bad)?.contains("can draw more than 1e15") == true, "\(bad)")
        }
        // A very negative mu draws only zeros: nothing to refuse.
        #expect(vary("lognormal: [-1e308, 0]") == nil)
    }

    @Test func runsStopAtAMillionAndBase60IsNotRead() {
        func runs(_ value: String) -> String? { problem(ScenarioText.valid + "uncertainty:\n  runs: \(value)\n") }
        #expect(runs("1000000") == nil)
        #expect(runs("1000001") == "s.yaml: uncertainty.runs: must be at most 1000000")
        #expect(runs("9223372036854775807") == "s.yaml: uncertainty.runs: must be at most 1000000")
        #expect(runs("18446744073709551616")?.contains("must be a whole number") == true)
        // YAML 1.1's base 60: 1:0:…:0 is 60^11, whose reading would overflow inside the YAML library.
        #expect(runs("1:0:0:0:0:0:0:0:0:0:0:0")?.contains("uncertainty.runs: must be a whole number") == true)
        #expect(problem(ScenarioText.valid + "uncertainty:\n  runs: 1\n  seed: 1:0:0:0:0:0:0:0:0:0:0:0\n")?
            .contains("uncertainty.seed: must be a whole number") == true)
    }

    @Test func aSimulationThatCannotFitIsRefusedWithTheMemoryItNeeds() throws {
        let ages = replacing("start: 2016-07-17", "start: 0001-01-01").replacingOccurrences(of: "end: 2016-08-31", with: "end: 9999-12-31")
        let central = try #require(problem(ages))
        #expect(central.hasPrefix("s.yaml: end: 3652059 days (start to end) × 1 supply would need about "))
        #expect(central.hasSuffix("GiB of memory, more than the limit of 1 GiB: fewer runs, fewer days or fewer supplies"))
        // Many supplies make a million runs too large: the runs are named.
        let supplies = (0..<30).map { "  - {commodity: c\($0), unit: kg, stock: 1, need_per_person_day: 1}\n" }.joined()
        let wide = ScenarioText.valid + supplies + "uncertainty:\n  runs: 1000000\n"
        #expect(problem(wide)?.hasPrefix("s.yaml: uncertainty.runs: 1000000 runs × 46 days (start to end) × 31 supplies") == true)
        // A century of a million runs fits in memory but not in time.
        let century = replacing("end: 2016-08-31", "end: 2116-08-31") + "uncertainty:\n  runs: 1000000\n"
        #expect(problem(century)?.contains("simulated steps, more than the limit of 10000000000") == true)
    }

    @Test func runsFromTheCommandLineAreCheckedAgainstTheSameLimits() throws {
        let supplies = (0..<30).map { "  - {commodity: c\($0), unit: kg, stock: 1, need_per_person_day: 1}\n" }.joined()
        let scenario = try ScenarioLoader.parse(ScenarioText.valid + supplies, file: "s.yaml", for: .simulate)
        try scenario.checkSize(runs: 1_000)
        #expect(throws: ScenarioError.self) { try scenario.checkSize(runs: 1_000_000) }
        do {
            try scenario.checkSize(runs: 1_000_000)
        } catch {
            #expect("\(error)".hasPrefix("s.yaml: --runs: 1000000 runs × 46 days"))
        }
        #expect(throws: ScenarioError(file: "s.yaml", path: "--runs", message: "must be at most 1000000")) {
            try scenario.checkSize(runs: .max)
        }
    }

    @Test func farDatesLoadAndRun() throws {
        let text = replacing("start: 2016-07-17", "start: 9999-12-01").replacingOccurrences(of: "end: 2016-08-31", with: "end: 9999-12-31")
            + "inflows:\n  - {commodity: flour, date: 9999-12-31, amount: 10}\n  - {commodity: flour, per_day: 1, from: 0001-01-01}\n"
        let run = try ScenarioLoader.parse(text, file: "s.yaml", for: .simulate).supply.simulate()
        #expect(run.days.count == 31)
        #expect(run.days.last?.date.description == "9999-12-31")
        #expect(run.days.last?.commodities[0].inflow == 11)
    }
}
