import Testing
@testable import CordonGeometry

/// Every fault the reader must catch, with the words of its message and where it points.
@Suite("GeoJSON reader errors")
struct GeoJSONErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var fragment: String
        var feature: Int?
        var kind: GeoJSONError.Kind
        var testDescription: String { fragment }
    }

    static func fc(_ geometry: String, properties: String = "{}") -> String {
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},"#
            + #"{"type":"Feature","properties":\#(properties),"geometry":\#(geometry)}]}"#
    }

    static let cases: [Case] = [
        Case(input: "", fragment: "the file is empty", kind: .syntax),
        Case(input: #"{"type":"FeatureCollection","features":["#, fragment: "invalid JSON: the file ends inside an array", kind: .syntax),
        Case(input: #"{"type":"FeatureCollection" "features":[]}"#, fragment: "invalid JSON: expected ',' or '}'", kind: .syntax),
        Case(input: #"{"type":"FeatureCollection","features":[}"#, fragment: "invalid JSON: expected a value, found '}'", feature: 0, kind: .syntax),
        Case(input: #"{"type":"Feature","properties":{"a":tru},"geometry":null}"#, fragment: "invalid JSON: unexpected 't'", feature: 0, kind: .syntax),
        Case(input: #"{"type":"Feature","properties":{"a":"x"#, fragment: "unterminated string", feature: 0, kind: .syntax),
        Case(input: #"{"type":"Feature","properties":{"a":1.},"geometry":null}"#, fragment: "a digit must follow '.'", feature: 0, kind: .syntax),
        Case(input: #"{"type":"FeatureCollection","features":[]} x"#, fragment: "unexpected 'x' after the end", kind: .syntax),
        Case(input: "[1, 2, 3]", fragment: "not GeoJSON: the top level must be an object", kind: .geoJSON),
        Case(input: #"{"name": "x"}"#, fragment: "not GeoJSON: the object has no \"type\" member", kind: .geoJSON),
        Case(input: #"{"type": "Topology", "objects": {}}"#, fragment: "unknown GeoJSON type \"Topology\"", kind: .geoJSON),
        Case(input: #"{"type": 5}"#, fragment: "\"type\" must be a string", kind: .geoJSON),
        Case(input: #"{"type":"FeatureCollection"}"#, fragment: "a FeatureCollection needs a \"features\" array", kind: .geoJSON),
        Case(input: #"{"type":"FeatureCollection","features":{}}"#, fragment: "\"features\" must be an array", kind: .geoJSON),
        Case(input: #"{"type":"FeatureCollection","features":[{"type":"Point","coordinates":[1,2]}]}"#,
             fragment: "wrong type: expected \"Feature\", found \"Point\"", feature: 0, kind: .geoJSON),
        Case(input: #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{}}]}"#,
             fragment: "needs a \"geometry\" member", feature: 0, kind: .geoJSON),
        Case(input: fc(#"{"type":"Polyline","coordinates":[[1,2],[3,4]]}"#), fragment: "unknown geometry type \"Polyline\"", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Feature","geometry":null}"#), fragment: "expected a geometry, found a \"Feature\"", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Polygon"}"#), fragment: "a Polygon needs \"coordinates\"", feature: 1, kind: .geoJSON),
        Case(input: fc("[1,2]"), fragment: "\"geometry\" must be an object or null", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Point","coordinates":[1,2]}"#, properties: "[1]"), fragment: "\"properties\" must be an object or null", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#),
             fragment: "ring 0 is not closed (the first and last positions differ)", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0.1,0.1],[0.2,0.1],[0.1,0.1]]]}"#),
             fragment: "ring 1 has 3 positions; a ring needs at least 4", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Polygon","coordinates":[[]]}"#), fragment: "ring 0 has fewer than 4 positions", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6]]]]}"#),
             fragment: "polygon 1, ring 0 is not closed", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"LineString","coordinates":[[1,2]]}"#), fragment: "a LineString has fewer than 2 positions", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[1,2]]]}"#), fragment: "line 1 has fewer than 2 positions", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Point","coordinates":["37.1",36.2]}"#), fragment: "a coordinate is not a number: found '\"'", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Point","coordinates":[37.1,null]}"#), fragment: "a coordinate is not a number", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Point","coordinates":[NaN,1]}"#), fragment: "a coordinate is not a number", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Point","coordinates":[1e999,1]}"#), fragment: "a coordinate is not finite: 1e999", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Point","coordinates":[200.5,1]}"#), fragment: "longitude 200.5 is out of range [-180, 180]", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Point","coordinates":[10,-90.000001]}"#), fragment: "latitude -90.000001 is out of range [-90, 90]", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Point","coordinates":[10]}"#), fragment: "a position needs at least 2 numbers", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Polygon","coordinates":[[0,0],[1,0],[1,1],[0,0]]}"#),
             fragment: "Polygon coordinates must be an array of rings, each an array of positions", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"Point","coordinates":[[1,2]]}"#), fragment: "Point coordinates must be one position", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"LineString","coordinates":[[1,2],[[3,4]]]}"#), fragment: "mixed nesting", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"MultiPolygon","coordinates":[[[[[0,0]]]]]}"#), fragment: "nested deeper than any geometry type", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},null]}"#),
             fragment: "each of \"geometries\" must be a geometry object", feature: 1, kind: .geoJSON),
        Case(input: fc(#"{"type":"GeometryCollection"}"#), fragment: "a GeometryCollection needs a \"geometries\" array", feature: 1, kind: .geoJSON),
        Case(input: fc("null", properties: #"{"id":{"a":{"b":{"c":{}}}}}"#), fragment: "nesting deeper than 4 levels", feature: 1, kind: .tooDeep),
    ]

    @Test(arguments: cases)
    func reportsTheFault(_ c: Case) throws {
        let depth = c.kind == .tooDeep ? 4 : GeoJSONReader.defaultMaxDepth
        let e = try #require(IOFixtures.error(c.input, maxDepth: depth))
        #expect(e.description.contains(c.fragment), "\(e)")
        #expect(e.feature == c.feature, "\(e)")
        #expect(e.kind == c.kind, "\(e)")
        #expect(e.file == "bad.geojson")
        #expect(e.line != nil && e.column != nil)
        #expect(!e.description.contains("\n"))
    }

    @Test func pointsAtTheLineAndColumn() throws {
        let text = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {}, "geometry": null},
          {"type": "Feature", "properties": {}, "geometry":
            {"type": "Point", "coordinates": [37.1, 95]}}
        ]}
        """
        let e = try #require(IOFixtures.error(text))
        #expect(e.description == "bad.geojson: feature 1: line 4, column 45: latitude 95 is out of range [-90, 90]")
    }

    @Test func faultsInPropertiesAlsoNameTheFeature() throws {
        let e = try #require(IOFixtures.error(Self.fc("null", properties: #"{"a": [1, 2,]}"#)))
        #expect(e.feature == 1 && e.kind == .syntax)
    }

    static let deep = 100_000

    /// 100,000 levels of nesting anywhere give an error, not a stack overflow.
    @Test(arguments: ["top", "properties", "collection", "coordinates", "foreign"])
    func survivesDeepNesting(_ place: String) throws {
        let open = String(repeating: "[", count: Self.deep), close = String(repeating: "]", count: Self.deep)
        let text: String
        switch place {
        case "top": text = open + close
        case "properties": text = Self.fc("null", properties: #"{"a":\#(open)\#(close)}"#)
        case "collection":
            text = String(repeating: #"{"type":"GeometryCollection","geometries":["#, count: Self.deep)
                + String(repeating: "]}", count: Self.deep)
        case "coordinates": text = Self.fc(#"{"type":"Polygon","coordinates":\#(open)\#(close)}"#)
        default: text = #"{"type":"FeatureCollection","features":[],"extra":\#(open)\#(close)}"#
        }
        let e = try #require(IOFixtures.error(text))
        #expect(e.kind == (place == "coordinates" ? .geoJSON : .tooDeep), "\(e)")
        #expect(e.description.contains(place == "coordinates" ? "nested deeper than any geometry type" : "nesting deeper than 256 levels"))
    }

    @Test func refusesFilesOverTheSizeLimit() throws {
        var r = GeoJSONReader(context: try GEOSContext())
        r.maxBytes = 10
        #expect(throws: GeoJSONError.self) { try r.read(Array(#"{"type":"FeatureCollection","features":[]}"#.utf8)) }
        let e = r.check(path: IOFixtures.path("all-types.geojson")).faults.first
        #expect(e?.description.contains("larger than the limit") == true)
    }

    @Test func missingFileIsOneLine() throws {
        let e = GeoJSONReader(context: try GEOSContext()).check(path: "/no/such/file.geojson").faults
        #expect(e.map(\.description) == ["/no/such/file.geojson: cannot open: No such file or directory"])
    }

    /// Check mode notes each faulty feature and keeps reading.
    @Test func checkCollectsEveryFeatureFault() throws {
        let report = GeoJSONReader(context: try GEOSContext()).check(path: IOFixtures.path("faults.geojson"))
        #expect(report.featureCount == 6)
        #expect(report.entries.map(\.index) == [0, 2, 5])
        #expect(report.entries.map(\.line) == [2, 4, 7])
        #expect(report.faults.map(\.feature) == [1, 3, 4])
        #expect(report.faults[0].reason.contains("not closed"))
        #expect(report.faults[1].reason.contains("unknown geometry type \"Circle\""))
        #expect(report.faults[2].reason.contains("longitude 361 is out of range"))
        #expect(report.complete)
    }

    @Test func checkStopsAtBrokenJSON() throws {
        let text = Self.fc(#"{"type":"Point","coordinates":[500,0]}"#).dropLast(3) + ", {]"
        let report = GeoJSONReader(context: try GEOSContext()).check(Array(text.utf8), file: "x")
        #expect(report.faults.count == 1 || report.faults.count == 2)
        #expect(report.faults.first?.reason.contains("longitude 500") == true)
        #expect(!report.complete)
    }
}
