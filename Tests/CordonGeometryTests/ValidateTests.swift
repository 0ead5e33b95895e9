import Testing
@testable import CordonGeometry

/// The library side of `cordon validate`: reading faults and GEOS validity, in file order.
@Suite("GeoJSON validation")
struct ValidateTests {
    @Test func listsReadingFaultsAndGEOSReasonsInOrder() throws {
        let path = IOFixtures.path("invalid.geojson")
        let report = GeoJSONReader(context: try GEOSContext()).validate(path: path)
        #expect(report.featureCount == 4)
        #expect(report.faults.map(\.feature) == [1, 2, 3])
        #expect(report.faults.map(\.kind) == [.geometry, .geoJSON, .geometry])
        #expect(report.faults[0].description.hasPrefix("\(path): feature 1: line 3: invalid geometry: Self-intersection[0.5 0.5]"))
        #expect(report.faults[1].reason.contains("ring 0 is not closed"))
        #expect(report.faults[2].reason.contains("Hole lies outside shell"))
    }

    @Test func validFilesHaveNoFaults() throws {
        let report = GeoJSONReader(context: try GEOSContext()).validate(path: IOFixtures.path("all-types.geojson"))
        #expect(report.isValid && report.complete && report.featureCount == 9)
    }
}
