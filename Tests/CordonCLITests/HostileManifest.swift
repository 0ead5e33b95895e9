import Foundation
import Testing

/// `Fixtures/hostile/manifest.json`: hostile input files, the commands each is given to,
/// and what each command must answer.
struct HostileManifest: Decodable {
    struct Expectation: Decodable, Sendable {
        var status: Int32
        /// A fragment of the one-line message (required for status 2).
        var message: String?
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var covers: String
        /// A generator in `HostileGenerators`, for inputs too large to keep in the repository.
        var generate: String?
        var commands: [String]
        var status: Int32
        var message: String?
        /// Commands that answer otherwise than `status` and `message`.
        var except: [String: Expectation]?

        func expectation(for command: String) -> Expectation {
            except?[command] ?? Expectation(status: status, message: message)
        }

        var testDescription: String { file }
    }

    /// Argument templates by command; FILE is the input, OUT an output path.
    var commands: [String: [String]]
    var cases: [Case]

    static let folder = URL(fileURLWithPath: fixture("hostile"))

    static let shared: HostileManifest = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try! JSONDecoder().decode(HostileManifest.self, from: data)
    }()
}
