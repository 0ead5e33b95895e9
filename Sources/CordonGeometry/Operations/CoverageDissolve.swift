import CGEOS

/// The dissolve of a polygon coverage by cancelling shared edges (docs/design.md#snap).
///
/// Every ring is walked with the polygon's inside on its left (shells counter-clockwise,
/// holes clockwise). An edge two parts share is walked once each way, so the pair cancels;
/// the edges left over are the union's boundary. They are joined into rings (at a vertex
/// where several meet, each incoming edge takes the first outgoing edge clockwise from it,
/// which keeps rings from crossing), rings that pass a vertex twice are split there, and
/// each ring becomes a shell or a hole by its signed area.
///
/// Cancelling never changes how many times the edges wind around a point, which is the
/// number of input parts holding it. So when the rings make a valid polygonal geometry
/// (checked with `GEOSisValid_r`), every point lies in at most one part and the geometry is
/// exactly their union. Anything else (overlaps, edges split at a vertex on one side only,
/// parts touching along a line in the same direction) leaves rings that are not valid, and
/// the caller falls back to a full union.
struct CoverageDissolve {
    private let ctx: GEOSContext
    /// Vertex coordinates, two per vertex id.
    private var xy: [Double] = []
    /// Vertex ids by coordinates: open addressing, linear probing; -1 is an empty slot.
    private var slots: [Int32] = []
    private var mask = 0
    /// Directed edges, from and to vertex ids.
    private var from: [Int32] = []
    private var to: [Int32] = []

    private init(_ ctx: GEOSContext) { self.ctx = ctx }

    /// The union of `polygons` (polygons and multipolygons of `ctx`); nil when they do not
    /// dissolve into a valid geometry by cancelling edges, or hold anything but polygons.
    static func union(_ polygons: [Geometry], in ctx: GEOSContext) throws -> Geometry? {
        var d = CoverageDissolve(ctx)
        guard d.collect(polygons) else { return nil }
        guard let rings = d.rings() else { return nil }
        return try d.assemble(rings)
    }

    /// Mixes the coordinates' bits with a key drawn once per process, so no file can be made
    /// to collide on purpose; a run of more than `maxProbe` full slots gives up (then the
    /// caller falls back to a full union), so collisions never make the dissolve quadratic.
    private static let key = UInt64(truncatingIfNeeded: Hasher().finalize()) | 1
    private static let maxProbe = 256

    /// The id of the vertex at (x, y), new or seen before; nil when probing runs too long.
    private mutating func vertex(_ x: Double, _ y: Double) -> Int32? {
        let x = x + 0, y = y + 0  // -0 is 0
        var h = (x.bitPattern &* 0x9E37_79B9_7F4A_7C15) ^ (y.bitPattern &* Self.key)
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        var i = Int(truncatingIfNeeded: h) & mask
        for _ in 0..<Self.maxProbe {
            let id = slots[i]
            if id < 0 {
                let new = Int32(truncatingIfNeeded: xy.count / 2)
                slots[i] = new
                xy.append(x)
                xy.append(y)
                return new
            }
            if xy[2 * Int(id)] == x, xy[2 * Int(id) + 1] == y { return id }
            i = (i + 1) & mask
        }
        return nil
    }

    // MARK: Edges

    /// Reads every ring as directed edges; false for anything that is not polygonal, or a
    /// ring GEOS cannot orient.
    private mutating func collect(_ polygons: [Geometry]) -> Bool {
        let h = ctx.handle
        var buffer: [Double] = []
        var count = 0
        for g in polygons { count += Int(GEOSGetNumCoordinates_r(h, g.pointer)) }
        guard count < Int(Int32.max) / 4 else { return false }
        var capacity = 16
        while capacity < 2 * count { capacity *= 2 }  // at most half full: every position a new vertex
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        xy.reserveCapacity(count)
        from.reserveCapacity(count)
        to.reserveCapacity(count)

        func ring(_ r: OpaquePointer, shell: Bool) -> Bool {
            guard let seq = GEOSGeom_getCoordSeq_r(h, r) else { return false }
            var n: UInt32 = 0
            var ccw: CChar = 0
            guard GEOSCoordSeq_getSize_r(h, seq, &n) == 1, n >= 4, GEOSCoordSeq_isCCW_r(h, seq, &ccw) == 1 else { return false }
            let size = Int(n)
            if buffer.count < 2 * size { buffer = [Double](repeating: 0, count: 2 * size) }
            let copied = buffer.withUnsafeMutableBufferPointer { GEOSCoordSeq_copyToBuffer_r(h, seq, $0.baseAddress, 0, 0) }
            guard copied == 1 else { return false }
            // Inside on the left: shells counter-clockwise, holes clockwise.
            let forward = (ccw == 1) == shell
            var first: Int32 = -1, last: Int32 = -1
            for k in 0..<(size - 1) {
                let i = forward ? k : size - 1 - k
                guard let v = vertex(buffer[2 * i], buffer[2 * i + 1]) else { return false }
                if first < 0 { first = v } else if v != last { from.append(last); to.append(v) }
                last = v
            }
            if last != first { from.append(last); to.append(first) }
            return true
        }
        func polygon(_ p: OpaquePointer) -> Bool {
            if GEOSisEmpty_r(h, p) == 1 { return true }
            guard let shell = GEOSGetExteriorRing_r(h, p), ring(shell, shell: true) else { return false }
            let holes = GEOSGetNumInteriorRings_r(h, p)
            guard holes >= 0 else { return false }
            for i in 0..<holes {
                guard let hole = GEOSGetInteriorRingN_r(h, p, i), ring(hole, shell: false) else { return false }
            }
            return true
        }
        for g in polygons {
            switch g.type {
            case .polygon:
                guard polygon(g.pointer) else { return false }
            case .multiPolygon:
                for i in 0..<GEOSGetNumGeometries_r(h, g.pointer) {
                    guard let p = GEOSGetGeometryN_r(h, g.pointer, i), polygon(p) else { return false }
                }
            default:
                return false
            }
        }
        return !from.isEmpty
    }

    /// Edges grouped by one end: `start[v]..<start[v+1]` index `edges` for vertex v.
    private func grouped(by end: [Int32], alive: [Bool]? = nil) -> (start: [Int32], edges: [Int32]) {
        let vertices = xy.count / 2
        var start = [Int32](repeating: 0, count: vertices + 1)
        for e in end.indices where alive?[e] ?? true { start[Int(end[e]) + 1] += 1 }
        for v in 0..<vertices { start[v + 1] += start[v] }
        var fill = start
        var edges = [Int32](repeating: 0, count: Int(start[vertices]))
        for e in end.indices where alive?[e] ?? true {
            let v = Int(end[e])
            edges[Int(fill[v])] = Int32(truncatingIfNeeded: e)
            fill[v] += 1
        }
        return (start, edges)
    }

    // MARK: Rings

    /// The rings the uncancelled edges make, each as vertex ids in order (not repeated at the
    /// end); nil when the edges cannot be joined without crossing.
    private func rings() -> [[Int32]]? {
        // Cancel each edge against one walked the other way.
        var alive = [Bool](repeating: true, count: from.count)
        let out = grouped(by: from)
        for e in from.indices where alive[e] {
            let u = from[e], v = Int(to[e])
            for k in Int(out.start[v])..<Int(out.start[v + 1]) {
                let back = Int(out.edges[k])
                if alive[back], to[back] == u { alive[e] = false; alive[back] = false; break }
            }
        }
        let outs = grouped(by: from, alive: alive)
        let ins = grouped(by: to, alive: alive)

        // Where each edge goes on.
        var next = [Int32](repeating: -1, count: from.count)
        for v in 0..<(xy.count / 2) {
            let o = Int(outs.start[v])..<Int(outs.start[v + 1]), i = Int(ins.start[v])..<Int(ins.start[v + 1])
            guard o.count == i.count else { return nil }
            if o.isEmpty { continue }
            if o.count == 1 { next[Int(ins.edges[i.lowerBound])] = outs.edges[o.lowerBound]; continue }
            // Several rings meet here: around the vertex clockwise, incoming and outgoing
            // edges must alternate; each incoming edge goes on along the next one.
            var around: [(dx: Double, dy: Double, incoming: Bool, edge: Int32)] = []
            let x = xy[2 * v], y = xy[2 * v + 1]
            for k in o {
                let e = outs.edges[k], w = Int(to[Int(e)])
                around.append((xy[2 * w] - x, xy[2 * w + 1] - y, false, e))
            }
            for k in i {
                let e = ins.edges[k], w = Int(from[Int(e)])
                around.append((xy[2 * w] - x, xy[2 * w + 1] - y, true, e))
            }
            // Clockwise from the positive x axis, exactly: by half-plane, then by cross product.
            func lower(_ dx: Double, _ dy: Double) -> Bool { dy < 0 || (dy == 0 && dx < 0) }
            around.sort { a, b in
                let ha = lower(a.dx, a.dy), hb = lower(b.dx, b.dy)
                if ha != hb { return ha }
                return a.dx * b.dy - a.dy * b.dx < 0
            }
            for k in around.indices {
                let a = around[k], b = around[(k + 1) % around.count]
                let sameWay = lower(a.dx, a.dy) == lower(b.dx, b.dy) && a.dx * b.dy - a.dy * b.dx == 0
                guard !sameWay, a.incoming != b.incoming else { return nil }
                if a.incoming { next[Int(a.edge)] = b.edge }
            }
        }

        // Walk the cycles; split a cycle where it comes back to a vertex it passed.
        var rings: [[Int32]] = []
        var seen = [Bool](repeating: false, count: from.count)
        var position = [Int32](repeating: -1, count: xy.count / 2)
        var stack: [Int32] = []
        for e0 in from.indices where alive[e0] && !seen[e0] {
            var e = e0
            repeat {
                seen[e] = true
                let v = from[e]
                if position[Int(v)] >= 0 {
                    let at = Int(position[Int(v)])
                    rings.append(Array(stack[at...]))
                    for w in stack[(at + 1)...] { position[Int(w)] = -1 }
                    stack.removeSubrange((at + 1)...)
                } else {
                    position[Int(v)] = Int32(truncatingIfNeeded: stack.count)
                    stack.append(v)
                }
                e = Int(next[e])
                guard e >= 0 else { return nil }
            } while e != e0
            rings.append(stack)
            for w in stack { position[Int(w)] = -1 }
            stack.removeAll(keepingCapacity: true)
        }
        return rings
    }

    // MARK: Polygons

    /// Twice the signed area of a ring (positive counter-clockwise), about its first vertex.
    private func doubleArea(_ ring: [Int32]) -> Double {
        let x0 = xy[2 * Int(ring[0])], y0 = xy[2 * Int(ring[0]) + 1]
        var sum = 0.0
        for k in 1..<(ring.count - 1) {
            let a = 2 * Int(ring[k]), b = 2 * Int(ring[k + 1])
            sum += (xy[a] - x0) * (xy[b + 1] - y0) - (xy[b] - x0) * (xy[a + 1] - y0)
        }
        return sum
    }

    private func bounds(_ ring: [Int32]) -> Bounds {
        var b = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for v in ring {
            let x = xy[2 * Int(v)], y = xy[2 * Int(v) + 1]
            b.minX = min(b.minX, x); b.maxX = max(b.maxX, x)
            b.minY = min(b.minY, y); b.maxY = max(b.maxY, y)
        }
        return b
    }

    /// Whether (x, y) lies inside the ring (crossing number; a point on it may go either way).
    private func ring(_ ring: [Int32], holds x: Double, _ y: Double) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = 2 * Int(ring[i]), b = 2 * Int(ring[j])
            let ax = xy[a], ay = xy[a + 1], bx = xy[b], by = xy[b + 1]
            if (ay > y) != (by > y), x < (bx - ax) * (y - ay) / (by - ay) + ax { inside.toggle() }
            j = i
        }
        return inside
    }

    /// Shells with their holes, checked; nil when a ring is degenerate, a hole lies in no
    /// shell, or the result is not valid.
    private func assemble(_ rings: [[Int32]]) throws -> Geometry? {
        var shells: [(ring: [Int32], area: Double, box: Bounds)] = []
        var holes: [(ring: [Int32], box: Bounds)] = []
        for r in rings {
            guard r.count >= 3 else { return nil }
            let a = doubleArea(r)
            guard a != 0, a.isFinite else { return nil }
            if a > 0 { shells.append((r, a, bounds(r))) } else { holes.append((r, bounds(r))) }
        }
        if shells.isEmpty { return nil }
        // Each hole goes to the smallest shell holding it.
        var holesOf = [[Int]](repeating: [], count: shells.count)
        for (k, hole) in holes.enumerated() {
            let b = hole.box
            let candidates = shells.indices.filter {
                let s = shells[$0].box
                return s.minX <= b.minX && s.minY <= b.minY && s.maxX >= b.maxX && s.maxY >= b.maxY
            }
            var chosen: Int?
            if candidates.count == 1 {
                chosen = candidates[0]  // the validity check confirms it
            } else {
                // A point that lies on no shell unless rings overlap (then the check fails anyway).
                let p = 2 * Int(hole.ring[0]), q = 2 * Int(hole.ring[1])
                let mx = (xy[p] + xy[q]) / 2, my = (xy[p + 1] + xy[q + 1]) / 2
                chosen = candidates.sorted { shells[$0].area < shells[$1].area }
                    .first { ring(shells[$0].ring, holds: mx, my) }
            }
            guard let s = chosen else { return nil }
            holesOf[s].append(k)
        }

        // Rings proven to make a valid geometry need no GEOS check.
        var ringOrder: [[Int32]] = shells.map(\.ring), shellOf: [Int?] = shells.map { _ in nil }
        for (s, hs) in holesOf.enumerated() {
            for k in hs { ringOrder.append(holes[k].ring); shellOf.append(s) }
        }
        let proven = RingSetValidity(xy: xy, rings: ringOrder, shellOf: shellOf).provesValid()

        let h = ctx.handle
        var owned: [OpaquePointer?] = []
        defer { for p in owned { if let p { GEOSGeom_destroy_r(h, p) } } }
        var closed: [Double] = []
        func linearRing(_ r: [Int32]) throws -> OpaquePointer {
            closed.removeAll(keepingCapacity: true)
            for v in r { closed.append(xy[2 * Int(v)]); closed.append(xy[2 * Int(v) + 1]) }
            closed.append(xy[2 * Int(r[0])]); closed.append(xy[2 * Int(r[0]) + 1])
            let s = try closed.withUnsafeBufferPointer { try ctx.sequence($0, count: r.count + 1) }
            ctx.reset()
            guard let ring = GEOSGeom_createLinearRing_r(h, s) else { throw ctx.error("create linear ring") }
            return ring
        }
        for (s, shell) in shells.enumerated() {
            let outer = try linearRing(shell.ring)
            var inner: [OpaquePointer?] = []
            for k in holesOf[s] {
                do { inner.append(try linearRing(holes[k].ring)) } catch {
                    GEOSGeom_destroy_r(h, outer)
                    for p in inner { if let p { GEOSGeom_destroy_r(h, p) } }
                    throw error
                }
            }
            ctx.reset()
            let p = inner.withUnsafeMutableBufferPointer { GEOSGeom_createPolygon_r(h, outer, $0.baseAddress, UInt32($0.count)) }
            guard let p else { throw ctx.error("create polygon") }
            owned.append(p)
        }
        let result: Geometry
        if owned.count == 1, let p = owned[0] {
            result = Geometry(owning: p, context: ctx)
        } else {
            result = try ctx.collection(.multiPolygon, owning: owned)
        }
        owned.removeAll()
        return proven || GEOSisValid_r(h, result.pointer) == 1 ? result : nil
    }
}
