import CordonCore
import Foundation
import Testing
@testable import CordonGeometry

/// A feature that repeats an earlier one (same geometry, same properties in any order) is found
/// both by the streaming validator and among features held in memory; near misses are not.
@Suite("Duplicate features")
struct DuplicateFeatureTests {
    private static let square = #"{"type":"Polygon","coordinates":[[[37.1,36.1],[37.2,36.1],[37.2,36.2],[37.1,36.2],[37.1,36.1]]]}"#
    private static let shifted = #"{"type":"Polygon","coordinates":[[[37.1,36.1],[37.2,36.1],[37.2,36.2],[37.1,36.20001],[37.1,36.1]]]}"#

    private static func collection(_ features: [(String, String)]) -> String {
        let list = features.map { #"{"type":"Feature","properties":\#($0.1),"geometry":\#($0.0)}"# }
        return #"{"type":"FeatureCollection","features":["# + list.joined(separator: ",") + "]}"
    }

    /// Feature 3 repeats 0 (properties in another order); 1 differs by a property, 2 by one coordinate,
    /// 4 by its population's type; 5 repeats 4, and 6 repeats 0 again.
    private static let text = collection([
        (square, #"{"controller":"opposition","population":100}"#),
        (square, #"{"controller":"government","population":100}"#),
        (shifted, #"{"controller":"opposition","population":100}"#),
        (square, #"{"population":100,"controller":"opposition"}"#),
        (square, #"{"controller":"opposition","population":"100"}"#),
        (square, #"{"controller":"opposition","population":"100"}"#),
        (square, #"{"controller":"opposition","population":100}"#),
    ])

    @Test func featuresHeldInMemory() throws {
        let context = try GEOSContext()
        let features = try GeoJSONReader(context: context).read(Array(Self.text.utf8), file: "map.geojson")
        let found = DuplicateFinder.find(features, file: "map.geojson", context: context)
        #expect(found.map { [$0.feature, $0.original] } == [[3, 0], [5, 4], [6, 0]])
        #expect(found[0].description
                == "map.geojson: feature 3: warning: the same geometry and properties as feature 0, so it counts twice")
    }

    @Test func theStreamingValidatorFindsTheSame() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-dup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("map.geojson").path
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path))
        let report = GeoJSONReader(context: try GEOSContext()).validate(path: path)
        #expect(report.isValid)
        #expect(report.duplicates.map { [$0.feature, $0.original] } == [[3, 0], [5, 4], [6, 0]])
        #expect(report.duplicates.allSatisfy { $0.file == path })
    }

    @Test func noDuplicatesInADistinctFile() throws {
        let context = try GEOSContext()
        let features = try GeoJSONReader(context: context).read(path: IOFixtures.path("all-types.geojson"))
        #expect(DuplicateFinder.find(features, file: "all-types.geojson", context: context).isEmpty)
    }
}

/// A large layer's fingerprints are taken on two threads; the duplicates found are the same.
@Suite("Duplicate features, large layer")
struct LargeDuplicateFeatureTests {
    @Test func duplicatesInBothHalves() throws {
        let context = try GEOSContext()
        func square(_ k: Int) throws -> Geometry {
            let x = 37 + Double(k % 100) / 100, y = 36 + Double(k / 100) / 100
            return try context.polygon([Coordinate(x, y), Coordinate(x + 0.01, y), Coordinate(x + 0.01, y + 0.01),
                                        Coordinate(x, y + 0.01), Coordinate(x, y)])
        }
        var features = try (0..<5000).map { k in
            Feature(geometry: try square(k), properties: ["controller": "opposition", "n": .number(Double(k))])
        }
        // 4999 repeats 3 (first half, found from the second); 4100 repeats 4000 with its
        // properties in another order; 4200 has 4000's geometry but another controller.
        features[4999] = Feature(geometry: try square(3), properties: ["controller": "opposition", "n": 3])
        features[4100] = Feature(geometry: try square(4000), properties: ["n": 4000, "controller": "opposition"])
        features[4200] = Feature(geometry: try square(4000), properties: ["controller": "government", "n": 4000])
        let found = DuplicateFinder.find(features, file: "big.geojson", context: context)
        #expect(found.map { [$0.feature, $0.original] } == [[4100, 4000], [4999, 3]])
    }
}
