import CordonGeometry
import CordonTestSupport
import Foundation
import Testing

/// `cordon measure`'s figures on the 133 real Aleppo neighbourhoods (../shared/geodata, when
/// present) against pyproj's, recorded in Fixtures/pyproj/aleppo_measures.json by the command
/// written there (pyproj 3.7.2, Geod(ellps="WGS84").geometry_area_perimeter).
@Suite struct MeasureAgainstPyprojTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let source = Repository.shared.appendingPathComponent("geodata/aleppo_neighbourhoods_csr.geojson")

    @Test(Reference.needs("../shared/geodata/aleppo_neighbourhoods_csr.geojson", FileManager.default.fileExists(atPath: source.path)))
    func aleppoNeighbourhoodsMatchPyprojToOneInABillion() throws {
        let recorded = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/pyproj/aleppo_measures.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: recorded)) as! [String: Any]
        let rows = json["features"] as! [[String: Any]]
        let features = try GeoJSONReader(context: try GEOSContext()).read(path: Self.source.path)
        #expect(features.count == 133 && rows.count == 133)
        var worstArea = 0.0, worstPerimeter = 0.0
        for row in rows {
            let i = row["feature"] as! Int
            let measured = features[i].measured().properties
            let area = try #require(measured["area_km2"]?.numberValue) * 1e6
            let perimeter = try #require(measured["perimeter_km"]?.numberValue) * 1e3
            worstArea = max(worstArea, abs(area / (row["area_m2"] as! Double) - 1))
            worstPerimeter = max(worstPerimeter, abs(perimeter / (row["perimeter_m"] as! Double) - 1))
        }
        #expect(worstArea < 1e-9, "worst relative area difference \(worstArea)")
        #expect(worstPerimeter < 1e-9, "worst relative perimeter difference \(worstPerimeter)")
    }
}
