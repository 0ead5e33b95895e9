import CordonCore
import Testing
@testable import CordonGeometry

/// The plumbing of `cordon measure`: which properties, where, and in which units.
/// (The Geodesic module's own accuracy against pyproj is tested in GeodesicTests.)
@Suite("Measured features")
struct MeasureTests {
    /// Independent values:
    /// - one degree of equator is a·π/180 = 6378137 m × 0.017453292519943295 = 111319.49079327357 m (by hand);
    /// - the one-degree cell and its hole, from pyproj 3.7.2:
    ///   python3 -c "from pyproj import Geod; from shapely.geometry import Polygon as P;
    ///     g=Geod(ellps='WGS84'); print(g.geometry_area_perimeter(P([(0,0),(1,0),(1,1),(0,1)])));
    ///     print(g.geometry_area_perimeter(P([(0,0),(1,0),(1,1),(0,1)],[[(.25,.25),(.25,.75),(.75,.75),(.75,.25)]])))"
    ///   → (12308778361.469452, 443770.91724830196) and (9231614224.814873, 443770.91724830196)
    @Test func addsGeodesicSizesInKilometres() throws {
        let fs = try GeoJSONReader(context: try GEOSContext()).read(path: IOFixtures.path("measure.geojson")).map { $0.measured() }
        let cell = fs[0].properties
        #expect(cell.keys == ["name", "area_km2", "perimeter_km"])  // the stale value is replaced where it stood
        #expect(try close(cell["area_km2"], 12308.778361469452))
        #expect(try close(cell["perimeter_km"], 443.77091724830196))
        #expect(fs[1].properties.keys == ["name", "length_km"])
        #expect(try close(fs[1].properties["length_km"], 111.31949079327357))
        #expect(fs[2].properties.keys == ["name"])
        #expect(fs[3].properties.keys == ["name"] && fs[3].geometry == nil)
        #expect(try close(fs[4].properties["area_km2"], 9231.614224814873))
        #expect(try close(fs[4].properties["perimeter_km"], 443.77091724830196))
    }

    @Test func measuredValuesSurviveTheWriterInFull() throws {
        let fs = try GeoJSONReader(context: try GEOSContext()).read(path: IOFixtures.path("measure.geojson")).map { $0.measured() }
        let back = try GeoJSONReader(context: try GEOSContext()).read(try GeoJSONWriter().collection(fs))
        #expect(back.map(\.properties) == fs.map(\.properties))
    }

    private func close(_ v: JSONValue?, _ expected: Double) throws -> Bool {
        let x = try #require(v?.numberValue)
        return abs(x - expected) <= 1e-9 * abs(expected)
    }
}
