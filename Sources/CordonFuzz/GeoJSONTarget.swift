import CordonGeometry
import CordonSiege

/// The GeoJSON reader, then what the commands do next with what it read: check validity,
/// measure, write back, and build a control map with repair (`enclosure --repair`).
enum GeoJSONTarget {
    static func run(_ bytes: [UInt8]) {
        guard let context = try? GEOSContext() else { return }
        let reader = GeoJSONReader(context: context)
        _ = reader.check(bytes)
        guard let features = try? reader.read(bytes) else { return }
        let writer = GeoJSONWriter()
        for f in features {
            guard let g = f.geometry else { continue }
            _ = try? g.validityReason()
            _ = Geodesic.areaPerimeter(g)
            _ = Geodesic.length(g)
            _ = try? writer.feature(f)
        }
        _ = try? ControlMap(file: "<fuzz>", features: features, repair: true)
    }
}
