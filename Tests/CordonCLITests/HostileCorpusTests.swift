import CordonTestSupport
import Foundation
import Testing

/// Every file of the hostile corpus (Fixtures/hostile/manifest.json) through the `cordon`
/// binary: the exit status the manifest gives, a message with its fragment, one line on
/// standard error, never a crash or a hang, and no output file from a failed run.
@Suite("Hostile corpus")
struct HostileCorpusTests {
    /// A hang shows as status 124 (timeout's own).
    static let timeLimit = "120"

    @Test(arguments: HostileManifest.shared.cases)
    func cordonAnswersAsTheManifestSays(_ entry: HostileManifest.Case) throws {
        let folder = try temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        var input = HostileManifest.folder.appendingPathComponent(entry.file)
        if let generator = entry.generate {
            input = folder.appendingPathComponent(entry.file)
            try HostileGenerators.write(generator, to: input)
        }
        for command in entry.commands {
            let out = folder.appendingPathComponent("out-\(command)")
            let template = try #require(HostileManifest.shared.commands[command], "no command \(command)")
            let args = template.map { $0 == "FILE" ? input.path : $0 == "OUT" ? out.path : $0 }
            let r = try Command.run(try #require(Command.find("timeout")), [Self.timeLimit, CordonTool.url!.path] + args)
            let expected = entry.expectation(for: command)
            let context = Comment(rawValue: "\(entry.file) with \(command): status \(r.status)\n\(r.stderr)\(r.stdout.prefix(500))")
            #expect(r.status == expected.status, context)
            guard expected.status == 2 else {
                if template.contains("OUT") { #expect(FileManager.default.fileExists(atPath: out.path), context) }
                // A failure while running (status 1) says what failed, in one line.
                if let message = expected.message {
                    #expect(r.stderr == "cordon: \(message)\n" || r.stderr.hasSuffix("\ncordon: \(message)\n"), context)
                }
                continue
            }
            // validate lists its faults on standard output, one line each; the others say one line on standard error.
            let message = command == "validate" ? r.stdout : r.stderr
            #expect(message.contains(try #require(expected.message)), context)
            if command == "validate" {
                #expect(r.stderr.isEmpty, context)
                #expect(r.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix(input.path + ": ") }, context)
            } else {
                #expect(r.stderr.hasSuffix("\n") && !r.stderr.dropLast().contains("\n"), context)
                #expect(r.stderr.hasPrefix("cordon: \(input.path): "), context)
            }
            #expect(!FileManager.default.fileExists(atPath: out.path), "a failed run wrote \(out.path)")
        }
    }

    @Test func theCorpusCoversEveryFileAndEnoughOfThem() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: HostileManifest.folder.path)
            .filter { $0 != "manifest.json" }
        let listed = HostileManifest.shared.cases.filter { $0.generate == nil }.map(\.file)
        #expect(Set(files) == Set(listed))
        #expect(HostileManifest.shared.cases.count >= 40)
        #expect(HostileManifest.shared.cases.allSatisfy { $0.status == 0 || $0.message != nil || $0.except != nil })
    }
}
