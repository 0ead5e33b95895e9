import Foundation

/// Path of a file in this target's Fixtures folder.
func fixture(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

func fixtureText(_ name: String) throws -> String {
    try String(contentsOfFile: fixture(name), encoding: .utf8)
}
