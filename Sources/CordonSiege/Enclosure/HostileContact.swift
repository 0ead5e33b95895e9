import CordonGeometry

/// Where a pocket's boundary faces hostile ground (areas neither besieged, allied nor neutral).
enum HostileContact {
    /// Share of the pocket's boundary (lon/lat, every ring) lying within t of the date's
    /// hostile ground, by geodesic length. Only hostile ground within 2t of the boundary's box
    /// is grown by t (in local planes): ground farther away cannot come within t.
    static func share(_ ws: Workspace, of pocket: Geometry, facing hostile: HostileGround, tolerance: Double) throws -> Double {
        guard !hostile.isEmpty, let b = pocket.bounds else { return 0 }
        return try share(of: pocket, near: hostile.near(b.grown(metres: 2 * tolerance)), frames: ws.frames, context: ws.ctx,
                         tolerance: tolerance)
    }

    /// The shares of many pockets, the same as one at a time. Many or large pockets are split
    /// in two by their vertices; the second set is measured on a side thread, in a GEOS context
    /// and local planes of its own, on copies of its pockets and of the hostile parts near
    /// them, clipped in the same order as here, so every share is computed on the same
    /// geometry by the same steps.
    static func shares(_ ws: Workspace, of pockets: [Geometry], facing hostile: HostileGround, tolerance: Double) throws -> [Double] {
        let side = try sidePockets(pockets)
        guard !side.isEmpty, !hostile.isEmpty else {
            return try pockets.map { try share(ws, of: $0, facing: hostile, tolerance: tolerance) }
        }
        // What the side thread needs, copied out here: each pocket, and for each the hostile
        // parts near it in this index's order.
        let other = try GEOSContext()
        var partCopies: [Int: Geometry] = [:]
        var work: [(k: Int, pocket: Geometry, box: Bounds, parts: [Int])] = []
        for k in side {
            guard let b = pockets[k].bounds else { continue }
            let box = b.grown(metres: 2 * tolerance)
            let parts = try hostile.indices(near: box)
            for i in parts where partCopies[i] == nil { partCopies[i] = try hostile.parts[i].copy(into: other) }
            work.append((k, try pockets[k].copy(into: other), box, parts))
        }
        let moved = Unchecked((other, partCopies, work))
        let task = SideTask<[(Int, Double)]> {
            let (ctx, parts, work) = moved.value
            let frames = Frames()
            return try work.map { k, pocket, box, near in
                let ground = try HostileGround.clipped(near.map { parts[$0]! }, to: box, context: ctx)
                return (k, try share(of: pocket, near: ground, frames: frames, context: ctx, tolerance: tolerance))
            }
        }
        var out = [Double](repeating: 0, count: pockets.count)
        let onSide = Set(side)
        var failure: (any Error)?
        do {
            for k in pockets.indices where !onSide.contains(k) {
                out[k] = try share(ws, of: pockets[k], facing: hostile, tolerance: tolerance)
            }
        } catch {
            failure = error
        }
        task.wait()
        if let failure { throw failure }
        for (k, s) in try task.value() { out[k] = s }
        return out
    }

    /// Pockets to measure on a side thread: none for a few small ones (a thread costs more than
    /// it saves), else about half the work (a pocket's vertices and a fixed share each: the
    /// hostile ground around a small pocket costs too), the largest pockets dealt in turn to
    /// the lighter half.
    static func sidePockets(_ pockets: [Geometry]) throws -> [Int] {
        let sizes = pockets.map { $0.coordinateCount + 100 }
        guard pockets.count >= 4, sizes.reduce(0, +) >= 2_000 else { return [] }
        var here = 0, there = 0, side: [Int] = []
        for k in pockets.indices.sorted(by: { (sizes[$0], $1) > (sizes[$1], $0) }) {
            if there < here { there += sizes[k]; side.append(k) } else { here += sizes[k] }
        }
        return side.sorted()
    }

    /// The share of `pocket`'s boundary within t of `near` (the hostile ground near it, lon/lat).
    private static func share(of pocket: Geometry, near: Geometry, frames: Frames, context: GEOSContext,
                              tolerance: Double) throws -> Double {
        guard let b = pocket.bounds else { return 0 }
        if near.isEmpty { return 0 }
        let boundary = try pocket.boundary()
        let total = Geodesic.length(boundary)
        guard total > 0 else { return 0 }
        let reach = try frames.reach(of: near, within: tolerance, over: b, context: context)
        return min(Geodesic.length(try boundary.intersection(reach)) / total, 1)
    }
}
