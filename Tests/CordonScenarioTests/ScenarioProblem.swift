import CordonScenario

/// The one error line a scenario text gives, or nil when it loads: what the loader tests compare.
func scenarioProblem(_ text: String, file: String = "scenario.yaml",
                     for purpose: ScenarioLoader.Purpose = .simulate) -> String? {
    do {
        _ = try ScenarioLoader.parse(text, file: file, for: purpose)
        return nil
    } catch {
        return "\(error)"
    }
}
