import CordonTestSupport
import Foundation

/// Path of a file in this target's Fixtures folder.
func fixture(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

/// A scenario fixture of the library's tests (`Tests/CordonScenarioTests/Fixtures`), which the
/// command-line tests give to `cordon` as a user would.
func scenarioFixture(_ name: String) -> String {
    Repository.root.appendingPathComponent("Tests/CordonScenarioTests/Fixtures").appendingPathComponent(name).path
}
