import CordonTestSupport
import Foundation
import Testing

/// `cordon access` as a user runs it: an OpenStreetMap file read through GDAL's OSM driver (its
/// `lines` layer, `bridge` and `layer` in `other_tags`), bad input named with exit status 2.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct AccessCommandTests {
    /// One square of besieged ground, 0.1° wide, at 37.1 E 36.2 N.
    static let map = """
    {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"controller":"opposition"},
     "geometry":{"type":"Polygon","coordinates":[[[37.1,36.2],[37.2,36.2],[37.2,36.3],[37.1,36.3],[37.1,36.2]]]}}]}
    """

    /// A primary road west–east and a bridge (layer 1) south–north crossing it with no shared
    /// node, both reaching the square's edge: 2 ways, 4 nodes, so 2 edges when the bridge is
    /// kept apart, 4 if it were joined at the crossing.
    static let osm = """
    <?xml version="1.0" encoding="UTF-8"?>
    <osm version="0.6" generator="hand">
      <node id="1" lat="36.25" lon="37.1" version="1"/>
      <node id="2" lat="36.25" lon="37.2" version="1"/>
      <node id="3" lat="36.2" lon="37.15" version="1"/>
      <node id="4" lat="36.3" lon="37.15" version="1"/>
      <way id="10" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/><tag k="name" v="Main"/></way>
      <way id="11" version="1"><nd ref="3"/><nd ref="4"/><tag k="highway" v="secondary"/><tag k="bridge" v="yes"/><tag k="layer" v="1"/></way>
    </osm>
    """

    func folder(_ files: [String: String]) throws -> URL {
        let dir = try temporaryFolder("access-cli")
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func countsEventsInEachPocketAsEnclosureDoes() throws {
        // Two events inside the square (0 and 5 killed), one 0.8° east of it: by hand, 2 events and
        // 5 deaths in the one pocket, the third placed nowhere.
        let events = """
        date,latitude,longitude,type,fatalities
        2016-07-20,36.25,37.12,Shelling,0
        2016-07-22,36.21,37.19,Air strike,5
        2016-07-23,36.25,38.0,Shelling,9
        """
        let dir = try folder(["map.geojson": Self.map, "city.osm": Self.osm, "events.csv": events])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CordonTool.run(["access", "map.geojson", "city.osm", "--besieged", "opposition", "--events", "events.csv",
                                      "-o", "out.geojson"], in: dir)
        #expect(run.status == 0, "\(run.text)")
        let data = try Data(contentsOf: dir.appendingPathComponent("out.geojson"))
        let features = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["features"] as? [[String: Any]])
        let pockets = features.compactMap { $0["properties"] as? [String: Any] }.filter { $0["layer"] as? String == "access_pockets" }
        #expect(pockets.count == 1)
        #expect(pockets.first?["events"] as? Double == 2 && pockets.first?["fatalities"] as? Double == 5)
        #expect((pockets.first?["events_by_type"] as? [String: Any])?["Air strike"] as? Double == 1)
        let status = try CordonTool.run(["access", "map.geojson", "city.osm", "--besieged", "opposition", "--events", "events.csv",
                                         "--evidence-status", "1/7"], in: dir)
        #expect(status.status == 2 && status.stderr.contains("--evidence-status judges routes"), "\(status.text)")
    }

    @Test func readsOpenStreetMapAndKeepsABridgeApart() throws {
        let dir = try folder(["map.geojson": Self.map, "city.osm": Self.osm])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CordonTool.run(["access", "map.geojson", "city.osm", "--besieged", "opposition", "-o", "out.geojson"], in: dir)
        #expect(run.status == 0, "\(run.text)")
        #expect(run.stderr.contains("\"road_edges\":2"), "\(run.stderr)")
        #expect(run.stderr.contains("\"with_road_way_out\":1"), "\(run.stderr)")
    }

    @Test func badInputIsNamedWithStatus2() throws {
        let dir = try folder([
            "map.geojson": Self.map,
            "empty.geojson": #"{"type":"FeatureCollection","features":[]}"#,
            "far.geojson": #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[10,10],[10.1,10]]}}]}"#,
            "short.geojson": #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[37.1,36.2],[37.2,36.2]]}},{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[37.15,36.25],[37.15,36.25]]}}]}"#,
            "speeds.csv": "primary,40\nprimray,30\n",
            "roads.geojson": #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[37.1,36.2],[37.2,36.2]]}}]}"#,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String)] = [
            (["empty.geojson"], "empty.geojson: the road network is empty"),
            (["far.geojson"], "far.geojson: no road reaches the map"),
            (["short.geojson"], "short.geojson: feature 1: a road needs at least 2 distinct points"),
            (["roads.geojson", "--speeds", "speeds.csv"], "speeds.csv: unknown road classes: primray"),
        ]
        for (args, message) in cases {
            let run = try CordonTool.run(["access", "map.geojson"] + args + ["--besieged", "opposition"], in: dir)
            #expect(run.status == 2, "\(args): \(run.text)")
            #expect(run.stderr.contains(message), "\(args): \(run.stderr)")
        }
    }
}
