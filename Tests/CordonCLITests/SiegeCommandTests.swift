import CordonTestSupport
import Foundation
import Testing

/// `cordon enclosure` and `cordon routes` run as a user runs them, on the constructed Castello
/// fixtures. Fixtures/siege/make_fixtures.py draws them and writes castello.expected.json beside
/// them: figures from the Shapely yardsticks (../shared/bench/reference_enclosure.py for pockets,
/// scripts/routes_yardstick.py for routes) and closed forms worked out from the drawing, never
/// from Cordon's output (FixtureGeneratorTests checks that running it again gives these bytes).
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil)) struct SiegeCommandTests {
    let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/siege")
    var map: String { fixtures.appendingPathComponent("castello-map.geojson").path }
    var routes: String { fixtures.appendingPathComponent("castello-routes.geojson").path }

    /// castello.expected.json: `pockets` and `routes`, one row per period (and route).
    func expected(_ key: String) throws -> [[String: Any]] {
        try #require(try readJSON(fixtures.appendingPathComponent("castello.expected.json"))[key] as? [[String: Any]])
    }

    /// The features of a FeatureCollection printed on standard output: their properties.
    func properties(_ stdout: String) throws -> [[String: Any]] {
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(collection["features"] as? [[String: Any]]).map { $0["properties"] as? [String: Any] ?? [:] }
    }

    /// `from`…`until` of a feature or an expected row, `-` for an open end.
    func span(_ p: [String: Any]) -> String { "\(p["from"] as? String ?? "-")…\(p["until"] as? String ?? "-")" }

    /// Whether a feature holds on the first day of an expected row's period (before every date
    /// for the open first period). A timeline writes a feature unchanged over several periods
    /// once, spanning them, so a row is matched by the day, not by its span.
    func holds(_ p: [String: Any], onStartOf row: [String: Any]) -> Bool {
        let day = row["from"] as? String ?? "0000-00-00"
        return (p["from"] as? String ?? "") <= day && (p["until"] as? String).map { day < $0 } ?? true
    }

    /// Our features period by period as the expected rows list them: for each row, the features
    /// holding on its first day that `match` it, with the row's `from`/`until`.
    func perPeriod(_ ours: [[String: Any]], _ rows: [[String: Any]], match: ([String: Any], [String: Any]) -> Bool)
        -> [[String: Any]] {
        rows.flatMap { row in
            ours.filter { holds($0, onStartOf: row) && match($0, row) }.map { p in
                var q = p
                q["from"] = row["from"]
                q["until"] = row["until"]
                return q
            }
        }
    }

    func number(_ value: Any?) -> Double? {
        switch value {
        case let n as NSNumber: return n.doubleValue
        case let d as Double: return d
        case let i as Int: return Double(i)
        default: return nil
        }
    }

    /// |ours − expected| ≤ tolerance, with both numbers in the message.
    func near(_ ours: Any?, _ expected: Any?, within tolerance: (Double) -> Double, _ what: String,
              sourceLocation: SourceLocation = #_sourceLocation) {
        guard let x = number(ours), let y = number(expected) else {
            Issue.record("\(what): \(ours ?? "missing") against \(expected ?? "missing")", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(x - y) <= tolerance(y), "\(what): ours \(x), expected \(y) ± \(tolerance(y))", sourceLocation: sourceLocation)
    }

    /// Tolerances. Areas and perimeters are geodesic measures of the map's own polygons (no snap,
    /// so no projection): the yardstick's 6 decimals, 1 m² and 1 mm. Figures found by planar work
    /// (stretches, distances, the walking circle) are allowed 0.15 % on top of their own rounding,
    /// closure 0.1 % on top of the search's own precision: the yardsticks work in the map's one UTM
    /// zone (k ≈ 0.99992 here), and local projections nearer the geodesic truth may move such
    /// figures by up to 0.1 %.
    @Test func enclosureTimelineMatchesTheYardstickAndTheClosedForms() throws {
        let r = try CordonTool.run(["enclosure", map, "--besieged", "opposition", "--timeline", "--jobs", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try expected("pockets")
        let written = try properties(r.stdout)
        let ours = perPeriod(written, rows) { $0["pocket"] as? Int == $1["pocket"] as? Int }
        #expect(ours.map(span) == rows.map(span))
        // No feature beyond the rows: on each period's first day, as many pockets as it has rows.
        for row in rows { #expect(written.filter { holds($0, onStartOf: row) }.count == rows.filter { span($0) == span(row) }.count) }
        for (p, e) in zip(ours, rows) {
            let at = span(e)
            #expect(p["pocket"] as? Int == e["pocket"] as? Int, "\(at): pocket")
            #expect(p["status"] as? String == e["status"] as? String, "\(at): status")
            #expect(p["encircled"] as? Bool == e["encircled"] as? Bool, "\(at): encircled")
            // since: the table of make_fixtures.py (encircled 1 August, still 10 August, reopened
            // 20 August, encircled afresh 4 September), checked there against the documented rule.
            #expect(p["since"] as? String == e["since"] as? String, "\(at): since \(p["since"] ?? "nil")")
            near(p["area_km2"], e["area_km2"], within: { _ in 1e-6 }, "\(at): area_km2")
            near(p["perimeter_km"], e["perimeter_km"], within: { _ in 1e-6 }, "\(at): perimeter_km")
            // Whole areas: the opposition's 50,000 residents, every period.
            near(p["population"], e["population"], within: { _ in 0 }, "\(at): population")
            // The share is a ratio of planar lengths: a projection moves both alike, so 2e-4 holds
            // it against the yardstick (6 decimals) and the closed form (the hole's ring, plus the
            // outer ring when the frame is there, over the whole boundary).
            let form = e["closed_form"] as? [String: Any] ?? [:]
            near(p["hostile_share"], e["hostile_share"], within: { _ in 2e-4 }, "\(at): hostile_share")
            near(p["hostile_share"], form["hostile_share"], within: { _ in 2e-4 }, "\(at): hostile_share (closed form)")
            // closure_m: 0 when encircled; else the block, grown by d, overruns the pocket at its
            // farthest corner, √(4000² + y0²). The search promises 1 % or 25 m (docs/design.md#closure),
            // plus 0.1 % for the projection (the search grows ground by planar metres).
            near(p["closure_m"], form["closure_m"], within: { max(0.01 * $0, 25) + 0.001 * $0 }, "\(at): closure_m")
        }
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stderr.utf8)) as? [String: Any])
        let last = try #require(rows.last)
        #expect(summary["pockets"] as? Int == 1 && summary["encircled"] as? Int == ((last["encircled"] as? Bool) == true ? 1 : 0))
    }

    /// Routes against scripts/routes_yardstick.py on the first day of each period (0.15 % for the
    /// projection, see above), and against the closed forms: the stretches drawn in UTM and measured
    /// geodesically, within 0.15 % and 2 m (the fire zone's arcs are 32 segments a quarter circle,
    /// so each exposed chord ends up to 0.6 m short of the true circle; the fixture's coordinates
    /// are rounded to 1e-6°, 0.1 m).
    @Test func routesTimelineMatchesTheYardstickAndTheClosedForms() throws {
        let r = try CordonTool.run(["routes", map, routes, "--besieged", "opposition", "--timeline", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try expected("routes")
        let sameRoute = { (p: [String: Any], row: [String: Any]) in p["route"] as? String == row["route"] as? String }
        let written = try properties(r.stdout)
        let all = perPeriod(written, rows, match: sameRoute)
        let ours = all.filter { $0["segment"] as? String == "whole" }
        #expect(ours.map { span($0) + " " + ($0["route"] as? String ?? "") } == rows.map { span($0) + " " + ($0["route"] as? String ?? "") })
        let planar = { (y: Double) in 0.0015 * y + 1e-6 }, drawn = { (y: Double) in 0.0015 * y + 0.002 }
        for (p, e) in zip(ours, rows) {
            let at = "\(span(e)) \(e["route"] as? String ?? "")"
            let form = e["closed_form"] as? [String: Any] ?? [:]
            #expect(p["status"] as? String == e["status"] as? String, "\(at): status")
            #expect(p["pocket"] as? Int == e["pocket"] as? Int, "\(at): pocket")
            near(p["length_km"], e["length_km"], within: { _ in 1e-6 }, "\(at): length_km")
            for key in ["hostile_km", "exposed_km"] {
                near(p[key], e[key], within: planar, "\(at): \(key)")
                near(p[key], form[key], within: drawn, "\(at): \(key) (closed form)")
            }
            // Whole metres: 0.5 for the rounding, 1 m more for the closed form's rounded drawing.
            near(p["min_distance_m"], e["min_distance_m"], within: { 0.0015 * $0 + 0.5 }, "\(at): min_distance_m")
            near(p["min_distance_m"], form["min_distance_m"], within: { 0.0015 * $0 + 1.5 }, "\(at): min_distance_m (closed form)")
            // The segments: the hostile stretch, and the exposed one outside hostile ground.
            let segments = all.filter { $0["route"] as? String == e["route"] as? String && span($0) == span(e) && $0["segment"] as? String != "whole" }
            let hostile = segments.first { $0["segment"] as? String == "hostile" }?["length_km"]
            let exposed = segments.first { $0["segment"] as? String == "exposed" }?["length_km"]
            near(hostile ?? 0, e["hostile_km"], within: planar, "\(at): hostile segment")
            near(exposed ?? 0, (number(e["exposed_km"]) ?? 0) - (number(e["hostile_km"]) ?? 0), within: planar, "\(at): exposed segment")
            guard e["route"] as? String == "north corridor" else { continue }
            #expect(p["origin"] as? String == e["origin"] as? String && p["destination"] as? String == e["destination"] as? String,
                    "\(at): origin, destination")
            #expect(p["open"] as? Bool == e["open"] as? Bool, "\(at): declared open from 28 July")
            // 2,400 a day for 6 hours of 24.
            near(p["daily_capacity"], e["daily_capacity"], within: { _ in 0 }, "\(at): daily_capacity")
            // Areal weighting over the 3 km circle: its area moves twice as much as a length does
            // under a change of projection (0.3 %), plus rounding to whole people.
            near(p["reach_population"], e["reach_population"], within: { 0.003 * $0 + 0.5 }, "\(at): reach_population")
        }
        // Standard error counts the statuses of the last period.
        let lastPeriod = rows.filter { span($0) == span(rows.last!) }
        #expect(r.stderr.contains("\"cut\":\(lastPeriod.filter { $0["status"] as? String == "cut" }.count)"), "\(r.stderr)")
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

    /// With the only other controller neutral there is no hostile ground at all: by definition no
    /// boundary faces it and no route is cut or under fire (docs/design.md#neutral-ground).
    @Test func neutralGroundIsNotHostile() throws {
        let args = ["--besieged", "opposition", "--date", "2016-07-20"]
        let hostile = try CordonTool.run(["enclosure", map, "--no-closure"] + args)
        let neutral = try CordonTool.run(["enclosure", map, "--no-closure", "--neutral", "government"] + args)
        #expect(hostile.status == 0 && neutral.status == 0, "\(neutral.stderr)")
        let before = try properties(hostile.stdout), after = try properties(neutral.stdout)
        #expect(before.contains { (number($0["hostile_share"]) ?? 0) > 0 })
        #expect(after.count == before.count && after.allSatisfy { number($0["hostile_share"]) == 0 })
        // Encirclement is unchanged: neutral ground is no way out.
        #expect(after.map { $0["encircled"] as? Bool } == before.map { $0["encircled"] as? Bool })

        let cut = try CordonTool.run(["routes", map, routes] + args)
        let open = try CordonTool.run(["routes", map, routes, "--neutral", "government"] + args)
        #expect(open.status == 0, "\(open.stderr)")
        let whole = try properties(open.stdout).filter { $0["segment"] as? String == "whole" }
        #expect(try properties(cut.stdout).contains { $0["status"] as? String != "open" })
        #expect(!whole.isEmpty && whole.allSatisfy { $0["status"] as? String == "open" && $0["min_distance_m"] is NSNull })

        let own = try CordonTool.run(["enclosure", map, "--neutral", "opposition"] + args)
        #expect(own.status == 2)
        #expect(own.stderr == "cordon: --neutral: 'opposition' is the besieged side, not a neutral party (see cordon --help)\n")
        let missing = try CordonTool.run(["routes", map, routes, "--neutral", "un"] + args)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("the neutral controller `un` never appears; the map's controllers are: government, opposition"))
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
