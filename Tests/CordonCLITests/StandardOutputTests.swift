import CordonTestSupport
import Foundation
import Testing

/// Standard output full (`>/dev/full`) or closed (`>&-`): every command that writes there
/// exits 1 with one line saying so, never crashes and never loses its output silently.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct StandardOutputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var args: [String]
        var redirect: String
        var reason: String
        var testDescription: String { "\(args[0]) \(redirect)" }
    }

    static let map = fixture("siege/castello-map.geojson")
    static let routes = fixture("siege/castello-routes.geojson")
    static let commands: [[String]] = [
        ["simulate", OutputSafetyTests.supply, "--runs", "0", "--quiet"],
        ["simulate", OutputSafetyTests.supply, "--runs", "0", "--quiet", "--summary", "-"],
        ["validate", OutputSafetyTests.supply],
        ["validate", map],
        ["measure", map],
        ["enclosure", map, "--besieged", "opposition", "--date", "2016-07-20", "--no-closure"],
        ["routes", map, routes, "--besieged", "opposition", "--date", "2016-07-20"],
    ]
    static let cases: [Case] = commands.flatMap { args in
        [Case(args: args, redirect: ">/dev/full", reason: "No space left on device"),
         Case(args: args, redirect: ">&-", reason: "Bad file descriptor")]
    }

    @Test(arguments: cases)
    func aFullOrClosedStandardOutputFailsWithOneLine(_ c: Case) throws {
        let r = try SmallRun.cordon(c.args, stdout: c.redirect)
        #expect(r.status == 1, "\(r.text)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.contains("cordon: cannot write standard output: \(c.reason)"), "\(r.stderr)")
        #expect(lines.filter { $0.hasPrefix("cordon: ") }.count == 1, "\(r.stderr)")
    }

    /// `demo` writes its folder, then its account to standard output: that account is not
    /// lost without a word.
    @Test func demoSaysSoWhenItsAccountCannotBeWritten() throws {
        let folder = try temporaryFolder("stdout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("demo").path
        let r = try SmallRun.cordon(["demo", "-o", out, "--runs", "0"], stdout: ">/dev/full", in: Repository.root)
        #expect(r.status == 1, "\(r.text)")
        #expect(r.stderr == "cordon: cannot write standard output: No space left on device\n")
    }

    /// A reader that has gone away (`| head`) is a closed pipe: exit 1 with one line, not a
    /// silent death by SIGPIPE. The pipe's reading end is closed before cordon starts, so
    /// nobody can ever read it.
    @Test(arguments: [["measure", map], ["simulate", OutputSafetyTests.supply, "--runs", "0", "--quiet"],
                      ["validate", map]])
    func aPipeNobodyReadsFailsWithOneLine(_ args: [String]) throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        let process = Process()
        process.executableURL = CordonTool.url
        process.arguments = args
        process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        close(ends[1])
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(stderr)")
        #expect(stderr == "cordon: cannot write standard output: Broken pipe\n")
    }
}
