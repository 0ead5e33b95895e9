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
        guard w >= 0, h >= 0, max(w, 1) * max(h, 1) <= Double(limit) else { return nil }
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
        // NaN fails every comparison, so it is outside too.
        guard fx >= 0, fy >= 0, fx < Double(columns), fy < Double(rows) else { return nil }
        return Int(fy) * columns + Int(fx)
    }

    /// The index of the first row or column whose centre is at or past `v` (cells from
    /// `origin`), clamped to 0...`limit`: worked in Double, so no coordinate can overflow it.
    private func firstCentre(_ v: Double, from origin: Double, limit: Int) -> Int {
        let f = ((v - origin) / cell - 0.5).rounded(.up)
        return f <= 0 ? 0 : f >= Double(limit) ? limit : Int(f)
    }

    /// Marks the cells whose centre lies inside the polygonal parts of `g`: a scanline across the
    /// rows, even-odd over all rings (holes, and the parts of a valid MultiPolygon, come out right).
    /// Rings with a coordinate that is not a finite number are left out.
    public func fill(_ g: Geometry, into mask: inout [Bool]) {
        precondition(mask.count == count, "mask and grid differ in size")
        var crossings = [[Double]](repeating: [], count: rows)
        for ring in PointLocator.rings(of: g) where ring.count >= 2 && ring.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) {
            for k in 0..<ring.count {
                let a = ring[k], b = ring[(k + 1) % ring.count]
                if a.y == b.y { continue }
                let (lo, hi) = a.y < b.y ? (a, b) : (b, a)
                // Rows whose centre y lies in [lo.y, hi.y): a half-open span counts a vertex once.
                let first = firstCentre(lo.y, from: minY, limit: rows)
                let last = firstCentre(hi.y, from: minY, limit: rows) - 1
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
                let from = firstCentre(xs[k], from: minX, limit: columns)
                let to = firstCentre(xs[k + 1], from: minX, limit: columns) - 1
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

    /// Marks the cells a polyline passes through, walking each segment's stretch over the grid.
    private func trace(_ line: [Coordinate], into mask: inout [Bool]) {
        guard let first = line.first else { return }
        if line.count == 1 { if let i = index(of: first) { mask[i] = true }; return }
        for k in 1..<line.count {
            guard let (a, b) = clipped(line[k - 1], line[k]) else { continue }
            let length = max(abs(b.x - a.x), abs(b.y - a.y))
            // Steps of a third of a cell along the longer axis touch every cell the segment
            // crosses but for corners clipped by less than that; clipped to the grid, a
            // segment has at most 3 × (columns + rows) of them.
            let steps = max(1, Int((length / cell * 3).rounded(.up)))
            for s in 0...steps {
                let f = Double(s) / Double(steps)
                if let i = index(of: Coordinate(a.x + f * (b.x - a.x), a.y + f * (b.y - a.y))) { mask[i] = true }
            }
        }
    }

    /// The part of segment a–b inside the grid's box (Liang–Barsky), or nil when none is or an
    /// end is not a finite number.
    private func clipped(_ a: Coordinate, _ b: Coordinate) -> (Coordinate, Coordinate)? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        let maxX = minX + Double(columns) * cell, maxY = minY + Double(rows) * cell
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
            if t0 > t1 { return nil }
        }
        return (Coordinate(a.x + t0 * dx, a.y + t0 * dy), Coordinate(a.x + t1 * dx, a.y + t1 * dy))
    }
}
