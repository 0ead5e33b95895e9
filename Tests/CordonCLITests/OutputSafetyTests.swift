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

        let r = try CordonTool.run(c.args.map { $0 == "BAD" ? bad.path : $0 == "OUT" ? out.path : $0 })
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
