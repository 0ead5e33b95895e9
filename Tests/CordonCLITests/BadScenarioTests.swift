import CordonTestSupport
import Foundation
import Testing

/// Broken scenarios stop `cordon run` with exit status 2 and one line naming the key, and
/// `cordon validate` finds the same fault without running anything.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct BadScenarioTests {
    /// The bundled scenario with its files named by absolute paths, so a copy can live anywhere.
    static func aleppoText() throws -> String {
        var text = try String(contentsOf: Repository.aleppo.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        for name in ["map", "routes", "districts", "roads"] {
            text = text.replacingOccurrences(of: "\(name): \(name).geojson",
                                             with: "\(name): \(Repository.aleppo.appendingPathComponent("\(name).geojson").path)")
        }
        for name in ["events", "prices"] {
            text = text.replacingOccurrences(of: "\(name): \(name).csv",
                                             with: "\(name): \(Repository.aleppo.appendingPathComponent("\(name).csv").path)")
        }
        return text
    }

    static let cases: [(label: String, from: String, to: String, expected: String)] = [
        ("missing map", "map.geojson", "no-such-map.geojson", "map: no such file"),
        ("focus outside", "focus: [37.139, 36.178]", "focus: [37.12, 36.21]", "focus: [37.12, 36.21]"),
        ("unknown route", "route: Castello Road", "route: Castelo Road", "inflows[0].route: no route 'Castelo Road' in the routes file, did you mean Castello Road?"),
        ("unknown corridor", "corridor: Seif al-Dawla corridor", "corridor: Salah corridor", "evacuation[0].corridor: no corridor 'Salah corridor'"),
        ("supply route as corridor", "corridor: Seif al-Dawla corridor", "corridor: Ramouseh road", "evacuation[0].corridor: 'Ramouseh road' is a supply route"),
        ("unknown besieged", "besieged: opposition", "besieged: rebels", "besieged: 'rebels' holds nothing on the map"),
        ("bad focus", "focus: [37.139, 36.178]", "focus: [37.139]", "focus: must be [lon, lat]"),
    ]

    @Test(arguments: cases.indices)
    func runStopsWithOneLineNamingTheKey(_ i: Int) throws {
        let c = Self.cases[i]
        let folder = try temporaryFolder("bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Self.aleppoText()
        #expect(text.contains(c.from), "\(c.label): the bundled scenario changed")
        let scenario = folder.appendingPathComponent("scenario.yaml")
        try text.replacingOccurrences(of: c.from, with: c.to).write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")

        let run = try CordonTool.run(["run", scenario.path, "-o", out.path, "--runs", "0", "--quiet"])
        #expect(run.status == 2, "\(c.label): \(run.stderr)")
        #expect(run.stderr.hasPrefix("cordon: \(scenario.path): \(c.expected)"), "\(c.label): \(run.stderr)")
        #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(c.label)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "\(c.label): nothing written")

        let validate = try CordonTool.run(["validate", scenario.path])
        #expect(validate.status == 2, "\(c.label)")
        #expect(validate.stdout.contains(c.expected), "\(c.label): \(validate.stdout)")
    }

    @Test func validateAcceptsTheBundledScenarioAndChecksItsFiles() throws {
        let good = try CordonTool.run(["validate", Repository.aleppo.appendingPathComponent("scenario.yaml").path])
        #expect(good.status == 0)
        // The counts of features in map.geojson, routes.geojson and districts.geojson (draw.py prints them).
        // Was 45 areas and 150 districts: four zones were added for dates the record gives (the northern
        // outskirts on 8 and 13 October, Ma'asaraniya on 30 November, Tariq al-Bab and Karm al-Jazmati on
        // 3 December: geodata/aleppo-2016/README.md, "Dates"), two features each, and the last two bring
        // their outskirts as two more districts.
        #expect(good.stdout.hasSuffix("scenario.yaml: ok (scenario; map: 53 areas, 6 routes, 152 districts)\n"))

        // A fault inside a named file is found too, with the file and feature.
        let folder = try temporaryFolder("bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let routes = try String(contentsOf: Repository.aleppo.appendingPathComponent("routes.geojson"), encoding: .utf8)
        try routes.replacingOccurrences(of: "\"kind\":\"supply\"", with: "\"kind\":\"road\"")
            .write(to: folder.appendingPathComponent("routes.geojson"), atomically: true, encoding: .utf8)
        let text = try Self.aleppoText().replacingOccurrences(of: Repository.aleppo.appendingPathComponent("routes.geojson").path,
                                                              with: "routes.geojson")
        try text.write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let bad = try CordonTool.run(["validate", folder.appendingPathComponent("scenario.yaml").path])
        #expect(bad.status == 2)
        #expect(bad.stdout.contains("routes.geojson: feature 0: `kind` must be `supply` or `corridor`"), "\(bad.stdout)")
    }
}
