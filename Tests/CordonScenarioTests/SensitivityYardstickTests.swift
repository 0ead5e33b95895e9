import CordonScenario
import CordonSupply
import CordonTestSupport
import Foundation
import Testing

/// python3, when it has what the sensitivity yardstick needs.
private let salibPython: URL? = YardstickPython.importing(["numpy", "yaml", "SALib"])

/// Sobol indices against scripts/sensitivity_yardstick.py: the same Saltelli design (the same
/// random streams), the supply model in numpy (scripts/supply_yardstick.py) and SALib's
/// `sobol.analyze` for the indices. The point estimates are the same arithmetic on the same runs,
/// so they must agree to rounding:
///
///     .venv-yardsticks/bin/python scripts/sensitivity_yardstick.py \
///         Tests/CordonScenarioTests/Fixtures/aleppo-supply.yaml --samples 300 --bootstrap 10
@Suite(Reference.needs("the sensitivity yardstick: numpy, PyYAML and SALib (scripts/setup)", salibPython != nil))
struct SensitivityYardstickTests {
    @Test func depletionDayIndicesMatchSALibOnTheSameRuns() async throws {
        let yardstick = try Command.run(salibPython!, [
            Repository.root.appendingPathComponent("scripts/sensitivity_yardstick.py").path, fixture("aleppo-supply.yaml"),
            "--samples", "300", "--bootstrap", "10"])
        try #require(yardstick.status == 0, "\(yardstick.stderr)")
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(yardstick.stdout.utf8)) as? [String: Any])
        let inputs = try #require(theirs["inputs"] as? [String])
        let measures = try #require(theirs["measures"] as? [String: Any])

        let model = try ScenarioLoader.load(fixture("aleppo-supply.yaml"), for: .simulate).supply
        let ours = try await model.sensitivity(SensitivityOptions(samples: 300, seed: 2016, bootstrap: 10), jobs: 2)
        let sobol = try #require(ours.sobol)
        #expect(sobol.inputs.map(\.key) == inputs)
        var compared = 0
        for (m, measure) in ours.measures.enumerated() {
            guard case .depletedDay = measure else { continue }
            let name = ours.name(of: measure)
            guard let t = measures[name] as? [String: [Double]] else {
                // SALib found no variance: neither may we.
                #expect(sobol.indices[m].inputs.isEmpty, "\(name)")
                continue
            }
            for i in inputs.indices {
                let s = sobol.indices[m].inputs[i]
                #expect(abs(s.first - t["first"]![i]) < 1e-9, "\(name) \(inputs[i]) first: \(s.first) against \(t["first"]![i])")
                #expect(abs(s.total - t["total"]![i]) < 1e-9, "\(name) \(inputs[i]) total: \(s.total) against \(t["total"]![i])")
                compared += 1
            }
        }
        #expect(compared >= inputs.count)
    }
}
