import Foundation
import Testing

/// `cordon enclosure` and `cordon routes` run as a user runs them, on the constructed Castello
/// fixtures (Fixtures/siege/make_fixtures.py draws them; the expected outputs sit beside them,
/// and their figures are worked out by hand in CordonSiegeTests.RouteTests).
@Suite(.enabled(if: CordonTool.url != nil)) struct SiegeCommandTests {
    let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/siege")
    var map: String { fixtures.appendingPathComponent("castello-map.geojson").path }
    var routes: String { fixtures.appendingPathComponent("castello-routes.geojson").path }

    func expected(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func routesTimelineMatchesTheGoldenFile() throws {
        let r = try CordonTool.run(["routes", map, routes, "--besieged", "opposition", "--timeline", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try expected("castello-routes.timeline.expected.geojson")))
        #expect(r.stderr.contains("\"cut\":2"))
    }

    @Test func enclosureTimelineMatchesTheGoldenFile() throws {
        let r = try CordonTool.run(["enclosure", map, "--besieged", "opposition", "--timeline", "--jobs", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try expected("castello-pockets.timeline.expected.geojson")))
        let summary = try JSONSerialization.jsonObject(with: Data(r.stderr.utf8)) as! [String: Any]
        #expect(summary["pockets"] as? Int == 1 && summary["encircled"] as? Int == 0)
    }

    @Test func aDatedMapNeedsADate() throws {
        let r = try CordonTool.run(["enclosure", map, "--besieged", "opposition"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("give --date YYYY-MM-DD or --timeline"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func unknownBesiegedListsTheControllers() throws {
        let r = try CordonTool.run(["enclosure", map, "--besieged", "rebels", "--date", "2016-07-01"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("`rebels` never appears; the map's controllers are: government, opposition"))
    }

    @Test func usageErrorsExitTwo() throws {
        let both = try CordonTool.run(["enclosure", map, "--besieged", "opposition", "--date", "2016-07-01", "--timeline"])
        #expect(both.status == 2)
        #expect(both.stderr == "cordon: give --date or --timeline, not both (see cordon --help)\n")
        let badDate = try CordonTool.run(["enclosure", map, "--besieged", "opposition", "--date", "17/07/2016"])
        #expect(badDate.status == 2 && badDate.stderr.contains("not an ISO date"))
        let range = try CordonTool.run(["routes", map, routes, "--besieged", "opposition", "--fire-range=-5", "--date", "2016-07-01"])
        #expect(range.status == 2 && range.stderr.contains("--fire-range: must be a number of metres ≥ 0"))
    }

    @Test func aBadRouteIsNamed() throws {
        let folder = try temporaryFolder("routes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x","kind":"road"},"geometry":{"type":"LineString","coordinates":[[37.0,36.2],[37.1,36.2]]}}]}"#
            .write(to: bad, atomically: true, encoding: .utf8)
        let r = try CordonTool.run(["routes", map, bad.path, "--besieged", "opposition", "--date", "2016-07-01"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.geojson: feature 0: `kind` must be `supply` or `corridor`, got \"road\""))
        let short = folder.appendingPathComponent("short.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x","kind":"supply"},"geometry":{"type":"LineString","coordinates":[[37.0,36.2]]}}]}"#
            .write(to: short, atomically: true, encoding: .utf8)
        let s = try CordonTool.run(["routes", map, short.path, "--besieged", "opposition", "--date", "2016-07-01"])
        #expect(s.status == 2 && s.stderr.contains("feature 0"))
    }

    @Test func aFailedRunLeavesTheOutputFileUntouched() throws {
        let folder = try temporaryFolder("untouched")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pockets.geojson")
        try "previous results\n".write(to: out, atomically: true, encoding: .utf8)
        let r = try CordonTool.run(["enclosure", map, "--besieged", "rebels", "--date", "2016-07-01", "-o", out.path])
        #expect(r.status == 2)
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous results\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pockets.geojson"])
    }

    @Test func aOneGigabyteMapIsRefusedBeforeReading() throws {
        // Sparse: no disk is used. The analyses hold the whole map, so they stop at 512 MiB.
        let folder = try temporaryFolder("huge")
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("huge.geojson")
        _ = FileManager.default.createFile(atPath: huge.path, contents: Data("{".utf8))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 1_000_000_000)
        try handle.close()
        let r = try CordonTool.run(["enclosure", huge.path, "--besieged", "opposition"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("huge.geojson: the file is larger than the limit of 512 MiB"), "\(r.stderr)")
        let routes = try CordonTool.run(["routes", map, huge.path, "--besieged", "opposition", "--date", "2016-07-01"])
        #expect(routes.status == 2 && routes.stderr.contains("larger than the limit of 512 MiB"))
    }

    @Test func aRouteOffTheMapIsUnknown() throws {
        let folder = try temporaryFolder("offmap")
        defer { try? FileManager.default.removeItem(at: folder) }
        let far = folder.appendingPathComponent("far.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"far","kind":"supply"},"geometry":{"type":"LineString","coordinates":[[40.0,30.0],[40.1,30.0]]}}]}"#
            .write(to: far, atomically: true, encoding: .utf8)
        let r = try CordonTool.run(["routes", map, far.path, "--besieged", "opposition", "--date", "2016-07-20"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"status\":\"unknown\""))
        #expect(r.stderr.contains("\"unknown\":1"))
    }
}
