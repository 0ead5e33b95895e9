import CordonCore
import CordonGeometry
import Foundation

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

    /// The shares of many pockets, the same as one at a time. Many pockets are shared out
    /// between this thread and a side thread, the heaviest first, each thread taking the next
    /// when done (so one large pocket does not leave the other thread idle). The side thread
    /// works in a GEOS context and local planes of its own, on copies of the pockets and of
    /// the hostile parts near them, clipped in the same order as here: every share is computed
    /// on the same geometry by the same steps, whichever thread takes it.
    static func shares(_ ws: Workspace, of pockets: [Geometry], facing hostile: HostileGround, tolerance: Double) throws -> [Double] {
        let order = try sharedOut(pockets)
        guard ws.splitsWork, !order.isEmpty, !hostile.isEmpty else {
            return try pockets.map { try share(ws, of: $0, facing: hostile, tolerance: tolerance) }
        }
        // What the side thread may need, copied here: every pocket, and for each the hostile
        // parts near it in this index's order.
        let other = try GEOSContext()
        var partCopies: [Int: Geometry] = [:]
        var copies: [(pocket: Geometry, box: Bounds, parts: [Int])?] = []
        for pocket in pockets {
            guard let b = pocket.bounds else { copies.append(nil); continue }
            let box = b.grown(metres: 2 * tolerance)
            let parts = try hostile.indices(near: box)
            for i in parts where partCopies[i] == nil { partCopies[i] = try hostile.parts[i].copy(into: other) }
            copies.append((try pocket.copy(into: other), box, parts))
        }
        let queue = Queue(order)
        let moved = Unchecked((other, partCopies, copies))
        let task = SideTask<[(Int, Double)]> {
            let (ctx, parts, copies) = moved.value
            let frames = Frames()
            var done: [(Int, Double)] = []
            while let k = queue.next() {
                guard let (pocket, box, near) = copies[k] else { done.append((k, 0)); continue }
                let ground = try HostileGround.clipped(near.map { parts[$0]! }, to: box, context: ctx)
                done.append((k, try share(of: pocket, near: ground, frames: frames, context: ctx, tolerance: tolerance)))
            }
            return done
        }
        var out = [Double](repeating: 0, count: pockets.count)
        var failure: (any Error)?
        do {
            while let k = queue.next() { out[k] = try share(ws, of: pockets[k], facing: hostile, tolerance: tolerance) }
        } catch {
            failure = error
            queue.stop()
        }
        task.wait()
        if let failure { throw failure }
        for (k, s) in try task.value() { out[k] = s }
        return out
    }

    /// The order pockets are taken in, heaviest first (a pocket's vertices and a fixed share
    /// each: the hostile ground around a small pocket costs too); empty for a few small ones,
    /// where a second thread costs more than it saves.
    static func sharedOut(_ pockets: [Geometry]) throws -> [Int] {
        let sizes = pockets.map { $0.coordinateCount + 100 }
        guard pockets.count >= 4, sizes.reduce(0, +) >= 2_000 else { return [] }
        return pockets.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
    }

    /// Pocket indices handed out one at a time to whichever thread asks.
    private final class Queue: @unchecked Sendable {
        private let lock = NSLock()
        private var rest: ArraySlice<Int>
        init(_ order: [Int]) { rest = order[...] }
        func next() -> Int? { lock.withLock { rest.popFirst() } }
        func stop() { lock.withLock { rest = [] } }
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
