import ArgumentParser

struct EnclosureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enclosure", abstract: "(not built yet)")
    func run() throws { throw ExitCode(1) }
}
