import CordonTestSupport
import Foundation
import Testing

/// `cordon enclosure` and `cordon routes` run as a user runs them, on the constructed Castello
/// fixtures (Fixtures/siege/make_fixtures.py draws them; the expected outputs sit beside them,
/// and their figures are worked out by hand in CordonSiegeTests.RouteTests).
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil)) struct SiegeCommandTests {
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
        #expect(range.status == 2)
        #expect(range.stderr == "cordon: --fire-range: must be a number of metres from 0 to 300000, got -5\n")
        // Distances beyond what one projected zone can carry are refused before any work.
        for (command, flag, value, range) in [("enclosure", "--snap", "1e7", "0 to 10000"),
                                              ("routes", "--fire-range", "1e7", "0 to 300000"),
                                              ("routes", "--walk", "1e300", "0 to 300000"),
                                              ("routes", "--walk", "nan", "0 to 300000")] {
            var arguments = [command, map] + (command == "routes" ? [routes] : [])
            arguments += ["--besieged", "opposition", "--date", "2016-07-01", "\(flag)=\(value)"]
            let out = try CordonTool.run(arguments)
            #expect(out.status == 2, "\(flag) \(value)")
            #expect(out.stderr.hasPrefix("cordon: \(flag): must be a number of metres from \(range), got "), "\(out.stderr)")
        }
    }

    /// A routes file of one LineString, written into `folder`.
    func routeFile(_ folder: URL, _ name: String, kind: String, _ coordinates: String) throws -> String {
        let file = folder.appendingPathComponent(name)
        try """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x","kind":"\(kind)"},\
            "geometry":{"type":"LineString","coordinates":\(coordinates)}}]}
            """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func runRoutes(_ file: String, on date: String) throws -> Command.Outcome {
        try CordonTool.run(["routes", map, file, "--besieged", "opposition", "--date", date])
    }

    @Test func aBadRouteIsNamed() throws {
        let folder = try temporaryFolder("routes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try runRoutes(routeFile(folder, "bad.geojson", kind: "road", "[[37.0,36.2],[37.1,36.2]]"), on: "2016-07-01")
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.geojson: feature 0: `kind` must be `supply` or `corridor`, got \"road\""))
        let s = try runRoutes(routeFile(folder, "short.geojson", kind: "supply", "[[37.0,36.2]]"), on: "2016-07-01")
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
        let refused = try runRoutes(huge.path, on: "2016-07-01")
        #expect(refused.status == 2 && refused.stderr.contains("larger than the limit of 512 MiB"))
    }

    @Test func aRouteOffTheMapIsUnknown() throws {
        let folder = try temporaryFolder("offmap")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try runRoutes(routeFile(folder, "far.geojson", kind: "supply", "[[40.0,30.0],[40.1,30.0]]"), on: "2016-07-20")
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"status\":\"unknown\""))
        #expect(r.stderr.contains("\"unknown\":1"))
    }
}
