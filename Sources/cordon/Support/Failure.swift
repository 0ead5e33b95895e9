import ArgumentParser
import Foundation

/// Errors that mean "the input is wrong": one line on stderr, exit status 2.
/// Each module's input error type conforms here, so the libraries stay free of the CLI.
protocol BadInput: Error, CustomStringConvertible {}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
}

/// Runs a command body: bad input exits 2 with one line, any other failure exits 1.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as BadInput {
        printError("cordon: \(e)")
        throw ExitCode(2)
    } catch {
        printError("cordon: \(error)")
        throw ExitCode(1)
    }
}

/// The async form of `reporting`.
func reporting<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let e as ExitCode {
        throw e
    } catch let e as BadInput {
        printError("cordon: \(e)")
        throw ExitCode(2)
    } catch {
        printError("cordon: \(error)")
        throw ExitCode(1)
    }
}
