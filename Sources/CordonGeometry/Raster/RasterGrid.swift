/// A grid of square cells over a box of a plane (metres), for burning shapes in and measuring
/// distances cell by cell: quick, coarse answers that exact geometry then checks.
///
/// Cell `(column, row)` has index `row * columns + column`; its centre is
/// `(minX + (column + 0.5) * cell, minY + (row + 0.5) * cell)`.
public struct RasterGrid: Sendable {
    public let minX: Double, minY: Double
    /// The side of a cell.
    public let cell: Double
    public let columns: Int, rows: Int
    /// The number of cells.
    public var count: Int { columns * rows }

    /// A grid whose cells of side `cell` cover `box`; nil when the side is not a positive finite
    /// number or the grid would have more than `limit` cells.
    public init?(covering box: Bounds, cell: Double, limit: Int = 1 << 24) {
        guard cell.isFinite, cell > 0, box.minX.isFinite, box.maxX.isFinite, box.minY.isFinite, box.maxY.isFinite else { return nil }
        let w = ((box.maxX - box.minX) / cell).rounded(.up), h = ((box.maxY - box.minY) / cell).rounded(.up)
        guard w >= 0, h >= 0, w * h <= Double(limit) else { return nil }
        minX = box.minX
        minY = box.minY
        self.cell = cell
        columns = max(1, Int(w))
        rows = max(1, Int(h))
    }

    /// The centre of cell `i`.
    public func centre(_ i: Int) -> Coordinate {
        Coordinate(minX + (Double(i % columns) + 0.5) * cell, minY + (Double(i / columns) + 0.5) * cell)
    }

    /// The cell holding `c`, or nil outside the grid.
    public func index(of c: Coordinate) -> Int? {
        let fx = ((c.x - minX) / cell).rounded(.down), fy = ((c.y - minY) / cell).rounded(.down)
        guard fx >= 0, fy >= 0, fx < Double(columns), fy < Double(rows) else { return nil }
        return Int(fy) * columns + Int(fx)
    }

    /// Marks the cells whose centre lies inside the polygonal parts of `g`: a scanline across the
    /// rows, even-odd over all rings (holes, and the parts of a valid MultiPolygon, come out right).
    public func fill(_ g: Geometry, into mask: inout [Bool]) {
        precondition(mask.count == count, "mask and grid differ in size")
        var crossings = [[Double]](repeating: [], count: rows)
        for ring in PointLocator.rings(of: g) where ring.count >= 2 {
            for k in 0..<ring.count {
                let a = ring[k], b = ring[(k + 1) % ring.count]
                if a.y == b.y { continue }
                let (lo, hi) = a.y < b.y ? (a, b) : (b, a)
                // Rows whose centre y lies in [lo.y, hi.y): a half-open span counts a vertex once.
                let first = max(0, Int(((lo.y - minY) / cell - 0.5).rounded(.up)))
                let last = min(rows - 1, Int(((hi.y - minY) / cell - 0.5).rounded(.up)) - 1)
                if first > last { continue }
                for r in first...last {
                    let y = minY + (Double(r) + 0.5) * cell
                    crossings[r].append(lo.x + (y - lo.y) / (hi.y - lo.y) * (hi.x - lo.x))
                }
            }
        }
        for r in 0..<rows where crossings[r].count >= 2 {
            let xs = crossings[r].sorted()
            var k = 0
            while k + 1 < xs.count {
                let from = max(0, Int(((xs[k] - minX) / cell - 0.5).rounded(.up)))
                let to = min(columns - 1, Int(((xs[k + 1] - minX) / cell - 0.5).rounded(.up)) - 1)
                if from <= to { for c in from...to { mask[r * columns + c] = true } }
                k += 2
            }
        }
    }

    /// Marks every cell that a segment of `g` (the rings of its polygons, its lines) passes
    /// through, and the cells of its points: what `fill` misses of shapes thinner than a cell.
    public func trace(_ g: Geometry, into mask: inout [Bool]) {
        precondition(mask.count == count, "mask and grid differ in size")
        for part in g.parts {
            switch part.type {
            case .polygon:
                for ring in PointLocator.rings(of: part) { trace(ring, into: &mask) }
            case .lineString, .linearRing:
                trace(part.coordinates, into: &mask)
            case .point:
                for c in part.coordinates { if let i = index(of: c) { mask[i] = true } }
            default:
                if part.type.isCollection { trace(part, into: &mask) }
            }
        }
    }

    /// Marks the cells a polyline passes through, walking each segment cell by cell.
    private func trace(_ line: [Coordinate], into mask: inout [Bool]) {
        guard let first = line.first else { return }
        if line.count == 1 { if let i = index(of: first) { mask[i] = true }; return }
        for k in 1..<line.count {
            let a = line[k - 1], b = line[k]
            let length = max(abs(b.x - a.x), abs(b.y - a.y))
            // Steps of a third of a cell along the longer axis touch every cell the segment
            // crosses but for corners clipped by less than that.
            let steps = min(Int((length / cell * 3).rounded(.up)), 1 << 22)
            for s in 0...max(steps, 1) {
                let f = Double(s) / Double(max(steps, 1))
                if let i = index(of: Coordinate(a.x + f * (b.x - a.x), a.y + f * (b.y - a.y))) { mask[i] = true }
            }
        }
    }
}
