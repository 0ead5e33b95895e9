import CordonTestSupport
import Foundation
import Testing

/// What `cordon enclosure`, `validate` and `run` say of a map that holds a feature twice, and
/// what the timeline summary says once the besieged side is gone.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct MapWarningTests {
    /// A 2 km town inside a government ring, on a 10 km square.
    static let town = #"{"type":"Polygon","coordinates":[[[37.14,36.19],[37.16,36.19],[37.16,36.21],[37.14,36.21],[37.14,36.19]]]}"#
    static let ring = #"{"type":"Polygon","coordinates":[[[37.1,36.15],[37.2,36.15],[37.2,36.25],[37.1,36.25],[37.1,36.15]],"#
        + #"[[37.14,36.19],[37.14,36.21],[37.16,36.21],[37.16,36.19],[37.14,36.19]]]}"#

    static func map(_ features: [(geometry: String, properties: String)]) -> String {
        #"{"type":"FeatureCollection","features":["#
            + features.map { #"{"type":"Feature","properties":\#($0.properties),"geometry":\#($0.geometry)}"# }
                .joined(separator: ",")
            + "]}"
    }

    private func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aFeatureGivenTwiceIsNamedWithItsTwin() throws {
        let folder = try temporaryFolder("duplicates")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write(Self.map([
            (Self.town, #"{"controller":"opposition","population":5000}"#),
            (Self.ring, #"{"controller":"government"}"#),
            (Self.town, #"{"population":5000,"controller":"opposition"}"#),
        ]), "map.geojson", in: folder)
        let warning = "\(path): feature 2: warning: the same geometry and properties as feature 0, so it counts twice"

        let enclosure = try CordonTool.run(["enclosure", path, "--besieged", "opposition", "-o", "-"])
        #expect(enclosure.status == 0)
        let lines = enclosure.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "cordon: \(warning)")
        #expect(lines.count == 2, "the warning, then the summary: \(enclosure.stderr)")

        let validate = try CordonTool.run(["validate", path])
        #expect(validate.status == 0)
        #expect(validate.stdout == "\(warning)\n\(path): ok (3 features)\n")
    }

    @Test func theSameGroundHeldByTwoSidesIsAnOverlapNotADuplicate() throws {
        let folder = try temporaryFolder("overlap")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write(Self.map([
            (Self.town, #"{"controller":"opposition"}"#),
            (Self.ring, #"{"controller":"government"}"#),
            (Self.town, #"{"controller":"government"}"#),
        ]), "map.geojson", in: folder)
        #expect(try CordonTool.run(["validate", path]).stdout == "\(path): ok (3 features)\n")
        let enclosure = try CordonTool.run(["enclosure", path, "--besieged", "opposition", "-o", "-"])
        #expect(enclosure.status == 2)
        #expect(enclosure.stderr.contains("feature 0: overlaps feature 2"), "\(enclosure.stderr)")
    }

    @Test func manyDuplicatesAreCountedAfterTheFirstTen() throws {
        let folder = try temporaryFolder("duplicates")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copies = Array(repeating: (Self.town, #"{"controller":"opposition"}"#), count: 14)
        let path = try write(Self.map([(Self.ring, #"{"controller":"government"}"#)] + copies), "map.geojson", in: folder)
        let r = try CordonTool.run(["enclosure", path, "--besieged", "opposition", "-o", "-"])
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 12, "\(r.stderr)")
        #expect(lines[10] == "cordon: \(path): warning: 3 more features repeat earlier ones")
    }

    @Test func theTimelineSummaryDescribesTheLastPeriodEvenWhenTheBesiegedAreGone() throws {
        let folder = try temporaryFolder("gone")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Encircled until 1 August, then the town falls: the last period has no opposition at all.
        let path = try write(Self.map([
            (Self.town, #"{"controller":"opposition","population":5000,"until":"2016-08-01"}"#),
            (Self.town, #"{"controller":"government","from":"2016-08-01"}"#),
            (Self.ring, #"{"controller":"government"}"#),
        ]), "map.geojson", in: folder)
        let r = try CordonTool.run(["enclosure", path, "--besieged", "opposition", "--timeline", "-o", "-", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"encircled\":true"), "the first period's pocket is still in the file")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(r.stderr.utf8)) as? [String: Any])
        #expect(summary["pockets"] as? Int == 0)
        #expect(summary["encircled"] as? Int == 0)
        #expect(summary["encircled_population"] as? Int == 0)
    }
}
