import CordonGeometry

/// Nodes the roads of one level without GEOS (docs/design.md#roads): their segments are filed
/// in a grid of lon/lat cells, each pair sharing a cell is tested once (in the cell holding their
/// meeting point), and each road is cut where another crosses it or ends on it. A meeting at a
/// vertex or an end keeps that vertex's exact coordinates; a crossing between vertices gets the
/// point both segments are cut at. Roads are not merged with each other, so each piece keeps its
/// own road. Gives nil when two segments overlap along a stretch: GEOS's union then nodes the level.
enum SegmentNoder {
    /// Pieces of `lines` (each a road's vertices), each with its road's position in `lines`.
    static func node(_ lines: [[Coordinate]]) -> [(coords: [Coordinate], road: Int)]? {
        // Segments, and the grid over them.
        var segLine: [Int32] = [], segIndex: [Int32] = []
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var total = 0.0
        for (l, c) in lines.enumerated() {
            for i in 0..<max(c.count - 1, 0) where c[i] != c[i + 1] {
                segLine.append(Int32(l)); segIndex.append(Int32(i))
                let a = c[i], b = c[i + 1]
                minX = min(minX, a.x, b.x); maxX = max(maxX, a.x, b.x); minY = min(minY, a.y, b.y); maxY = max(maxY, a.y, b.y)
                total += max(abs(b.x - a.x), abs(b.y - a.y))
            }
        }
        let n = segLine.count
        guard n > 0 else { return lines.enumerated().map { ($0.element, $0.offset) } }
        let w = max(maxX - minX, 1e-9), h = max(maxY - minY, 1e-9)
        var cell = max((w * h / Double(n)).squareRoot(), total / Double(n), 1e-9)
        while (w / cell) * (h / cell) > 4_000_000 { cell *= 2 }
        let columns = Int(w / cell) + 1, rows = Int(h / cell) + 1
        func col(_ x: Double) -> Int { min(max(Int((x - minX) / cell), 0), columns - 1) }
        func row(_ y: Double) -> Int { min(max(Int((y - minY) / cell), 0), rows - 1) }
        func ends(_ s: Int) -> (Coordinate, Coordinate) {
            let c = lines[Int(segLine[s])], i = Int(segIndex[s])
            return (c[i], c[i + 1])
        }
        var count = [Int32](repeating: 0, count: columns * rows + 1)
        for s in 0..<n {
            let (a, b) = ends(s)
            for r in row(min(a.y, b.y))...row(max(a.y, b.y)) {
                for k in col(min(a.x, b.x))...col(max(a.x, b.x)) { count[r * columns + k + 1] += 1 }
            }
        }
        for k in 0..<(columns * rows) { count[k + 1] += count[k] }
        var fill = count, members = [Int32](repeating: 0, count: Int(count[columns * rows]))
        for s in 0..<n {
            let (a, b) = ends(s)
            for r in row(min(a.y, b.y))...row(max(a.y, b.y)) {
                for k in col(min(a.x, b.x))...col(max(a.x, b.x)) {
                    members[Int(fill[r * columns + k])] = Int32(s)
                    fill[r * columns + k] += 1
                }
            }
        }

        // Cuts: per segment, (t along it, point).
        var cuts = [[(Double, Coordinate)]](repeating: [], count: n)
        func orient(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate) -> Double {
            (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        }
        func within(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Bool {
            p.x >= min(a.x, b.x) && p.x <= max(a.x, b.x) && p.y >= min(a.y, b.y) && p.y <= max(a.y, b.y)
        }
        func param(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Double {
            if p == a { return 0 }
            if p == b { return 1 }
            let dx = b.x - a.x, dy = b.y - a.y
            return ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)
        }
        for k in 0..<(columns * rows) {
            let lo = Int(count[k]), hi = Int(count[k + 1])
            guard hi - lo >= 2 else { continue }
            for i in lo..<(hi - 1) {
                let s = Int(members[i])
                let (a, b) = ends(s)
                for j in (i + 1)..<hi {
                    let u = Int(members[j])
                    let (c, d) = ends(u)
                    if max(a.x, b.x) < min(c.x, d.x) || max(c.x, d.x) < min(a.x, b.x)
                        || max(a.y, b.y) < min(c.y, d.y) || max(c.y, d.y) < min(a.y, b.y) { continue }
                    let d1 = orient(a, b, c), d2 = orient(a, b, d), d3 = orient(c, d, a), d4 = orient(c, d, b)
                    var points: [Coordinate] = []
                    if d1 == 0 && d2 == 0 {
                        // Collinear: a stretch in common cannot be noded here; a shared end can.
                        let shared = [a, b].filter { within($0, c, d) } + [c, d].filter { within($0, a, b) }
                        if Set(shared.map { [$0.x, $0.y] }).count > 1 { return nil }
                        points = shared
                    } else if (d1 > 0) != (d2 > 0) && (d3 > 0) != (d4 > 0) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0 {
                        let t = d3 / (d3 - d4)
                        var p = Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
                        // A road along a parallel or meridian keeps it exactly.
                        if a.y == b.y { p.y = a.y } else if c.y == d.y { p.y = c.y }
                        if a.x == b.x { p.x = a.x } else if c.x == d.x { p.x = c.x }
                        points = [p]
                    } else {
                        // Touching: an end (or vertex) of one lies on the other.
                        if d1 == 0, within(c, a, b) { points.append(c) }
                        if d2 == 0, within(d, a, b) { points.append(d) }
                        if d3 == 0, within(a, c, d) { points.append(a) }
                        if d4 == 0, within(b, c, d) { points.append(b) }
                    }
                    // Each meeting is taken in one cell: that of its point, kept within the
                    // box both segments share (so both are filed there).
                    let boxLoX = max(min(a.x, b.x), min(c.x, d.x)), boxHiX = min(max(a.x, b.x), max(c.x, d.x))
                    let boxLoY = max(min(a.y, b.y), min(c.y, d.y)), boxHiY = min(max(a.y, b.y), max(c.y, d.y))
                    for p in points where row(min(max(p.y, boxLoY), boxHiY)) * columns + col(min(max(p.x, boxLoX), boxHiX)) == k {
                        // Consecutive segments of one road meet at their shared vertex: no cut.
                        if segLine[s] == segLine[u], abs(Int(segIndex[s]) - Int(segIndex[u])) == 1, p == (segIndex[s] < segIndex[u] ? b : a) {
                            continue
                        }
                        cuts[s].append((param(p, a, b), p))
                        cuts[u].append((param(p, c, d), p))
                    }
                }
            }
        }

        // Each road cut into pieces at its cuts.
        var firstSeg = [Int](repeating: -1, count: lines.count)
        for s in stride(from: n - 1, through: 0, by: -1) { firstSeg[Int(segLine[s])] = s }
        var out: [(coords: [Coordinate], road: Int)] = []
        for (l, c) in lines.enumerated() {
            var piece: [Coordinate] = [c[0]]
            func add(_ p: Coordinate) { if piece.last != p { piece.append(p) } }
            func close(at p: Coordinate) {
                add(p)
                if piece.count >= 2 { out.append((piece, l)) }
                piece = [p]
            }
            var s = firstSeg[l]
            for i in 0..<max(c.count - 1, 0) where c[i] != c[i + 1] {
                let here = cuts[s].sorted { $0.0 < $1.0 }
                for (t, p) in here where t < 1 {
                    if t <= 0 { if piece.count >= 2 { close(at: p) } ; continue }
                    close(at: p)
                }
                add(c[i + 1])
                if here.contains(where: { $0.0 >= 1 }) { close(at: c[i + 1]) }
                s += 1
            }
            if piece.count >= 2 { out.append((piece, l)) }
        }
        return out
    }
}
