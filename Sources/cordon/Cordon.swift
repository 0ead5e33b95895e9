import ArgumentParser
import CordonCore
import CordonGeometry
import CordonSources

struct Cordon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cordon",
        abstract: "Model sieges and humanitarian corridors from maps of who holds which ground.",
        discussion: """
        Cordon estimates which areas are encircled and since when, how large they are and \
        how many people live there, which routes are cut or under fire, and how long supplies \
        inside may last. Every result is a model resting on the files you give it.

        Start with `cordon demo`; `cordon validate FILE...` checks your own files first.

        Exit status: 0 success, 1 failure while running, 2 bad input or usage.
        """,
        // `--version` itself is answered by `Main` (with the libraries' versions); this makes it listed.
        version: "cordon \(CordonVersion.current)",
        subcommands: [
            DemoCommand.self, RunCommand.self, ReportCommand.self, SensitivityCommand.self, EnclosureCommand.self, RoutesCommand.self,
            AccessCommand.self, SimulateCommand.self, MeasureCommand.self, ValidateCommand.self, HistoryCommand.self, EvidenceCommand.self,
            CalibrateCommand.self, HindcastCommand.self,
        ]
    )
}

@main
enum Main {
    static func main() async {
        ProcessSetup.prepare()
        // Asked here, not in the configuration: GDAL is loaded on first use, not at every start.
        if CommandLine.arguments.dropFirst() == ["--version"] {
            print("cordon \(CordonVersion.current) (GEOS \(GEOSContext.version), PROJ \(PROJContext.version), GDAL \(GDALLibrary.version))")
            return
        }
        do {
            var command = try Cordon.parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch {
            // Usage errors get exit status 2, like bad input (docs/design.md#errors-and-exit-status).
            if Cordon.exitCode(for: error).rawValue == 64 {
                // One line, as for bad input; --help has the rest.
                let message = Cordon.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad usage"
                printError("cordon: \(message) (see cordon --help)")
                Cordon.exit(withError: ExitCode(2))
            }
            Cordon.exit(withError: error)
        }
    }
}
