import Foundation
@testable import CordonGeometry

/// Fixtures of the I/O tests: `Fixtures/io/NAME`, input and expected output side by side.
enum IOFixtures {
    static func url(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/io/\(name)")
    }

    static func path(_ name: String) -> String { url(name).path }

    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    static func read(_ text: String, file: String = "test.geojson") throws -> [Feature] {
        try GeoJSONReader(context: try GEOSContext()).read(Array(text.utf8), file: file)
    }

    /// The error reading `text` gives (nil if it reads fine).
    static func error(_ text: String, maxDepth: Int = GeoJSONReader.defaultMaxDepth) -> GeoJSONError? {
        do {
            _ = try GeoJSONReader(context: try GEOSContext(), maxDepth: maxDepth).read(Array(text.utf8), file: "bad.geojson")
            return nil
        } catch let e as GeoJSONError {
            return e
        } catch {
            return GeoJSONError(kind: .file, file: "?", reason: "unexpected error type: \(error)")
        }
    }

    /// Signed shoelace area of a ring (positive when counter-clockwise), computed here
    /// independently of GEOS to check the writer's winding.
    static func signedArea(_ ring: [Coordinate]) -> Double {
        var s = 0.0
        for i in 0..<(ring.count - 1) { s += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y }
        return s / 2
    }

    /// A temporary folder removed by the caller.
    static func temporaryFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }
}
