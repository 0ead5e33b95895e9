/// Finds which of a set of polygons holds a point, many points at a time: the rings' edges are
/// filed in horizontal bands, so a point is tested against the few edges of its band only
/// (a crossing-number test, as GEOS's point-in-ring, without building a GEOS point per query).
///
/// A point covered by a polygon (inside it or on its boundary) is found in it; a point covered
/// by several goes to the one listed first (docs/design.md#evidence). Built from coordinates, so
/// it is a plain value any thread may query.
///
/// Most points are answered by a grid of cells first: a cell that no edge's box meets lies
/// wholly in the same polygons as its centre, found once for every such cell by sweeping each
/// row's centre line. Only points in cells an edge meets are tested against their band.
public struct PointLocator: Sendable {
    // Edge k runs from (x0[k], y0[k]) to (x1[k], y1[k]) and belongs to polygon owner[k].
    private var x0: [Double] = [], y0: [Double] = [], x1: [Double] = [], y1: [Double] = []
    private var owner: [Int32] = []
    private var bandStart: [Int32] = []
    private var bandEdges: [Int32] = []
    private var minY = 0.0, bandHeight = 1.0
    private var minX = Double.infinity, maxX = -Double.infinity, maxY = 0.0
    // The cell grid: per cell, the polygon holding all of it, `none`, or `mixed` (an edge meets it).
    private var cells: [Int32] = []
    private var columns = 0, rows = 0, cellWidth = 1.0, cellHeight = 1.0
    private static let none: Int32 = -1, mixed: Int32 = -2
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
        fillCells()
    }

    /// About 64 cells per edge (at most 2²⁰), each answered from its centre unless an edge's box meets it.
    private mutating func fillCells() {
        let w = maxX - minX, h = maxY - minY
        guard w > 0, h > 0 else { return }
        let wanted = Double(min(1 << 20, max(64, 64 * owner.count)))
        columns = max(1, min(4096, Int((wanted * w / h).squareRoot().rounded())))
        rows = max(1, min(4096, Int((wanted / Double(columns)).rounded(.up))))
        cellWidth = w / Double(columns)
        cellHeight = h / Double(rows)
        var cells = [Int32](repeating: Self.none, count: columns * rows)
        for k in owner.indices {
            let c0 = column(min(x0[k], x1[k])), c1 = column(max(x0[k], x1[k]))
            let r0 = row(min(y0[k], y1[k])), r1 = row(max(y0[k], y1[k]))
            for r in r0...r1 { for c in c0...c1 { cells[r * columns + c] = Self.mixed } }
        }
        // Along each row's centre line, the crossings in x order: a polygon holds the stretch
        // after an odd number of its crossings (its rings are closed, so counting from the left
        // gives the parity the crossing-number test counts to the right).
        let bands = bandStart.count - 1
        var crossings: [(x: Double, owner: Int32)] = [], inside: [Int32] = []
        cells.withUnsafeMutableBufferPointer { cells in
            for r in 0..<rows {
                let y = minY + (Double(r) + 0.5) * cellHeight
                let b = band(y, bands)
                crossings.removeAll(keepingCapacity: true)
                for i in Int(bandStart[b])..<Int(bandStart[b + 1]) {
                    let k = Int(bandEdges[i])
                    let ay = y0[k], by = y1[k]
                    guard (ay > y) != (by > y) else { continue }
                    crossings.append((x0[k] + (y - ay) * (x1[k] - x0[k]) / (by - ay), owner[k]))
                }
                crossings.sort { $0.x < $1.x }
                inside.removeAll(keepingCapacity: true)
                var next = 0, held = Self.none
                for c in 0..<columns {
                    let x = minX + (Double(c) + 0.5) * cellWidth
                    if next < crossings.count, crossings[next].x < x {
                        repeat {
                            let o = crossings[next].owner
                            if let j = inside.firstIndex(of: o) { inside.remove(at: j) } else { inside.append(o) }
                            next += 1
                        } while next < crossings.count && crossings[next].x < x
                        held = inside.min() ?? Self.none
                    }
                    if cells[r * columns + c] != Self.mixed { cells[r * columns + c] = held }
                }
            }
        }
        self.cells = cells
    }

    private func column(_ x: Double) -> Int {
        let k = ((x - minX) / cellWidth).rounded(.down)
        return k.isFinite ? max(0, min(columns - 1, Int(max(-1, min(Double(columns), k))))) : 0
    }

    private func row(_ y: Double) -> Int {
        let k = ((y - minY) / cellHeight).rounded(.down)
        return k.isFinite ? max(0, min(rows - 1, Int(max(-1, min(Double(rows), k))))) : 0
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
        if !cells.isEmpty {
            let held = cells[row(y) * columns + column(x)]
            if held != Self.mixed { return held == Self.none ? nil : Int(held) }
        }
        return locateInBand(x, y, scratch: &scratch)
    }

    /// Whether the cell grid answers the point without its band (for tests).
    func answeredByCell(_ x: Double, _ y: Double) -> Bool {
        !cells.isEmpty && x >= minX && x <= maxX && y >= minY && y <= maxY && cells[row(y) * columns + column(x)] != Self.mixed
    }

    /// ``locate(_:_:scratch:)`` by the point's band alone, without the cell grid.
    func locateInBand(_ x: Double, _ y: Double, scratch: inout [UInt8]) -> Int? {
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
