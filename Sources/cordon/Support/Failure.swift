import ArgumentParser
import CordonCore
import CordonGeometry
import CordonScenario
import CordonSiege
import CordonSources
import CordonSupply
import Foundation

/// Errors that mean "the input is wrong": one line on stderr, exit status 2.
/// Each module's input error type conforms here, so the libraries stay free of the CLI.
protocol BadInput: Error, CustomStringConvertible {}

// Every library error that means "the input is wrong".
extension FileReadError: BadInput {}
extension GeoJSONError: BadInput {}
extension SiegeInputError: BadInput {}
extension ScenarioError: BadInput {}
extension SupplyError: BadInput {}
extension OutputFolderError: BadInput {}
extension OutputReplacesInputError: BadInput {}
extension OutputGivenTwiceError: BadInput {}
extension ReportInputError: BadInput {}
extension SourceError: BadInput {}
extension DatePatternError: BadInput {}
extension CSVError: BadInput {}

/// One line on standard error. Never stops the program, even when standard error is full
/// or closed (Foundation's `FileHandle.write` would).
func printError(_ line: String) {
    StandardError.write(line.hasSuffix("\n") ? line : line + "\n")
}

/// Runs a command body: bad input exits 2 with one line, any other failure exits 1.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw exit(for: error)
    }
}

/// The async form of `reporting`.
func reporting<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw exit(for: error)
    }
}

/// Says what went wrong, in one line, and chooses the exit status.
private func exit(for error: Error) -> ExitCode {
    switch error {
    case let e as ExitCode:
        return e
    case let e as SiegeOptionError:
        printError("cordon: --\(flag(e.setting)): \(e.reason)")
        return ExitCode(2)
    case let e as BadInput:
        printError("cordon: \(e)")
        return ExitCode(2)
    default:
        printError("cordon: \(error)")
        return ExitCode(1)
    }
}

/// The flag that sets a library setting.
private func flag(_ setting: SiegeOptionError.Setting) -> String {
    switch setting {
    case .snap: return "snap"
    case .fireRange: return "fire-range"
    case .walk: return "walk"
    }
}
