import CordonTestSupport
import Foundation
import Testing

/// What a new user's trial of `cordon access` (a Madaya 2016 case from public facts) found:
/// empty answers that said nothing, a base off the road silently unreachable, a summary of the
/// last period only, a date outside the map taken as an empty map, and `--fire-range -3`
/// answered with "missing value". A made-up town of the same shape at 36.10 E 33.68 N.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct AccessTrialTests {
    /// The town (besieged, 0.02° square) with government ground east of it, both dated 2016;
    /// a government checkpoint west of the town from 1 March to 1 May 2016.
    static let map = collection([
        feature(square(36.10, 33.68, 36.12, 33.70), ["controller": "opposition", "from": "2016-01-01", "until": "2017-01-01"]),
        feature(square(36.12, 33.68, 36.16, 33.70), ["controller": "government", "from": "2016-01-01", "until": "2017-01-01"]),
        feature(square(36.08, 33.68, 36.10, 33.70), ["controller": "government", "from": "2016-03-01", "until": "2016-05-01"]),
    ])
    /// R1 lies inside the town and leads nowhere; R2 runs from the town 3 km into government
    /// ground and ends there; R3 leaves the town westward across the map's edge (through the
    /// checkpoint while it stands). Three roads that never meet: 3 edges.
    static let roads = collection([
        feature(line([36.105, 33.69], [36.115, 33.69]), ["highway": "primary", "name": "R1"]),
        feature(line([36.115, 33.685], [36.15, 33.685]), ["highway": "primary", "name": "R2"]),
        feature(line([36.105, 33.695], [36.07, 33.695]), ["highway": "primary", "name": "R3"]),
    ])
    static let places = collection([
        feature(point(36.116, 33.6851), ["name": "on R2", "population": 100]),
        feature(point(36.11, 33.6918), ["name": "north of R1", "population": 50]),
        feature(point(36.104, 33.6951), ["name": "on R3", "population": 10]),
    ])
    /// A base 199.65 m north of R1's middle (pyproj Geod WGS84 inv (36.11, 33.6918) → (36.11, 33.69)),
    /// and one on a hill 6,118.03 m from the nearest road, R3's east end (inv (36.11, 33.75) → (36.105, 33.695)).
    static let base = collection([feature(point(36.11, 33.6918), ["name": "Zabadani road"])])
    static let bases = collection([feature(point(36.11, 33.6918), ["name": "Zabadani road"]),
                                   feature(point(36.11, 33.75), ["name": "hill"])])
    /// A corridor from inside the town along R3, declared open from June 2016.
    static let corridors = collection([
        feature(line([36.105, 33.695], [36.07, 33.695]), ["name": "evacuation", "kind": "corridor", "from": "2016-06-01"]),
    ])

    func folder() throws -> URL {
        let dir = try temporaryFolder("access-trial")
        let files = ["map.geojson": Self.map, "roads.geojson": Self.roads, "places.geojson": Self.places,
                     "base.geojson": Self.base, "bases.geojson": Self.bases, "corridors.geojson": Self.corridors]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    /// `cordon access map roads --besieged opposition ARGS -o out.geojson`: its run and features' properties by layer.
    func access(_ args: [String], in dir: URL) throws -> (run: Command.Outcome, layers: [String: [[String: Any]]]) {
        let out = dir.appendingPathComponent("out.geojson")
        try? FileManager.default.removeItem(at: out)
        let run = try CordonTool.run(["access", "map.geojson", "roads.geojson", "--besieged", "opposition", "--quiet"] + args
                                     + ["-o", "out.geojson"], in: dir)
        guard run.status == 0 else { return (run, [:]) }
        let features = try readJSON(out)["features"] as? [[String: Any]] ?? []
        let props = features.compactMap { $0["properties"] as? [String: Any] }
        return (run, Dictionary(grouping: props) { $0["layer"] as? String ?? "" })
    }

    @Test func everyEmptyAnswerSaysWhy() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let day = try access(["--date", "2016-02-01", "--districts", "places.geojson", "--corridors", "corridors.geojson"], in: dir)
        #expect(day.run.status == 0, "\(day.run.text)")
        let place = { (name: String) in day.layers["access_places"]?.first { $0["name"] as? String == name } ?? [:] }
        // R2 runs 2,781.73 m inside government ground (pyproj Geod line_length 36.12 → 36.15 at 33.685 N):
        // the place meets it 11 m off (inv (36.116, 33.6851) → (36.116, 33.685): 11.09 m) and the segment is cut whole.
        #expect(place("on R2")["minutes_to_way_out"] is NSNull)
        #expect(place("on R2")["why_no_way_out"] as? String
                == "the road segment it meets crosses hostile ground and is cut whole")
        #expect(place("on R2")["to_road_m"] as? Double == 11)
        // R1 touches nothing: no road leads out, however far one drives.
        #expect(place("north of R1")["why_no_way_out"] as? String == "no road from it leads to the way out")
        // R3 leads out: minutes, and no reason.
        #expect(place("on R3")["minutes_to_way_out"] is Double && place("on R3")["why_no_way_out"] is NSNull)
        // The corridor opens in June.
        #expect(place("on R3")["why_no_corridor"] as? String == "no corridor is declared open on this date")
        let june = try access(["--date", "2016-06-10", "--districts", "places.geojson", "--corridors", "corridors.geojson"], in: dir)
        let r3 = june.layers["access_places"]?.first { $0["name"] as? String == "on R3" } ?? [:]
        #expect(r3["corridor"] as? String == "evacuation" && r3["why_no_corridor"] is NSNull, "\(r3)")

        // Asked for roads within 100 m, the place 199.65 m from R1 (pyproj) gets none, and says so.
        let near = try access(["--date", "2016-02-01", "--districts", "places.geojson", "--max-to-road", "100"], in: dir)
        let north = near.layers["access_places"]?.first { $0["name"] as? String == "north of R1" } ?? [:]
        #expect(north["why_no_way_out"] as? String == "no road within 100 m (the nearest is 200 m away)", "\(north)")

        // With the default fire range (1,500 m) R3's way out is under fire: --avoid-fire leaves the pocket without one.
        let fire = try access(["--date", "2016-02-01", "--avoid-fire"], in: dir)
        let pocket = fire.layers["access_pockets"]?.first ?? [:]
        #expect(pocket["road_way_out"] as? Bool == false)
        #expect(pocket["why_no_road_way_out"] as? String
                == "every road out that crosses no hostile ground is under fire, and avoid-fire leaves such roads out")

        // While the checkpoint stands, R3 crosses 1,854.27 m of it (pyproj line_length 36.08 → 36.10 at 33.695 N).
        let march = try access(["--date", "2016-03-10"], in: dir)
        let cut = march.layers["access_pockets"]?.first ?? [:]
        #expect(cut["why_no_road_way_out"] as? String == "every road out crosses hostile ground (reopen_cut_km says how much)")
        #expect(abs((cut["reopen_cut_km"] as? Double ?? 0) - 1.854273) < 2e-6, "\(cut)")
    }

    @Test func aBaseOffTheRoadIsJoinedWithinReachOrNamed() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Joined at R1's middle: the pocket's safest road out is half of R1, 463.595 m (pyproj Geod
        // line_length 36.105 → 36.11 at 33.69 N), at 50 km/h 0.556 minutes.
        let joined = try access(["--date", "2016-02-01", "--bases", "base.geojson"], in: dir)
        #expect(joined.run.status == 0, "\(joined.run.text)")
        let pocket = joined.layers["access_pockets"]?.first ?? [:]
        #expect(pocket["road_way_out"] as? Bool == true, "\(pocket)")
        #expect(abs((pocket["length_km"] as? Double ?? 0) - 0.463595) < 2e-6, "\(pocket)")
        #expect(pocket["minutes"] as? Double == 0.556)

        // Within 100 m there is no road: the only base is named, and nothing is written.
        let far = try access(["--date", "2016-02-01", "--bases", "base.geojson", "--max-to-road", "100"], in: dir)
        #expect(far.run.status == 2)
        #expect(far.run.stderr == "cordon: base.geojson: feature 0: no base is within 100 m of a road (the nearest is 200 m away); "
                + "give a larger --max-to-road or bases on the roads\n", "\(far.run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.geojson").path))

        // Of two bases, the one on the hill is named on standard error; the other still serves.
        let two = try access(["--date", "2016-02-01", "--bases", "bases.geojson"], in: dir)
        #expect(two.run.status == 0)
        #expect(two.run.stderr.contains("cordon: bases.geojson: feature 1: warning: no road within 1000 m (the nearest is 6118 m away)"),
                "\(two.run.stderr)")
        #expect(two.layers["access_pockets"]?.first?["road_way_out"] as? Bool == true)
    }

    @Test func theSummaryCoversTheWholeTimeline() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try access(["--timeline"], in: dir).run
        #expect(run.status == 0, "\(run.text)")
        let line = try #require(run.stderr.split(separator: "\n").last.map(String.init))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        // Change dates 2016-01-01, 03-01, 05-01 and 2017-01-01 make 5 periods (open at both ends);
        // the checkpoint cuts R3, the town's only road out, from 1 March to 1 May.
        #expect(summary["periods"] as? Double == 5, "\(line)")
        #expect(summary["lost_last_safe_road"] as? [String] == ["2016-03-01"], "\(line)")
        #expect(summary["regained_safe_road"] as? [String] == ["2016-05-01"], "\(line)")
        #expect(summary["periods_with_a_pocket_without_road_way_out"] as? Double == 1, "\(line)")
        #expect(summary["cut_roads_any_period"] as? Double == 2, "\(line)")  // R2 all year, R3 in spring
    }

    @Test func aDateOutsideTheMapIsAnError() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in [["access", "map.geojson", "roads.geojson"], ["enclosure", "map.geojson"], ["routes", "map.geojson", "corridors.geojson"]] {
            for date in ["2015-12-31", "2017-01-01"] {
                let run = try CordonTool.run(command + ["--besieged", "opposition", "--date", date, "-o", "out.geojson"], in: dir)
                #expect(run.status == 2, "\(command) \(date): \(run.text)")
                #expect(run.stderr == "cordon: --date: \(date) is outside the dates of the map map.geojson: "
                        + "from 2016-01-01 until 2017-01-01 (the last day 2016-12-31)\n", "\(run.stderr)")
                #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.geojson").path))
            }
            let last = try CordonTool.run(command + ["--besieged", "opposition", "--date", "2016-12-31", "-o", "out.geojson"], in: dir)
            #expect(last.status == 0, "\(command): \(last.text)")
            try? FileManager.default.removeItem(at: dir.appendingPathComponent("out.geojson"))
        }
    }

    @Test func negativeNumbersAreToldTheirRange() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (["--fire-range", "-3"], "cordon: --fire-range: must be a number of metres from 0 to 300000, got -3\n"),
            (["--snap", "-3"], "cordon: --snap: must be a number of metres from 0 to 10000, got -3\n"),
            (["--max-to-road", "-3"], "cordon: --max-to-road: must be a number of metres from 0 to 300000, got -3 (see cordon --help)\n"),
            (["--jobs", "-1"], "cordon: --jobs must be at least 1 (see cordon --help)\n"),
            (["--max-precision", "-1"], "cordon: --max-precision must be between 0 and 100 (see cordon --help)\n"),
        ]
        for (args, message) in cases {
            let run = try CordonTool.run(["access", "map.geojson", "roads.geojson", "--besieged", "opposition",
                                          "--date", "2016-02-01"] + args, in: dir)
            #expect(run.status == 2, "\(args): \(run.text)")
            #expect(run.stderr == message, "\(args): \(run.stderr)")
        }
    }

    /// `routes` takes its numbers the same way (the bundled Aleppo case, one date).
    @Test func routesTellNegativeNumbersTheirRange() throws {
        let aleppo = Repository.aleppo.path
        for option in ["fire-range", "walk"] {
            let run = try CordonTool.run(["routes", aleppo + "/map.geojson", aleppo + "/routes.geojson", "--besieged", "opposition",
                                          "--date", "2016-08-01", "--\(option)", "-3", "-o", "/dev/null"])
            #expect(run.status == 2, "\(option): \(run.text)")
            #expect(run.stderr == "cordon: --\(option): must be a number of metres from 0 to 300000, got -3\n", "\(run.stderr)")
        }
    }
}

// Small GeoJSON builders for the fixtures above.
private func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
    #"{"type":"Polygon","coordinates":[[[\#(x0),\#(y0)],[\#(x1),\#(y0)],[\#(x1),\#(y1)],[\#(x0),\#(y1)],[\#(x0),\#(y0)]]]}"#
}
private func line(_ a: [Double], _ b: [Double]) -> String { #"{"type":"LineString","coordinates":[[\#(a[0]),\#(a[1])],[\#(b[0]),\#(b[1])]]}"# }
private func point(_ x: Double, _ y: Double) -> String { #"{"type":"Point","coordinates":[\#(x),\#(y)]}"# }
private func feature(_ geometry: String, _ properties: KeyValuePairs<String, Any>) -> String {
    let p = properties.map { k, v in "\"\(k)\":" + (v is String ? "\"\(v)\"" : "\(v)") }.joined(separator: ",")
    return #"{"type":"Feature","properties":{\#(p)},"geometry":\#(geometry)}"#
}
private func collection(_ features: [String]) -> String {
    #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
}
