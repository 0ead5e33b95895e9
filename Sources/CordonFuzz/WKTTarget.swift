import CordonGeometry

/// WKT, WKB and hex WKB through GEOS; the first byte picks the form. A geometry that
/// reads is written back in all three and measured, as `measure` would.
enum WKTTarget {
    static func run(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let body = Array(bytes.dropFirst())
        guard let context = try? GEOSContext() else { return }
        let geometry: Geometry?
        switch mode % 3 {
        case 0: geometry = try? WKTReader(context: context).read(String(decoding: body, as: UTF8.self))
        case 1: geometry = try? WKBReader(context: context).read(body)
        default: geometry = try? WKBReader(context: context).read(hex: String(decoding: body, as: UTF8.self))
        }
        guard let g = geometry else { return }
        _ = try? g.wkt
        _ = try? WKBWriter(context: context).write(g)
        _ = try? g.validityReason()
        _ = Geodesic.areaPerimeter(g)
        _ = try? GeoJSONWriter().geometry(g)
    }
}
