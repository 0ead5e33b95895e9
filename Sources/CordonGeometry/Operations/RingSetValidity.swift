/// A quick proof that the rings a coverage dissolve assembled make a valid polygonal geometry,
/// so the common case needs no full GEOS validity check (`CoverageDissolve`). As
/// `QuickValidity`, it answers "valid" only when every orientation it relies on is certain;
/// anything else (rings that touch, an uncertain turn, more work than a few passes over the
/// edges) is left to GEOS.
///
/// The proof: no two edges share a point but a vertex, and edges that share one do not fold
/// onto each other; a vertex lies on one ring once, or on two that touch there without
/// crossing; rings of one polygon that touch make no cycle (a cycle would cut its inside in
/// two). So the rings are simple curves, nested one in another or apart, touching at points
/// only. Then the geometry is valid when, going inwards, shells and holes alternate: a shell
/// lies in no ring or in a hole, and a hole lies directly in the shell it was given.
struct RingSetValidity {
    /// Vertex coordinates, two per vertex id.
    let xy: [Double]
    /// Rings as vertex ids, in order, not closed.
    let rings: [[Int32]]
    /// For each ring: nil for a shell, else the ring index of the shell its hole was given to.
    let shellOf: [Int?]

    /// Rings above which the proof is left to GEOS.
    static let maxRings = 1 << 20

    func provesValid() -> Bool {
        guard rings.count <= Self.maxRings else { return false }
        var edges = 0
        for r in rings {
            guard r.count >= 3 else { return false }
            edges += r.count
        }
        for v in xy where !v.isFinite { return false }
        // The rings at each vertex: one, or two that touch there (each ring and its place on it).
        var first = [Int32](repeating: -1, count: xy.count / 2), firstAt = [Int32](repeating: 0, count: xy.count / 2)
        var touches: [Touch] = []
        for (i, r) in rings.enumerated() {
            for (k, v) in r.enumerated() {
                let f = first[Int(v)]
                if f < 0 { (first[Int(v)], firstAt[Int(v)]) = (Int32(i), Int32(k)); continue }
                guard f != Int32(i) else { return false }  // a ring passing twice
                touches.append(Touch(vertex: v, a: Int(f), at: Int(firstAt[Int(v)]), b: i, bt: k))
            }
        }
        var seen = Set<Int32>()
        for t in touches where !seen.insert(t.vertex).inserted { return false }  // three rings at a vertex
        guard touchesMakeNoCycle(touches), edgesApart(count: edges) else { return false }
        for t in touches where !touchWithoutCrossing(t) { return false }
        return nestingAlternates(shared: seen, budget: 8 * edges + 100_000)
    }

    /// Two rings at one vertex: ring `a` at its place `at`, ring `b` at `bt`.
    private struct Touch {
        let vertex: Int32, a: Int, at: Int, b: Int, bt: Int
    }

    /// Rings of one polygon (a shell and its holes) touching in a cycle cut its inside in two;
    /// rings of different polygons may touch.
    private func touchesMakeNoCycle(_ touches: [Touch]) -> Bool {
        var parent = Array(rings.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for t in touches where (shellOf[t.a] ?? t.a) == (shellOf[t.b] ?? t.b) {
            let ra = root(t.a), rb = root(t.b)
            if ra == rb { return false }
            parent[ra] = rb
        }
        return true
    }

    /// Whether ring `b` stays on one side of ring `a` at their common vertex `v`: b's two
    /// neighbours of v both certainly inside, or both certainly outside, one angle a's make there.
    private func touchWithoutCrossing(_ t: Touch) -> Bool {
        let v = t.vertex, a = rings[t.a], b = rings[t.b]
        let a0 = a[(t.at + a.count - 1) % a.count], a1 = a[(t.at + 1) % a.count]
        let b0 = b[(t.bt + b.count - 1) % b.count], b1 = b[(t.bt + 1) % b.count]
        // Sign of the turn from the direction v → p to v → q.
        func turn(_ p: Int32, _ q: Int32) -> Int { QuickValidity.orientation(x(p), y(p), x(q), y(q), x(v), y(v)) }
        let s = turn(a0, a1)
        guard s != 0 else { return false }
        // Whether v → p goes exactly the other way from v → q, along a parallel or a meridian.
        func opposite(_ p: Int32, _ q: Int32) -> Bool {
            (x(p) == x(v) && x(q) == x(v) && (y(p) > y(v)) != (y(q) > y(v)))
                || (y(p) == y(v) && y(q) == y(v) && (x(p) > x(v)) != (x(q) > x(v)))
        }
        func inside(_ p: Int32) -> Bool? {
            let c1 = turn(a0, p), c2 = turn(p, a1)
            // Exactly half a turn from one side of the angle: inside when the other side is less than half a turn further.
            if c1 == 0 { return c2 != 0 && opposite(p, a0) ? c2 > 0 : nil }
            if c2 == 0 { return opposite(p, a1) ? c1 > 0 : nil }
            return s > 0 ? (c1 > 0 && c2 > 0) : (c1 > 0 || c2 > 0)
        }
        guard let i0 = inside(b0), let i1 = inside(b1) else { return false }
        return i0 == i1
    }

    @inline(__always) private func x(_ v: Int32) -> Double { xy[2 * Int(v)] }
    @inline(__always) private func y(_ v: Int32) -> Double { xy[2 * Int(v) + 1] }

    /// No two edges share a point but a common vertex, and edges with a common vertex certainly
    /// turn or go on there rather than fold back. Edges are filed in a grid over their boxes; a pair is
    /// tested in the one cell holding the low corner of where their boxes meet.
    private func edgesApart(count: Int) -> Bool {
        var from: [Int32] = [], to: [Int32] = [], boxes: [Box] = []
        from.reserveCapacity(count)
        to.reserveCapacity(count)
        boxes.reserveCapacity(count)
        var extent = 0.0
        for r in rings {
            for k in r.indices {
                let a = r[k], b = r[(k + 1) % r.count]
                from.append(a)
                to.append(b)
                boxes.append((min(x(a), x(b)), min(y(a), y(b)), max(x(a), x(b)), max(y(a), y(b))))
                extent += max(abs(x(b) - x(a)), abs(y(b) - y(a)))
            }
        }
        let n = from.count
        // Long edges across many cells: GEOS's index does better.
        guard let grid = BoxCells(boxes, smallestCell: extent / Double(n), budget: 16 * n) else { return false }
        for k in 0..<grid.cellCount {
            let members = grid.members(ofCell: k), lo = members.startIndex, hi = members.endIndex
            guard hi - lo >= 2 else { continue }
            for i in lo..<(hi - 1) {
                let e = Int(members[i])
                let a = from[e], b = to[e]
                let ax = x(a), ay = y(a), bx = x(b), by = y(b)
                for j in (i + 1)..<hi {
                    let f = Int(members[j])
                    let c = from[f], d = to[f]
                    let cx = x(c), cy = y(c), dx = x(d), dy = y(d)
                    let loX = max(min(ax, bx), min(cx, dx)), loY = max(min(ay, by), min(cy, dy))
                    if loX > min(max(ax, bx), max(cx, dx)) || loY > min(max(ay, by), max(cy, dy)) { continue }  // boxes apart
                    guard grid.cell(loX, loY) == k else { continue }  // tested in another cell
                    if a == c || a == d || b == c || b == d {
                        // A common vertex v: from one other end through v to the other, a certain
                        // turn or a certain going on (no fold of one edge onto the other).
                        guard !(a == c && b == d), !(a == d && b == c) else { return false }  // the same edge twice
                        let (u, v, w) = a == c ? (b, a, d) : a == d ? (b, a, c) : b == c ? (a, b, d) : (a, b, c)
                        guard goesOn(u, v, w) else { return false }
                    } else if !QuickValidity.apart(ax, ay, bx, by, cx, cy, dx, dy) {
                        return false
                    }
                }
            }
        }
        return true
    }

    /// Whether u → v → w certainly turns, or certainly goes on straight (w beyond v).
    private func goesOn(_ u: Int32, _ v: Int32, _ w: Int32) -> Bool {
        if QuickValidity.orientation(x(u), y(u), x(v), y(v), x(w), y(w)) != 0 { return true }
        let p = (x(v) - x(u)) * (x(w) - x(v)), q = (y(v) - y(u)) * (y(w) - y(v))
        return p + q > 1e-12 * (abs(p) + abs(q))
    }

    /// Each ring's innermost container (the one of least area among the rings holding a point
    /// of it that no other ring has): none or a hole for a shell, its own shell for a hole.
    private func nestingAlternates(shared: Set<Int32>, budget: Int) -> Bool {
        if rings.count == 1 { return shellOf[0] == nil }
        var boxes: [Box] = []
        var areas: [Double] = []
        for r in rings {
            var b = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
            var twice = 0.0
            let x0 = x(r[0]), y0 = y(r[0])
            for k in r.indices {
                let v = r[k], w = r[(k + 1) % r.count]
                b = (min(b.minX, x(v)), min(b.minY, y(v)), max(b.maxX, x(v)), max(b.maxY, y(v)))
                twice += (x(v) - x0) * (y(w) - y0) - (x(w) - x0) * (y(v) - y0)
            }
            boxes.append(b)
            areas.append(abs(twice))
        }
        guard let containers = BoxCells(boxes, smallestCell: 0, budget: 32 * boxes.count + 1024) else { return false }
        var work = 0
        for (i, r) in rings.enumerated() {
            // A point of the ring on no other: a vertex no other ring has, else the middle of an
            // edge (edges share no point but vertices). It is inside or outside every other ring.
            let px: Double, py: Double
            if let free = r.first(where: { !shared.contains($0) }) {
                (px, py) = (x(free), y(free))
            } else {
                (px, py) = ((x(r[0]) + x(r[1])) / 2, (y(r[0]) + y(r[1])) / 2)
            }
            let bi = boxes[i]
            var parent: Int?
            for j in containers.members(ofCell: containers.cell(bi.minX, bi.minY)).map(Int.init) where j != i {
                let bj = boxes[j], s = rings[j]
                guard bj.minX <= bi.minX, bj.minY <= bi.minY, bj.maxX >= bi.maxX, bj.maxY >= bi.maxY else { continue }
                work += s.count
                if work > budget { return false }
                guard let inside = holds(s, px, py) else { return false }
                if inside {
                    if let p = parent, areas[j] == areas[p] { return false }
                    if parent == nil || areas[j] < areas[parent!] { parent = j }
                }
            }
            if let k = shellOf[i] {
                guard parent == k else { return false }
            } else if let p = parent, shellOf[p] == nil {
                return false
            }
        }
        return true
    }

    /// Whether ring `s` holds (x, y) (crossing number, each crossing decided by a certain
    /// orientation); nil when an orientation is not certain.
    private func holds(_ s: [Int32], _ px: Double, _ py: Double) -> Bool? {
        var inside = false
        for k in s.indices {
            let a = s[k], b = s[(k + 1) % s.count]
            let ay = y(a), by = y(b)
            guard (ay > py) != (by > py) else { continue }
            let o = QuickValidity.orientation(x(a), ay, x(b), by, px, py)
            if o == 0 { return nil }
            // Upwards, the ray to the right crosses when the point is on the edge's left.
            if (by > ay) == (o > 0) { inside.toggle() }
        }
        return inside
    }
}

/// A box: (minX, minY, maxX, maxY).
private typealias Box = (minX: Double, minY: Double, maxX: Double, maxY: Double)

/// Boxes filed, in order, in the square cells of a grid over them (about 4 cells per box at
/// most): the edges that may meet each other are those filed in one cell, and the rings whose
/// boxes may contain a point are those filed in its cell.
private struct BoxCells {
    private let minX: Double, minY: Double, cell: Double, columns: Int, rows: Int
    private let start: [Int32], filed: [Int32]

    /// Nil when the boxes would take more than `budget` filings (large boxes over a fine grid).
    /// - Parameter smallestCell: A lower bound on the cell's side (the mean edge's length).
    init?(_ boxes: [Box], smallestCell: Double, budget: Int) {
        let n = boxes.count
        var lowX = Double.infinity, lowY = Double.infinity, highX = -Double.infinity, highY = -Double.infinity
        for b in boxes { lowX = min(lowX, b.minX); lowY = min(lowY, b.minY); highX = max(highX, b.maxX); highY = max(highY, b.maxY) }
        guard n > 0, lowX.isFinite, lowY.isFinite, highX.isFinite, highY.isFinite else { return nil }
        let w = max(highX - lowX, 1e-300), h = max(highY - lowY, 1e-300)
        var cell = max((w * h / Double(n)).squareRoot(), smallestCell, 1e-300)
        while ((w / cell).rounded(.down) + 1) * ((h / cell).rounded(.down) + 1) > Double(4 * n + 16) { cell *= 2 }
        let columns = Int(w / cell) + 1, rows = Int(h / cell) + 1
        (minX, minY, self.cell, self.columns, self.rows) = (lowX, lowY, cell, columns, rows)
        func index(_ v: Double, _ origin: Double, _ count: Int) -> Int { min(max(Int((v - origin) / cell), 0), count - 1) }
        func cells(_ b: Box) -> (ClosedRange<Int>, ClosedRange<Int>) {
            (index(b.minY, lowY, rows)...index(b.maxY, lowY, rows), index(b.minX, lowX, columns)...index(b.maxX, lowX, columns))
        }
        var first = [Int32](repeating: 0, count: columns * rows + 1), count = 0
        for b in boxes {
            let (rs, cs) = cells(b)
            count += rs.count * cs.count
            if count > budget { return nil }
            for r in rs { for c in cs { first[r * columns + c + 1] += 1 } }
        }
        for k in 0..<(columns * rows) { first[k + 1] += first[k] }
        var fill = first, members = [Int32](repeating: 0, count: count)
        for (j, b) in boxes.enumerated() {
            let (rs, cs) = cells(b)
            for r in rs { for c in cs { members[Int(fill[r * columns + c])] = Int32(j); fill[r * columns + c] += 1 } }
        }
        start = first
        filed = members
    }

    /// How many cells the grid has.
    var cellCount: Int { columns * rows }

    /// The cell holding (x, y) (clamped to the grid).
    func cell(_ x: Double, _ y: Double) -> Int {
        min(max(Int((y - minY) / cell), 0), rows - 1) * columns + min(max(Int((x - minX) / cell), 0), columns - 1)
    }

    /// The boxes filed in cell `k`, ascending: among them every box that meets the cell.
    func members(ofCell k: Int) -> ArraySlice<Int32> { filed[Int(start[k])..<Int(start[k + 1])] }
}
