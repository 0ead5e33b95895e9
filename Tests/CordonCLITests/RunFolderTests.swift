import CordonTestSupport
import Foundation
import Testing

/// The output folder of `cordon run` as a set: written whole or not at all, without a districts
/// layer when the scenario has no districts, never over files Cordon did not write, and
/// consistent when two runs write it at once.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct RunFolderTests {
    static let withoutDistricts = ["cordon.qgz", "fronts.geojson", "map.html", "pockets.geojson", "report.html", "routes.geojson",
                                   "sensitivity.csv", "sensitivity.json", "summary.json", "timeline.csv", "timeline.csvt"]

    @Test func aRunWithoutDistrictsWritesNoDistrictsLayerAndTheReportSaysSo() throws {
        let folder = try temporaryFolder("run-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        let out = folder.appendingPathComponent("out")
        let r = try CordonTool.run(["run", scenario.path, "-o", out.path])
        #expect(r.status == 0, "\(r.text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == Self.withoutDistricts)
        #expect(r.stderr.contains("Files written to \(out.path): pockets.geojson, fronts.geojson, routes.geojson, "
                                  + "timeline.csv, timeline.csvt, summary.json, sensitivity.csv, sensitivity.json, report.html, map.html, cordon.qgz."))
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("No districts layer: the scenario names no districts"))

        // `cordon report` rebuilds the same bytes from a folder without districts.geojson.
        let rebuilt = folder.appendingPathComponent("rebuilt.html")
        let report = try CordonTool.run(["report", out.path, "-o", rebuilt.path])
        #expect(report.status == 0, "\(report.text)")
        #expect(try Data(contentsOf: rebuilt) == Data(contentsOf: out.appendingPathComponent("report.html")))
    }

    /// Every file of the previous set goes, even one the new run does not write (districts),
    /// and so does a temporary file a killed `cordon report` left inside.
    @Test func aNewRunReplacesTheWholePreviousSet() throws {
        let folder = try temporaryFolder("run-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        for name in Self.withoutDistricts + ["districts.geojson", ".report.html.99999-1.tmp"] {
            try Data("stale\n".utf8).write(to: out.appendingPathComponent(name))
        }
        let r = try CordonTool.run(["run", scenario.path, "-o", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == Self.withoutDistricts)
        for name in Self.withoutDistricts {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) != Data("stale\n".utf8), "\(name)")
        }
        #expect(try SmallRun.temporaries(in: folder) == [])
    }

    struct Foreign: Sendable, CustomTestStringConvertible {
        var command: String
        var entry: String
        var isFolder: Bool
        var testDescription: String { "\(command), \(entry)" }
    }

    /// The swap replaces the whole folder, so a folder holding anything Cordon did not write
    /// is refused before any work, and left as it was.
    @Test(arguments: [Foreign(command: "run", entry: "notes.txt", isFolder: false),
                      Foreign(command: "run", entry: "maps", isFolder: true),
                      Foreign(command: "run", entry: "report.html", isFolder: true),
                      Foreign(command: "demo", entry: "notes.txt", isFolder: false)])
    func aFolderHoldingFilesCordonDidNotWriteIsRefused(_ c: Foreign) throws {
        let folder = try temporaryFolder("run-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try Data("previous\n".utf8).write(to: out.appendingPathComponent("summary.json"))
        if c.isFolder {
            try FileManager.default.createDirectory(at: out.appendingPathComponent(c.entry), withIntermediateDirectories: false)
        } else {
            try Data("mine\n".utf8).write(to: out.appendingPathComponent(c.entry))
        }
        let before = try SmallRun.snapshot(folder)
        let args = c.command == "demo" ? ["demo", "-o", out.path] : ["run", scenario.path, "-o", out.path]
        let r = try CordonTool.run(args + ["--quiet"], in: Repository.root)
        #expect(r.status == 2, "\(r.text)")
        #expect(r.stderr == "cordon: \(out.path): holds \(c.entry), which cordon did not write; the whole folder is "
                + "replaced, so move it or choose another output folder\n")
        #expect(r.stdout.isEmpty)
        #expect(try SmallRun.snapshot(folder) == before)
    }

    /// Two runs of different scenarios into one folder at once: the folder ends holding one
    /// run's whole set, byte for byte as that run writes it alone, and nothing else.
    @Test func twoRunsAtOnceLeaveOneWholeSet() throws {
        let folder = try temporaryFolder("run-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenarios = [try SmallRun.scenario(in: folder, stock: 100_000, name: "a"),
                         try SmallRun.scenario(in: folder, stock: 300_000, name: "b")]
        var alone: [[String: Data]] = []
        for (i, scenario) in scenarios.enumerated() {
            let out = folder.appendingPathComponent("alone-\(i)")
            #expect(try CordonTool.run(["run", scenario.path, "-o", out.path, "--quiet", "--jobs", "1"]).status == 0)
            alone.append(try SmallRun.snapshot(out))
        }
        #expect(alone[0] != alone[1])
        let out = folder.appendingPathComponent("shared")
        for _ in 0..<3 {
            let processes = scenarios.map { scenario in
                let p = Process()
                p.executableURL = CordonTool.url
                p.arguments = ["run", scenario.path, "-o", out.path, "--quiet", "--jobs", "1"]
                return p
            }
            for p in processes { try p.run() }
            for p in processes { p.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            let result = try SmallRun.snapshot(out)
            #expect(result == alone[0] || result == alone[1])
            #expect(try SmallRun.temporaries(in: folder) == [])
        }
    }
}
