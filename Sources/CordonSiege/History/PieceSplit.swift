import CordonGeometry

/// Keeps pieces small, so a change rewrites only the part of a large area near it: a polygon
/// with more vertices than the limit is cut in two along a line of a fixed grid (multiples of
/// a power of two degrees), and each half again while needed. The lines do not depend on the
/// polygon, so neighbouring pieces are cut along the same lines.
enum PieceSplit {
    static let vertexLimit = 256

    static func bounded(_ polygon: Geometry) throws -> [Geometry] {
        guard vertices(polygon) > vertexLimit, let b = polygon.bounds else { return [polygon] }
        let alongX = b.maxX - b.minX >= b.maxY - b.minY
        guard let m = alongX ? gridLine(b.minX, b.maxX) : gridLine(b.minY, b.maxY) else { return [polygon] }
        let outer = b.expanded(by: 1)
        let halves = alongX
            ? [Bounds(minX: outer.minX, minY: outer.minY, maxX: m, maxY: outer.maxY),
               Bounds(minX: m, minY: outer.minY, maxX: outer.maxX, maxY: outer.maxY)]
            : [Bounds(minX: outer.minX, minY: outer.minY, maxX: outer.maxX, maxY: m),
               Bounds(minX: outer.minX, minY: m, maxX: outer.maxX, maxY: outer.maxY)]
        var out: [Geometry] = []
        for h in halves {
            for p in try HistoryBuilder.areas(polygon.clip(to: h)) { out += try bounded(p) }
        }
        return out
    }

    /// The coarsest multiple of a power of two strictly between `lo` and `hi`.
    static func gridLine(_ lo: Double, _ hi: Double) -> Double? {
        guard hi > lo else { return nil }
        var step = 512.0
        for _ in 0..<80 {
            let m = (lo / step).rounded(.up) * step
            if m > lo && m < hi { return m }
            step /= 2
        }
        return nil
    }

    static func vertices(_ polygon: Geometry) -> Int {
        var n = polygon.exteriorRing?.coordinates.count ?? 0
        for i in 0..<polygon.interiorRingCount { n += polygon.interiorRing(i)?.coordinates.count ?? 0 }
        return n
    }
}
