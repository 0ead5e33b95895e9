import CordonCore
import CordonSupply
import Foundation
import Testing

/// Ishigami's function (Ishigami and Homma 1990), the standard test of Sobol estimators:
/// f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, every xᵢ uniform on [−π, π].
private func ishigami(_ x: [Double], a: Double = 7, b: Double = 0.1) -> Double {
    sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])
}

@Suite struct SobolTests {
    /// Published values for a = 7, b = 0.1 (Saltelli et al. 2008, *Global Sensitivity Analysis:
    /// The Primer*, §4.8; also SALib's Ishigami test): first order 0.3139, 0.4424, 0; total 0.5576,
    /// 0.4424, 0.2437. Tolerance from the 95 % bootstrap interval at a fixed seed (1, not chosen):
    /// each published value within 1.5 half-widths of our estimate, about 3 standard errors, since
    /// six checks at 95 % each would fail together one time in four by chance alone. The intervals
    /// must also be narrow (under 0.1) for the check to mean something.
    @Test func ishigamiIndicesMatchThePublishedValues() {
        let design = SaltelliDesign(inputs: 3, samples: 8192, seed: 1) { _, rng in -Double.pi + 2 * Double.pi * rng.nextUnit() }
        let values = design.points.map { ishigami($0) }
        let sobol = SobolIndices(design: design, values: values, bootstrap: 300, seed: 1)
        let first = [0.3139, 0.4424, 0], total = [0.5576, 0.4424, 0.2437]
        #expect(sobol.inputs.count == 3)
        for i in 0..<3 {
            let s = sobol.inputs[i]
            let firstTolerance = 0.75 * (s.firstInterval.upperBound - s.firstInterval.lowerBound)
            let totalTolerance = 0.75 * (s.totalInterval.upperBound - s.totalInterval.lowerBound)
            #expect(abs(s.first - first[i]) <= firstTolerance, "S\(i + 1) = \(s.first), interval \(s.firstInterval)")
            #expect(abs(s.total - total[i]) <= totalTolerance, "ST\(i + 1) = \(s.total), interval \(s.totalInterval)")
            #expect(s.firstInterval.upperBound - s.firstInterval.lowerBound < 0.1)
            #expect(s.totalInterval.upperBound - s.totalInterval.lowerBound < 0.1)
        }
        // Analytic variance: a²/8 + b π⁴/5 + b² π⁸/18 + 1/2 = 13.8446 for a = 7, b = 0.1.
        #expect(abs(sobol.variance - 13.8446) / 13.8446 < 0.03)
    }

    /// f = x₁ + 2 x₂ with both uniform on [0, 1]: V = 1/12 + 4/12, so S₁ = ST₁ = 0.2, S₂ = ST₂ = 0.8
    /// (no interactions). With every row alike the output does not vary and no index is given.
    @Test func anAdditiveFunctionSplitsItsVarianceByHand() {
        let design = SaltelliDesign(inputs: 2, samples: 4096, seed: 7) { _, rng in rng.nextUnit() }
        let sobol = SobolIndices(design: design, values: design.points.map { $0[0] + 2 * $0[1] }, bootstrap: 200, seed: 7)
        #expect(sobol.inputs[0].firstInterval.contains(0.2) && sobol.inputs[0].totalInterval.contains(0.2))
        #expect(sobol.inputs[1].firstInterval.contains(0.8) && sobol.inputs[1].totalInterval.contains(0.8))
        let flat = SobolIndices(design: design, values: Array(repeating: 3, count: design.count), bootstrap: 10, seed: 7)
        #expect(flat.inputs.isEmpty && flat.variance == 0)
    }

    /// The design's layout: A's row j, B's row j, and A_B⁽ⁱ⁾ = A with column i from B.
    @Test func theDesignSwapsOneColumnAtATime() {
        let design = SaltelliDesign(inputs: 3, samples: 4, seed: 3) { i, rng in Double(i) + rng.nextUnit() }
        let a = design.point(1), b = design.point(4 + 1), ab2 = design.point(4 * (2 + 2) + 1)
        #expect(ab2 == [a[0], a[1], b[2]])
        #expect(a != b)
        #expect(design.count == 20)
    }
}

/// A 10-day food scenario worked by hand: 100 people, 1,000 kg, 1 kg each a day, 3,600 kcal/kg,
/// so the stock ends at 0 on day 10 exactly (the last day), with 3,600 kcal per person every day.
private func tinyScenario() -> SupplyScenario {
    SupplyScenario(name: "tiny", start: Day(iso: "2016-07-01")!, end: Day(iso: "2016-07-10")!, population: 100,
                   supplies: [Supply(commodity: "food", unit: "kg", stock: 1000, needPerPersonDay: 1, kcalPerUnit: 3600)],
                   uncertainty: Uncertainty(runs: 0, seed: 5, vary: [Variation(.supply(0, .stock), .uniform(900, 1100))]))
}

@Suite struct OneAtATimeTests {
    /// Hand calculation, [depletion day (11 = never), days short, lowest kcal]:
    /// - central: 1,000 kg / 100 kg a day: empty at the end of day 10, never short: [10, 0, 3600];
    /// - range 900: empty on day 9 exactly, day 10 short with nothing: [9, 1, 0];
    ///   range 1,100: 100 kg left: [11, 0, 3600];
    /// - stock ±20 %: 800 lasts 8 days, days 9–10 short: [8, 2, 0]; 1,200 lasts: [11, 0, 3600];
    /// - need 0.8 kg: 800 kg eaten in 10 days: [11, 0, 0.8 × 3600 = 2880]; need 1.2 kg: 960 kg
    ///   in 8 days, 40 kg on day 9 (short), none on day 10: [9, 2, 0];
    /// - 80 people: 800 kg in 10 days: [11, 0, 3600]; 120 people: as need 1.2: [9, 2, 0].
    @Test func tinyScenarioAnswersAsCountedByHand() async throws {
        let s = try await tinyScenario().sensitivity(SensitivityOptions(samples: 0, seed: 5))
        #expect(s.central == [10, 0, 3600])
        let rows = Dictionary(uniqueKeysWithValues: s.oneAtATime.map { ("\($0.input.basis.rawValue) \($0.input.key)", $0) })
        let expected: [String: ([Double], [Double])] = [
            "range supplies.food.stock": ([9, 1, 0], [11, 0, 3600]),
            "spread supplies.food.stock": ([8, 2, 0], [11, 0, 3600]),
            "spread supplies.food.need_per_person_day": ([11, 0, 2880], [9, 2, 0]),
            "spread population": ([11, 0, 3600], [9, 2, 0]),
        ]
        #expect(Set(rows.keys) == Set(expected.keys))
        for (key, (low, high)) in expected {
            #expect(rows[key]?.low.map { ($0 * 1e6).rounded() / 1e6 } == low, "\(key)")
            #expect(rows[key]?.high.map { ($0 * 1e6).rounded() / 1e6 } == high, "\(key)")
        }
        #expect(rows["range supplies.food.stock"]?.input.low == 900)
        // Dates in the CSV: day 9 is 9 July; day 11 is past the end: never.
        #expect(s.csv.contains("food.depleted_day,food stock (kg),supplies.food.stock,range,900,1000,1100,9,10,11,2,2016-07-09,2016-07-10,never,"))
    }

    /// The Sobol sample is drawn per row from the run's own stream, so 1 and 2 workers give the same bytes.
    @Test func sameSeedSameBytesOnOneAndTwoWorkers() async throws {
        var scenario = tinyScenario()
        scenario.uncertainty?.vary.append(Variation(.supply(0, .needPerPersonDay), .triangular(0.8, 1, 1.3)))
        scenario.uncertainty?.vary.append(Variation(.population, .normal(mean: 100, sd: 10)))
        let options = SensitivityOptions(samples: 600, seed: 9, bootstrap: 100)
        let one = try await scenario.sensitivity(options, jobs: 1)
        let two = try await scenario.sensitivity(options, jobs: 2)
        #expect(one.csv == two.csv)
        #expect(one.json == two.json)
        #expect(one.sobol?.runs == 600 * 5)
        // The stock and the need both move the depletion day; neither index is nothing.
        let depleted = try #require(one.sobol?.indices[0].inputs)
        #expect(depleted[0].total > 0.05 && depleted[1].total > 0.05)
        let other = try await scenario.sensitivity(SensitivityOptions(samples: 600, seed: 10, bootstrap: 100), jobs: 2)
        #expect(other.json != one.json)
    }
}
