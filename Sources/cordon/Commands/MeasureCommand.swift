import ArgumentParser

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "measure", abstract: "(not built yet)")
    func run() throws { throw ExitCode(1) }
}
