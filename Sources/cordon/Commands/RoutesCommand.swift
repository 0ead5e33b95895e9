import ArgumentParser

struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "routes", abstract: "(not built yet)")
    func run() throws { throw ExitCode(1) }
}
