import Foundation

/// A scenario shipped in the repository's `geodata` folder that `cordon demo NAME` runs.
struct BundledCase: Sendable {
    /// The folder under `geodata/`, which is also the name given to `cordon demo`.
    var name: String
    /// One line for `cordon demo --list`.
    var summary: String
    /// The route whose status the demo reads out, if the case has one worth reading.
    var keyRoute: String?
    /// What happened, to set beside the model's dates; said as reported, with its source in the README.
    var comparison: String

    var scenarioPath: String { "geodata/\(name)/scenario.yaml" }
    var readmePath: String { "geodata/\(name)/README.md" }

    /// Every bundled case; the first is the default.
    static let all = [
        BundledCase(
            name: "aleppo-2016",
            summary: "eastern Aleppo, 1 July - 22 December 2016: opposition-held east encircled, Castello Road cut",
            keyRoute: "Castello Road",
            comparison: "For comparison: the UN handed out its last food rations in eastern Aleppo on 13 November 2016."),
        BundledCase(
            name: "deir-ez-zor-2016",
            summary: "Deir ez-Zor, 1 January 2016 - 5 September 2017: government enclave besieged by ISIS, "
                + "fed by airdrops, split in two on 17 January 2017",
            keyRoute: "Airport road",
            comparison: "For comparison: the UN reported the Red Crescent's food stocks in the enclave almost depleted "
                + "in late January 2017, while airdrops were halted (15-29 January); the siege was broken on 5 September 2017."),
    ]

    static var `default`: BundledCase { all[0] }

    static func named(_ name: String) -> BundledCase? { all.first { $0.name == name } }

    /// The case's scenario: under the current folder, or beside the executable or above it.
    func findScenario() -> String? {
        let fm = FileManager.default
        if fm.fileExists(atPath: scenarioPath) { return scenarioPath }
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while true {
            let candidate = folder.appendingPathComponent(scenarioPath).path
            if fm.fileExists(atPath: candidate) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
