import CordonCore
import CordonScenario
import CordonSupply

/// The scenario loader for both purposes; a short scenario that loads is also simulated,
/// since the loader's checks are what keeps the engine's arithmetic safe.
enum ScenarioTarget {
    /// Longer scenarios are valid but slow to run; the fuzzer wants many inputs a second.
    static let maxDays = 400

    static func run(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        _ = try? ScenarioLoader.parse(text, file: "fuzz.yaml", for: .run)
        guard let loaded = try? ScenarioLoader.parse(text, file: "fuzz.yaml", for: .simulate) else { return }
        let s = loaded.supply
        guard s.end - s.start < maxDays else { return }
        _ = try? s.simulate()
    }
}
