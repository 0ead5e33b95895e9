import CordonTestSupport
import Foundation
import Testing

/// `cordon validate` on a control map checks what `enclosure` needs of every feature, not only
/// the GeoJSON: a newcomer who sees "ok" must be able to run the map.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct ValidateControlMapTests {
    static func square(_ x: Double) -> String {
        "{\"type\":\"Polygon\",\"coordinates\":[[[\(x),35],[\(x + 0.01),35],[\(x + 0.01),35.01],[\(x),35.01],[\(x),35]]]}"
    }

    func map(_ properties: [String]) -> String {
        let features = properties.enumerated().map { i, p in
            "{\"type\":\"Feature\",\"properties\":{\(p)},\"geometry\":\(Self.square(36 + Double(i) * 0.02))}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}"
    }

    @Test func everyFaultyFeatureIsNamedWithItsReason() throws {
        let folder = try temporaryFolder("validate-map")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("map.geojson")
        try map(["\"controller\":\"a\"", "", "\"controller\":null", "\"controller\":\"a\",\"until\":\"20/04/2017\"",
                 "\"controller\":\"a\",\"population\":\"37,000\"",
                 "\"controller\":\"b\",\"from\":\"2018-01-01\",\"until\":\"2017-01-01\""])
            .write(to: file, atomically: true, encoding: .utf8)
        let out = try CordonTool.run(["validate", file.path])
        #expect(out.status == 2)
        let p = file.path
        #expect(out.stdout == """
            \(p): feature 1: has no `controller` (a string naming who holds the area)
            \(p): feature 2: has no `controller` (a string naming who holds the area)
            \(p): feature 3: `until` must be an ISO date (YYYY-MM-DD), got "20/04/2017"
            \(p): feature 4: `population` must be a number ≥ 0
            \(p): feature 5: `from` 2018-01-01 is not before `until` 2017-01-01

            """)
        // What validate lets through, enclosure reads: the same faults stop it, the first named.
        let run = try CordonTool.run(["enclosure", p, "--besieged", "a", "--timeline", "-o", folder.appendingPathComponent("p.geojson").path])
        #expect(run.status == 2 && run.stderr.contains("feature 1: has no `controller`"))
    }

    @Test func filesThatAreNotControlMapsAreNotHeldToItsRules() throws {
        let routes = Repository.aleppo.appendingPathComponent("routes.geojson").path
        let map = Repository.aleppo.appendingPathComponent("map.geojson").path
        let out = try CordonTool.run(["validate", map, routes])
        #expect(out.status == 0)
        // The feature counts draw.py writes (53 zones-by-period, 6 routes). Was 45: four zones were added
        // for dates the record gives, two periods each (geodata/aleppo-2016/README.md, "Dates": the
        // northern outskirts on 8 and 13 October, Ma'asaraniya on 30 November, Tariq al-Bab on 3 December).
        #expect(out.stdout == "\(map): ok (53 features)\n\(routes): ok (6 features)\n")
    }
}
