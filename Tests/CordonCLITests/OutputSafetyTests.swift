import CordonTestSupport
import Foundation
import Testing

/// A failed run never touches an existing output: for each command that writes, `-o` points
/// at a file (or folder) that already exists and the input is bad. Nothing may change, no
/// temporary file may stay behind, and nothing may reach standard output.
@Suite("Output safety")
struct OutputSafetyTests {
    static let map = fixture("siege/castello-map.geojson")
    static let routes = fixture("siege/castello-routes.geojson")
    static let supply = scenarioFixture("aleppo-supply.yaml")

    /// A command line with BAD for the bad input and OUT for the existing output.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var args: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "measure", args: ["measure", "BAD", "-o", "OUT"]),
        Case(name: "enclosure", args: ["enclosure", "BAD", "--besieged", "opposition", "-o", "OUT"]),
        Case(name: "enclosure --timeline", args: ["enclosure", "BAD", "--besieged", "opposition", "--timeline", "-o", "OUT"]),
        Case(name: "enclosure, bad population", args: ["enclosure", map, "--besieged", "opposition", "--date", "2016-07-01",
                                                       "--population", "BAD", "-o", "OUT"]),
        Case(name: "routes, bad map", args: ["routes", "BAD", routes, "--besieged", "opposition", "--timeline", "-o", "OUT"]),
        Case(name: "routes, bad routes", args: ["routes", map, "BAD", "--besieged", "opposition", "--timeline", "-o", "OUT"]),
        Case(name: "simulate", args: ["simulate", "BAD", "-o", "OUT"]),
        Case(name: "simulate --summary", args: ["simulate", "BAD", "--summary", "OUT"]),
        Case(name: "simulate -o and --summary", args: ["simulate", "BAD", "-o", "OUT", "--summary", "OUT.json"]),
        Case(name: "run", args: ["run", "BAD", "-o", "OUT"]),
    ]

    @Test(arguments: cases)
    func aFailedRunLeavesTheExistingOutputAlone(_ c: Case) throws {
        let folder = try temporaryFolder("safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = c.args[0] == "simulate" || c.args[0] == "run"
        let bad = folder.appendingPathComponent(scenario ? "bad.yaml" : "bad.geojson")
        try Data((scenario ? Self.badScenario : Self.badLate).utf8).write(to: bad)
        // `run` writes a folder: an existing one with a previous result in it.
        let out = folder.appendingPathComponent("previous")
        let previous = Data("previous results\n".utf8)
        if c.args[0] == "run" {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
            try previous.write(to: out.appendingPathComponent("pockets.geojson"))
        } else {
            try previous.write(to: out)
        }
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        let r = try CordonTool.run(c.args.map { $0 == "BAD" ? bad.path : $0 == "OUT" ? out.path : $0 == "OUT.json" ? out.path + ".json" : $0 })
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let kept = c.args[0] == "run" ? out.appendingPathComponent("pockets.geojson") : out
        #expect(try Data(contentsOf: kept) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        if c.args[0] == "run" {
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["pockets.geojson"])
        }
    }

    /// Standard output gets nothing either when a streamed command fails part way.
    @Test func measureToStandardOutputPrintsNothingWhenItFails() throws {
        let folder = try temporaryFolder("safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.geojson")
        try Data(Self.badLate.utf8).write(to: bad)
        let r = try CordonTool.run(["measure", bad.path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("feature 2"))
    }

    /// Two good control areas, then a third whose ring is not closed: streaming readers and
    /// writers have already handled the first two when the fault comes.
    static let badLate: String = {
        let good = #"{"type":"Feature","properties":{"controller":"opposition","population":10},"geometry":{"type":"Polygon","coordinates":[[[37.1,36.2],[37.12,36.2],[37.12,36.22],[37.1,36.2]]]}}"#
        let bad = #"{"type":"Feature","properties":{"controller":"government"},"geometry":{"type":"Polygon","coordinates":[[[37.2,36.2],[37.22,36.2],[37.22,36.22],[37.2,36.21]]]}}"#
        return #"{"type":"FeatureCollection","features":["# + [good, good, bad].joined(separator: ",") + "]}"
    }()

    /// A scenario that loads up to its last key, which is wrong.
    static let badScenario = (try? String(contentsOfFile: supply, encoding: .utf8)).map { $0 + "\nbogus_key: 1\n" } ?? ""
}

// MARK: Failures after the input was read, and stops

extension OutputSafetyTests {
    /// The inputs read fine and the work is done, then the disk refuses the outputs (a file-size
    /// limit stands in for a full disk): exit 1 naming the output file, the previous folder
    /// byte for byte as it was, and nothing beside it.
    @Test(.disabled(if: SmallRun.underThreadSanitizer, "ThreadSanitizer cannot start under a small ulimit -f"))
    func aRunThatCannotWriteLeavesThePreviousFolderByteForByte() throws {
        let folder = try temporaryFolder("safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try SmallRun.scenario(in: folder)
        let second = try SmallRun.scenario(in: folder, stock: 5, name: "second")
        let out = folder.appendingPathComponent("out")
        #expect(try CordonTool.run(["run", first.path, "-o", out.path, "--quiet"]).status == 0)
        let before = try SmallRun.snapshot(folder)

        let r = try SmallRun.cordon(["run", second.path, "-o", out.path, "--quiet"], fileSizeLimit: 16)
        #expect(r.status == 1, "\(r.text)")
        #expect(r.stderr.hasPrefix("cordon: cannot write \(out.path)/"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix(": File too large\n"), "\(r.stderr)")
        #expect(!r.stderr.contains(".tmp") && !r.stderr.contains(".cordon-"))
        #expect(try SmallRun.snapshot(folder) == before)
        #expect(try SmallRun.temporaries(in: folder) == [])
    }

    /// The spool that streamed output goes through is never named: the message names the
    /// output the user asked for.
    @Test(.disabled(if: SmallRun.underThreadSanitizer, "ThreadSanitizer cannot start under a small ulimit -f"))
    func errorsNameTheOutputNeverATemporaryFile() throws {
        let folder = try temporaryFolder("safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("measured.geojson")
        let toFile = try SmallRun.cordon(["measure", Self.map, "-o", out.path], fileSizeLimit: 8)
        #expect(toFile.status == 1)
        #expect(toFile.stderr == "cordon: cannot write \(out.path): File too large\n")
        let toStdout = try SmallRun.cordon(["measure", Self.map], fileSizeLimit: 8)
        #expect(toStdout.status == 1)
        #expect(toStdout.stderr.hasPrefix("cordon: cannot write standard output: temporary file in "), "\(toStdout.stderr)")
        #expect(!toStdout.stderr.contains("spool"))
        #expect(toStdout.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    /// SIGTERM or SIGINT while outputs are being written: the temporary file goes, the
    /// previous output stays, and the exit status is 128 + the signal. The summary goes to a
    /// named pipe nobody reads, so `simulate` waits there with its timeline already staged.
    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aStoppedWriteLeavesNothingBehind(_ signal: Int32, _ status: Int32) throws {
        let folder = try temporaryFolder("safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("timeline.csv")
        try Data("previous\n".utf8).write(to: csv)
        let pipe = folder.appendingPathComponent("summary.json")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let process = Process()
        process.executableURL = CordonTool.url
        process.arguments = ["simulate", Self.supply, "--runs", "0", "-o", csv.path, "--summary", pipe.path, "--quiet"]
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
        let deadline = Date().addingTimeInterval(20)
        // The timeline and its types (timeline.csvt) are both staged before the summary.
        while try SmallRun.temporaries(in: folder).count < 2 && Date() < deadline { usleep(20_000) }
        #expect(try SmallRun.temporaries(in: folder).count == 2, "the timeline and its types were never staged")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == status)
        #expect(try SmallRun.temporaries(in: folder) == [])
        #expect(try Data(contentsOf: csv) == Data("previous\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("timeline.csvt").path))
    }

    /// `run` stopped with SIGTERM the moment its staging folder appears (or later, or after it
    /// finished): the output folder holds the previous set or the new one, whole, and nothing
    /// is left beside it.
    @Test func aRunStoppedWhileWritingLeavesOneWholeSet() throws {
        let folder = try temporaryFolder("safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = try SmallRun.scenario(in: folder)
        let new = try SmallRun.scenario(in: folder, stock: 5, name: "new")
        let out = folder.appendingPathComponent("out")
        let alone = folder.appendingPathComponent("alone")
        #expect(try CordonTool.run(["run", new.path, "-o", alone.path, "--quiet", "--jobs", "1"]).status == 0)
        let newSet = try SmallRun.snapshot(alone)
        try FileManager.default.removeItem(at: alone)
        for wait in [0, 2_000, 5_000, 10_000, 20_000] {
            #expect(try CordonTool.run(["run", old.path, "-o", out.path, "--quiet", "--jobs", "1"]).status == 0)
            let oldSet = try SmallRun.snapshot(out)
            let process = Process()
            process.executableURL = CordonTool.url
            process.arguments = ["run", new.path, "-o", out.path, "--quiet", "--jobs", "1"]
            try process.run()
            while process.isRunning, try !SmallRun.temporaries(in: folder).contains(where: { $0.contains(".cordon-") }) {
                usleep(500)
            }
            usleep(useconds_t(wait))
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            #expect([0, 143].contains(process.terminationStatus))
            let result = try SmallRun.snapshot(out)
            #expect(result == oldSet || result == newSet, "after \(wait) µs: a mixed set")
            #expect(try SmallRun.temporaries(in: folder) == [])
        }
    }
}
