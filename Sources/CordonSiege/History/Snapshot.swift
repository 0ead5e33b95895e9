import CordonCore
import CordonGeometry

/// One dated control map of a series: each controller's polygons as drawn that day
/// (docs/design.md#history).
public struct Snapshot {
    /// The day the snapshot shows.
    public let date: Day
    /// Where it came from, for messages: a file, or a file and layer.
    public let source: String
    /// Each controller's polygons (MultiPolygons split into their parts), in input order.
    let parts: [String: [SnapshotPart]]

    /// Reads a snapshot's features: each a Polygon or MultiPolygon with a non-empty
    /// `controller`. Features without geometry, or with an empty one, hold nothing and are skipped.
    ///
    /// - Parameters:
    ///   - date: The day the snapshot shows.
    ///   - source: Its file (and layer), for messages.
    ///   - features: The features, in order.
    /// - Throws: ``SiegeInputError`` naming the first feature that is not a polygon or has no controller.
    public init(date: Day, source: String, features: [Feature]) throws {
        try self.init(date: date, source: source, entries: features.enumerated().map { (source, $0.offset, $0.element) })
    }

    /// A snapshot gathered from several sources (features dated by a field): each feature with
    /// the source and index that name it in messages.
    public init(date: Day, source: String, entries: [(source: String, index: Int, feature: Feature)]) throws {
        self.date = date
        self.source = source
        var parts: [String: [SnapshotPart]] = [:]
        for (file, i, f) in entries {
            guard let g = f.geometry, !g.isEmpty else { continue }
            guard g.type.isPolygonal else {
                throw SiegeInputError(file: file, feature: i,
                                      "is a \(g.type.geoJSONName); a snapshot's areas must be Polygons or MultiPolygons")
            }
            guard let controller = f.properties["controller"]?.stringValue, !controller.isEmpty else {
                throw SiegeInputError(file: file, feature: i, "has no `controller` (a string naming who holds the area)")
            }
            for p in g.type == .polygon ? [g] : g.parts where !p.isEmpty {
                parts[controller, default: []].append(SnapshotPart(geometry: p, key: try PartKey(p), source: file, feature: i))
            }
        }
        self.parts = parts
    }
}

/// One polygon of a snapshot, with the key that says whether the same outline was drawn before.
struct SnapshotPart {
    let geometry: Geometry
    let key: PartKey
    /// The source and feature it belongs to, for messages.
    let source: String
    let feature: Int
}

/// A polygon's outline independent of how it was drawn: the coordinates of GEOS's normal
/// form (rings turned one way and started at the same vertex, holes in order). Two parts
/// with equal keys are the same polygon exactly.
struct PartKey: Hashable {
    private let values: [Double]

    init(_ polygon: Geometry) throws {
        let n = try polygon.normalized()
        var v: [Double] = []
        let rings = [n.exteriorRing].compactMap { $0 } + (0..<n.interiorRingCount).compactMap { n.interiorRing($0) }
        for (k, ring) in rings.enumerated() {
            // A ring's vertex count marks where it ends, so rings cannot run into each other.
            let cs = ring.coordinates
            v.reserveCapacity(v.count + 2 * cs.count + 1)
            v.append(Double(k == 0 ? cs.count : -cs.count))
            for c in cs { v.append(c.x); v.append(c.y) }
        }
        values = v
    }
}
