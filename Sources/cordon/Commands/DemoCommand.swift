import ArgumentParser
import CordonCore
import CordonScenario
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the bundled eastern Aleppo 2016 scenario and explain what it shows.",
        discussion: """
        Runs geodata/aleppo-2016/scenario.yaml (as `cordon run` would) and prints, in plain \
        words: when the east was encircled, how many people the model puts inside, when the \
        Castello Road came under fire and when it was cut, and when food runs out, with the \
        5th–95th percentile range of the Monte Carlo runs.

        The scenario is drawn from public reporting; every figure in it and its source is in \
        geodata/aleppo-2016/README.md, which also says what is approximate. The results are \
        model estimates from those inputs, not observations.

        The scenario is looked for under the current folder, then beside the cordon \
        executable and in the folders above it (a checkout of the Cordon repository).

        Examples:
          cordon demo                 writes ./cordon-demo
          cordon demo -o /tmp/aleppo --runs 200
        """)

    @Option(name: .shortAndLong, help: "Output folder.") var output: String = "cordon-demo"
    @OptionGroup var settings: PipelineSettings

    static let scenarioPath = "geodata/aleppo-2016/scenario.yaml"

    func run() async throws {
        try await reporting {
            guard let scenario = Self.findScenario() else {
                throw DemoNotFound()
            }
            let (result, files) = try await settings.run(scenario, into: output)
            if settings.quiet { return }
            let brief = ScenarioBrief(result: result)
            var lines = ["\(result.model.name): model estimates from the bundled, approximate inputs (\(scenario)).", ""]
            lines += brief.siege
            lines.append(brief.population)
            if let castello = brief.route("Castello Road") { lines.append(castello) }
            lines += brief.depletion
            lines += ["For comparison: the UN handed out its last food rations in eastern Aleppo on 13 November 2016.",
                      "",
                      OutputTarget.writtenLine(files, to: output),
                      "These are estimates of a model resting on approximate, hand-drawn inputs; the figures, their",
                      "sources and what is approximate are in geodata/aleppo-2016/README.md."]
            try StandardOutput.write(lines.joined(separator: "\n") + "\n")
        }
    }

    /// The bundled scenario: under the current folder, or beside the executable or above it.
    static func findScenario() -> String? {
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

private struct DemoNotFound: BadInput {
    var description: String {
        "cannot find \(DemoCommand.scenarioPath): run cordon demo from a checkout of the Cordon repository "
            + "(or from a folder holding geodata/aleppo-2016), or use cordon run SCENARIO"
    }
}
