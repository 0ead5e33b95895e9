import Foundation
import Testing
@testable import CordonGeometry

@Suite("GeoJSON reader")
struct GeoJSONReaderTests {
    @Test func readsAllSevenTypesInAnyMemberOrder() throws {
        let fs = try GeoJSONReader(context: try GEOSContext()).read(path: IOFixtures.path("all-types.geojson"))
        #expect(fs.count == 9)
        let types = fs.map { $0.geometry?.type }
        #expect(types == [.point, .lineString, .polygon, .multiPoint, .multiLineString, .multiPolygon,
                          .geometryCollection, nil, .geometryCollection])
        // Point: z dropped, properties kept in order with their JSON values.
        #expect(fs[0].geometry!.coordinates == [Coordinate(37.15, 36.2)])
        #expect(fs[0].properties.keys == ["name", "z", "tags"])
        #expect(fs[0].properties["tags"] == ["a", "b"])
        #expect(fs[0].id == "p1")
        #expect(fs[2].id == 7)
        // Line read with "coordinates" before "type".
        #expect(fs[1].geometry!.coordinates.count == 3)
        // Polygon with a hole.
        let square = fs[2].geometry!
        #expect(square.interiorRingCount == 1)
        #expect(square.exteriorRing!.coordinates.first == Coordinate(37.0, 36.0))
        #expect(square.interiorRing(0)!.coordinates.count == 5)
        // Multi-parts.
        #expect(fs[3].geometry!.partCount == 2)
        #expect(fs[4].geometry!.part(1).coordinates.count == 3)
        let mp = fs[5].geometry!
        #expect(mp.partCount == 2 && mp.part(1).interiorRingCount == 1 && mp.part(0).interiorRingCount == 0)
        #expect(fs[6].geometry!.part(1).coordinates == [Coordinate(180, 90), Coordinate(179.5, 89.5)])
        // Null geometry and null properties.
        #expect(fs[7].geometry == nil && fs[7].properties.isEmpty)
        // Empty geometries.
        let empties = fs[8].geometry!
        #expect(empties.partCount == 4)
        #expect(empties.parts.allSatisfy { $0.isEmpty })
        #expect(empties.parts.map(\.type) == [.point, .lineString, .polygon, .multiPolygon])
    }

    @Test func readsASingleFeatureWithByteOrderMark() throws {
        let fs = try GeoJSONReader(context: try GEOSContext()).read(path: IOFixtures.path("bom-feature.geojson"))
        #expect(fs.count == 1)
        #expect(fs[0].geometry!.coordinates == [Coordinate(1.5, 2.5)])
        #expect(fs[0].properties["a"] == 1)
    }

    @Test func readsABareGeometry() throws {
        let fs = try IOFixtures.read(#"{"coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"type":"Polygon"}"#)
        #expect(fs.count == 1 && fs[0].geometry?.type == .polygon && fs[0].properties.isEmpty)
    }

    /// Numbers from the fast path and from strtod, against Swift's own parser.
    @Test(arguments: [
        "0", "-0", "0.1", "36.2", "-179.999999", "1e-7", "1E+2", "12345678901234567890123",
        "0.30000000000000004", "36.123456789012345678", "4.9e-324", "2.2250738585072011e-308",
        "1.7976931348623157e308", "9007199254740993", "0.000001", "123.456e-5",
    ])
    func parsesNumbersExactly(_ text: String) throws {
        let fs = try IOFixtures.read(#"{"type":"Feature","geometry":null,"properties":{"v":\#(text)}}"#)
        let got = fs[0].properties["v"]?.numberValue
        #expect(got == Double(text)!)
        #expect(got?.sign == Double(text)!.sign)
    }

    @Test func keepsStringsWithEscapes() throws {
        let fs = try IOFixtures.read(#"{"type":"Feature","geometry":null,"properties":{"s":"a\"b\\c\/d\n\u00e9\ud83d\ude00 حلب","k\u0041":true,"n":null}}"#)
        #expect(fs[0].properties["s"] == .string("a\"b\\c/d\né😀 حلب"))
        #expect(fs[0].properties["kA"] == true)
        #expect(fs[0].properties["n"] == .null)
    }

    @Test func repeatedKeysKeepTheirPlaceAndTakeTheLastValue() throws {
        let fs = try IOFixtures.read(#"{"type":"Feature","geometry":null,"properties":{"a":1,"b":2,"a":3}}"#)
        #expect(fs[0].properties.keys == ["a", "b"])
        #expect(fs[0].properties["a"] == 3)
    }

    @Test func largeObjectsStayOrderedAndFast() throws {
        let members = (0..<50_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let fs = try IOFixtures.read(#"{"type":"Feature","geometry":null,"properties":{\#(members)}}"#)
        #expect(fs[0].properties.count == 50_000)
        #expect(fs[0].properties.keys[49_999] == "k49999")
        #expect(fs[0].properties["k1234"] == 1234)
    }
}
