/// Finds which of a set of polygons holds a point, many points at a time: the rings' edges are
/// filed in horizontal bands, so a point is tested against the few edges of its band only
/// (a crossing-number test, as GEOS's point-in-ring, without building a GEOS point per query).
///
/// A point covered by a polygon (inside it or on its boundary) is found in it; a point covered
/// by several goes to the one listed first (docs/design.md#evidence). Built from coordinates, so
/// it is a plain value any thread may query.
public struct PointLocator: Sendable {
    // Edge k runs from (x0[k], y0[k]) to (x1[k], y1[k]) and belongs to polygon owner[k].
    private var x0: [Double] = [], y0: [Double] = [], x1: [Double] = [], y1: [Double] = []
    private var owner: [Int32] = []
    private var bandStart: [Int32] = []
    private var bandEdges: [Int32] = []
    private var minY = 0.0, bandHeight = 1.0
    private var minX = Double.infinity, maxX = -Double.infinity, maxY = 0.0
    /// How many polygons it was built from.
    public let count: Int

    /// A locator over `polygons`, in order.
    /// - Parameter polygons: Polygon or MultiPolygon geometries (anything else holds no point).
    public init(_ polygons: [Geometry]) {
        self.init(rings: polygons.map(Self.rings(of:)))
    }

    /// The rings of a Polygon or MultiPolygon, exterior and holes alike; none for anything else.
    public static func rings(of g: Geometry) -> [[Coordinate]] {
        var rings: [[Coordinate]] = []
        for part in g.parts where part.type == .polygon {
            if let ring = part.exteriorRing { rings.append(ring.coordinates) }
            for i in 0..<part.interiorRingCount { if let r = part.interiorRing(i) { rings.append(r.coordinates) } }
        }
        return rings
    }

    /// A locator over polygons given as their rings (exterior and holes alike, each closed or not).
    public init(rings polygons: [[[Coordinate]]]) {
        count = polygons.count
        var lowY = Double.infinity, highY = -Double.infinity
        for (p, rings) in polygons.enumerated() {
            for ring in rings where ring.count >= 2 {
                for i in 0..<ring.count {
                    let a = ring[i], b = ring[(i + 1) % ring.count]
                    if a == b { continue }
                    x0.append(a.x); y0.append(a.y); x1.append(b.x); y1.append(b.y)
                    owner.append(Int32(p))
                    lowY = min(lowY, a.y); highY = max(highY, a.y)
                    minX = min(minX, a.x); maxX = max(maxX, a.x)
                }
            }
        }
        guard !owner.isEmpty else { return }
        minY = lowY
        maxY = highY
        let bands = max(1, min(1 << 16, owner.count / 4))
        bandHeight = max((highY - lowY) / Double(bands), 1e-12)
        // Counting sort of the edges into the bands their y-extent overlaps.
        var counts = [Int32](repeating: 0, count: bands + 1)
        func range(_ k: Int) -> ClosedRange<Int> {
            let a = band(min(y0[k], y1[k]), bands), b = band(max(y0[k], y1[k]), bands)
            return a...b
        }
        for k in owner.indices { for b in range(k) { counts[b + 1] += 1 } }
        for b in 0..<bands { counts[b + 1] += counts[b] }
        var fill = counts
        bandEdges = [Int32](repeating: 0, count: Int(counts[bands]))
        for k in owner.indices {
            for b in range(k) {
                bandEdges[Int(fill[b])] = Int32(k)
                fill[b] += 1
            }
        }
        bandStart = counts
    }

    private func band(_ y: Double, _ bands: Int) -> Int {
        min(bands - 1, max(0, Int(((y - minY) / bandHeight).rounded(.down))))
    }

    /// The first polygon (by position) that covers the point; nil when none does.
    /// - Parameters:
    ///   - x: The point's longitude (or x in the polygons' plane).
    ///   - y: The point's latitude (or y).
    ///   - scratch: Working space of ``count`` bytes, reused across calls by one thread.
    public func locate(_ x: Double, _ y: Double, scratch: inout [UInt8]) -> Int? {
        guard !owner.isEmpty, x >= minX, x <= maxX, y >= minY, y <= maxY, x.isFinite, y.isFinite else { return nil }
        if scratch.count < count { scratch = [UInt8](repeating: 0, count: count) }
        let bands = bandStart.count - 1
        let b = band(y, bands)
        var touched: [Int32] = []
        var best = Int.max
        // A point on a band's lower edge may sit on an edge filed in the band below: look there too.
        let lowBand = (b > 0 && y <= minY + Double(b) * bandHeight) ? b - 1 : b
        for bb in lowBand...b {
            for i in Int(bandStart[bb])..<Int(bandStart[bb + 1]) {
                let k = Int(bandEdges[i])
                let ax = x0[k], ay = y0[k], bx = x1[k], by = y1[k]
                // On the edge: collinear and within its box.
                if (bx - ax) * (y - ay) == (by - ay) * (x - ax), x >= min(ax, bx), x <= max(ax, bx),
                   y >= min(ay, by), y <= max(ay, by) {
                    best = min(best, Int(owner[k]))
                    continue
                }
                if bb != b { continue }  // crossings are counted in the point's own band only
                if (ay > y) != (by > y) {
                    let xi = ax + (y - ay) * (bx - ax) / (by - ay)
                    if x < xi {
                        let o = Int(owner[k])
                        if scratch[o] == 0 { touched.append(Int32(o)) }
                        scratch[o] ^= 1
                    }
                }
            }
        }
        for o in touched {
            if scratch[Int(o)] == 1 { best = min(best, Int(o)) }
            scratch[Int(o)] = 0
        }
        return best == Int.max ? nil : best
    }

    /// Whether one polygon (its rings, closed) holds the point inside or on its boundary: the
    /// test ``locate(_:_:scratch:)`` makes, for a single polygon without building a locator
    /// (road access clips each road against the few hostile areas near it).
    public static func covers(_ rings: [[Coordinate]], _ x: Double, _ y: Double) -> Bool {
        var inside = false
        for ring in rings where ring.count >= 2 {
            for j in 0..<(ring.count - 1) {
                let ax = ring[j].x, ay = ring[j].y, bx = ring[j + 1].x, by = ring[j + 1].y
                if (bx - ax) * (y - ay) == (by - ay) * (x - ax), x >= min(ax, bx), x <= max(ax, bx),
                   y >= min(ay, by), y <= max(ay, by) { return true }
                if (ay > y) != (by > y), x < ax + (y - ay) * (bx - ax) / (by - ay) { inside.toggle() }
            }
        }
        return inside
    }
}
