import ArgumentParser
import CordonCore
import CordonScenario
import CordonSupply
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a bundled scenario (eastern Aleppo 2016 unless named) and explain what it shows.",
        discussion: """
        Runs geodata/NAME/scenario.yaml (as `cordon run` would) and prints, in plain words: \
        when the focus pocket was encircled, how many people the model puts inside, when the \
        case's key route came under fire and when it was cut, and when food runs out, with the \
        5th-95th percentile range of the Monte Carlo runs, beside what was reported.

        Bundled cases (`cordon demo --list`):
          aleppo-2016        eastern Aleppo, July-December 2016 (the default)
          deir-ez-zor-2016   the government enclave of Deir ez-Zor besieged by ISIS,
                             January 2016 - September 2017, supplied by airdrops

        Each scenario is drawn from public reporting; every figure in it and its source is in \
        geodata/NAME/README.md, which also says what is approximate. The results are model \
        estimates from those inputs, not observations.

        The scenario is looked for under the current folder, then beside the cordon \
        executable and in the folders above it (a checkout of the Cordon repository).

        Examples:
          cordon demo                          eastern Aleppo, writes ./cordon-demo
          cordon demo deir-ez-zor-2016 -o deir
          cordon demo --list
          cordon demo -o /tmp/aleppo --runs 200
        """)

    @Argument(help: "The bundled case to run (see --list).") var name: String?
    @Flag(name: .long, help: "List the bundled cases and exit.") var list = false
    @Option(name: .shortAndLong, help: "Output folder.") var output: String = "cordon-demo"
    @OptionGroup var settings: PipelineSettings

    func run() async throws {
        try await reporting {
            if list {
                try StandardOutput.write(Self.listing())
                return
            }
            let bundled = try Self.bundledCase(name)
            guard let scenario = bundled.findScenario() else {
                throw DemoNotFound(bundled: bundled)
            }
            let (result, files) = try await settings.run(scenario, into: output)
            if settings.quiet { return }
            let brief = ScenarioBrief(result: result)
            var lines = ["\(result.model.name): model estimates from the bundled, approximate inputs (\(scenario)).", ""]
            lines += brief.siege
            lines.append(brief.population)
            if let route = bundled.keyRoute, let line = brief.route(route) { lines.append(line) }
            lines += brief.roads
            lines += brief.depletion
            lines.append(bundled.comparison)
            lines += result.hindcast.map(HindcastReport.lines) ?? []
            lines += [
                      "",
                      OutputTarget.writtenLine(files, to: output),
                      "These are estimates of a model resting on approximate, hand-drawn inputs; the figures, their",
                      "sources and what is approximate are in \(bundled.readmePath)."]
            try StandardOutput.write(lines.joined(separator: "\n") + "\n")
        }
    }

    /// The case named on the command line, or the default.
    static func bundledCase(_ name: String?) throws -> BundledCase {
        guard let name else { return .default }
        guard let found = BundledCase.named(name) else { throw UnknownCase(name: name) }
        return found
    }

    /// One line per bundled case, the default marked.
    static func listing() -> String {
        let width = BundledCase.all.map(\.name.count).max() ?? 0
        return BundledCase.all.map { c in
            let mark = c.name == BundledCase.default.name ? " (default)" : ""
            return c.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + c.summary + mark
        }.joined(separator: "\n") + "\n"
    }
}

private struct UnknownCase: BadInput {
    var name: String
    var description: String {
        "demo: no bundled case named '\(name)'; the cases are "
            + BundledCase.all.map(\.name).joined(separator: ", ") + " (cordon demo --list)"
    }
}

private struct DemoNotFound: BadInput {
    var bundled: BundledCase
    var description: String {
        "cannot find \(bundled.scenarioPath): run cordon demo from a checkout of the Cordon repository "
            + "(or from a folder holding geodata/\(bundled.name)), or use cordon run SCENARIO"
    }
}
