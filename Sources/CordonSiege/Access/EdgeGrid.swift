import CordonGeometry

/// The road edges filed by the cells of a uniform grid over their boxes: which edges' boxes meet
/// a box, as an STRtree's query finds them (the same edges, in order), without GEOS. A plain
/// value, so any thread may query it: places meet their roads on two threads at once.
struct EdgeGrid {
    /// Each edge's box, lon/lat.
    let boxes: [Bounds]
    /// The box of every edge.
    let extent: Bounds
    private let columns: Int, rows: Int
    private let cellWidth: Double, cellHeight: Double
    /// Edges by cell (row-major), in compressed rows; edges whose box spans many cells are kept apart.
    private let cellStart: [Int32], cellEdges: [Int32]
    private let wide: [Int32]

    init(_ lines: [[Coordinate]]) {
        boxes = lines.map { c in
            var b = Bounds(minX: c[0].x, minY: c[0].y, maxX: c[0].x, maxY: c[0].y)
            for p in c.dropFirst() {
                b = Bounds(minX: min(b.minX, p.x), minY: min(b.minY, p.y), maxX: max(b.maxX, p.x), maxY: max(b.maxY, p.y))
            }
            return b
        }
        extent = boxes.reduce(nil) { $0?.union($1) ?? $1 } ?? Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
        // About one cell per edge, square in degrees as far as the extent allows.
        let w = max(extent.maxX - extent.minX, 1e-12), h = max(extent.maxY - extent.minY, 1e-12)
        let cells = Double(max(1, min(boxes.count, 1 << 22)))
        columns = max(1, min(4096, Int((cells * w / h).squareRoot().rounded())))
        rows = max(1, min(4096, Int((cells / Double(columns)).rounded(.up))))
        cellWidth = w / Double(columns)
        cellHeight = h / Double(rows)
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var wide: [Int32] = []
        var spans: [(c0: Int, c1: Int, r0: Int, r1: Int)] = []
        spans.reserveCapacity(boxes.count)
        for (e, b) in boxes.enumerated() {
            let s = (Self.cell(b.minX, extent.minX, cellWidth, columns), Self.cell(b.maxX, extent.minX, cellWidth, columns),
                     Self.cell(b.minY, extent.minY, cellHeight, rows), Self.cell(b.maxY, extent.minY, cellHeight, rows))
            spans.append(s)
            if (s.1 - s.0 + 1) * (s.3 - s.2 + 1) > 64 { wide.append(Int32(e)); continue }
            for r in s.2...s.3 { for c in s.0...s.1 { counts[r * columns + c + 1] += 1 } }
        }
        for i in 0..<(columns * rows) { counts[i + 1] += counts[i] }
        var fill = counts, edges = [Int32](repeating: 0, count: Int(counts[columns * rows]))
        var w0 = 0
        for (e, s) in spans.enumerated() {
            if w0 < wide.count, wide[w0] == Int32(e) { w0 += 1; continue }
            for r in s.r0...s.r1 { for c in s.c0...s.c1 {
                edges[Int(fill[r * columns + c])] = Int32(e)
                fill[r * columns + c] += 1
            } }
        }
        cellStart = counts
        cellEdges = edges
        self.wide = wide
    }

    private static func cell(_ v: Double, _ origin: Double, _ size: Double, _ count: Int) -> Int {
        let k = ((v - origin) / size).rounded(.down)
        return k.isFinite ? max(0, min(count - 1, Int(max(-1, min(Double(count), k))))) : 0
    }

    /// The edges filed in the cells `k` columns or rows away from the cell of `p`, the ring
    /// around it (k = 0: its own cell, and the edges too wide to file), each once per cell it
    /// is filed in; false when no such cell is left in the grid for any larger `k` either.
    /// Every edge not yet given after rings 0…k lies wholly in cells at least k + 1 away.
    func ring(_ k: Int, around p: Coordinate, _ body: (Int) -> Void) -> Bool {
        guard let (c0, r0) = cellHolding(p) else {
            if k == 0 { for e in boxes.indices { body(e) } }  // a point the grid cannot place: every edge
            return k == 0
        }
        guard k <= max(abs(c0), abs(c0 - (columns - 1)), abs(r0), abs(r0 - (rows - 1))) else { return false }
        func cell(_ c: Int, _ r: Int) {
            guard c >= 0, c < columns, r >= 0, r < rows else { return }
            for i in Int(cellStart[r * columns + c])..<Int(cellStart[r * columns + c + 1]) { body(Int(cellEdges[i])) }
        }
        if k == 0 {
            cell(c0, r0)
            for e in wide { body(Int(e)) }
            return true
        }
        let cLo = max(c0 - k, 0), cHi = min(c0 + k, columns - 1)
        if cLo <= cHi { for c in cLo...cHi { cell(c, r0 - k); cell(c, r0 + k) } }
        let rLo = max(r0 - k + 1, 0), rHi = min(r0 + k - 1, rows - 1)
        if rLo <= rHi { for r in rLo...rHi { cell(c0 - k, r); cell(c0 + k, r) } }
        return true
    }

    /// The first ring around `p` with a cell in the grid (0 for a point on it).
    func firstRing(around p: Coordinate) -> Int {
        guard let (c0, r0) = cellHolding(p) else { return 0 }
        return max(0, -c0, c0 - (columns - 1), -r0, r0 - (rows - 1))
    }

    /// The column and row of the cell holding `p`, not clamped (a point off the grid has a cell
    /// the grid lacks); nil for a point too far off to number.
    private func cellHolding(_ p: Coordinate) -> (column: Int, row: Int)? {
        let c = ((p.x - extent.minX) / cellWidth).rounded(.down), r = ((p.y - extent.minY) / cellHeight).rounded(.down)
        guard c.isFinite, r.isFinite, abs(c) < 1e9, abs(r) < 1e9 else { return nil }
        return (Int(c), Int(r))
    }

    /// The width and height of a cell, degrees.
    var cellSize: (width: Double, height: Double) { (cellWidth, cellHeight) }

    /// Edges whose box meets `b` (boundaries included), in ascending order.
    func query(_ b: Bounds) -> [Int] {
        guard b.intersects(extent) else { return [] }
        let c0 = Self.cell(b.minX, extent.minX, cellWidth, columns), c1 = Self.cell(b.maxX, extent.minX, cellWidth, columns)
        let r0 = Self.cell(b.minY, extent.minY, cellHeight, rows), r1 = Self.cell(b.maxY, extent.minY, cellHeight, rows)
        var out: [Int] = []
        for r in r0...r1 {
            for c in c0...c1 {
                for k in Int(cellStart[r * columns + c])..<Int(cellStart[r * columns + c + 1]) {
                    let e = Int(cellEdges[k])
                    if boxes[e].intersects(b) { out.append(e) }
                }
            }
        }
        for e in wide where boxes[Int(e)].intersects(b) { out.append(Int(e)) }
        out.sort()
        // An edge filed in several cells is found once.
        var unique: [Int] = []
        unique.reserveCapacity(out.count)
        for e in out where unique.last != e { unique.append(e) }
        return unique
    }
}
