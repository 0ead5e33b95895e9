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

    /// The shares of many pockets, the same as one at a time (``Shares``, started and finished at once).
    static func shares(_ ws: Workspace, of pockets: [Geometry], facing hostile: HostileGround, tolerance: Double) throws -> [Double] {
        try Shares(ws, of: pockets, facing: hostile, tolerance: tolerance).finish()
    }

    /// The shares of many pockets, the same as one at a time. Many pockets are shared out
    /// between this thread and a side thread, the heaviest first, each thread taking the next
    /// when done (so one large pocket does not leave the other thread idle). The side thread
    /// starts at once, so this thread can do other work before it joins in (`finish`). It works
    /// in a GEOS context and local planes of its own, on copies of the pockets and of the
    /// hostile parts near them, clipped in the same order as here: every share is computed on
    /// the same geometry by the same steps, whichever thread takes it.
    final class Shares {
        private let ws: Workspace
        private let pockets: [Geometry]
        private let hostile: HostileGround
        private let tolerance: Double
        private let queue: Queue?
        private let task: SideTask<[(Int, Double)]>?

        init(_ ws: Workspace, of pockets: [Geometry], facing hostile: HostileGround, tolerance: Double) throws {
            (self.ws, self.pockets, self.hostile, self.tolerance) = (ws, pockets, hostile, tolerance)
            let order = try sharedOut(pockets)
            guard ws.splitsWork, !order.isEmpty, !hostile.isEmpty else {
                (queue, task) = (nil, nil)
                return
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
            self.queue = queue
            task = SideTask<[(Int, Double)]> {
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
        }

        /// Left unfinished (the caller failed meanwhile), the side thread takes no more pockets.
        deinit { queue?.stop() }

        /// Every pocket's share: this thread takes pockets until none is left, then the side
        /// thread's are added.
        func finish() throws -> [Double] {
            guard let queue, let task else {
                return try pockets.map { try share(ws, of: $0, facing: hostile, tolerance: tolerance) }
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
    fileprivate final class Queue: @unchecked Sendable {
        private let lock = NSLock()
        private var rest: ArraySlice<Int>
        init(_ order: [Int]) { rest = order[...] }
        func next() -> Int? { lock.withLock { rest.popFirst() } }
        func stop() { lock.withLock { rest = [] } }
    }

    /// The share of `pocket`'s boundary within t of `near` (the hostile ground near it, lon/lat).
    private static func share(of pocket: Geometry, near: Geometry, frames: Frames, context: GEOSContext,
                              tolerance: Double) throws -> Double {
        try measured(pocket, near: near, frames: frames, context: context, tolerance: tolerance)?.share ?? 0
    }

    /// The boundary of `pocket` within t of `near`, its geodesic length, and that length's share of
    /// the boundary's; nil when the pocket has no length of boundary.
    private static func measured(_ pocket: Geometry, near: Geometry, frames: Frames, context: GEOSContext,
                                 tolerance: Double) throws -> (share: Double, contact: Contact)? {
        guard let b = pocket.bounds else { return nil }
        let boundary = try pocket.boundary()
        let total = Geodesic.length(boundary)
        guard total > 0 else { return nil }
        if near.isEmpty { return (0, Contact(lines: try context.empty(.lineString), metres: 0)) }
        let reach = try frames.reach(of: near, within: tolerance, over: b, context: context)
        let lines = try boundary.intersection(reach)
        let metres = Geodesic.length(lines)
        return (min(metres / total, 1), Contact(lines: lines, metres: metres))
    }

    /// What of a pocket's boundary lies within t of hostile ground (lon/lat lines) and its
    /// geodesic length: a timeline carries it to the pocket's next period.
    struct Contact {
        var lines: Geometry
        var metres: Double
    }

    /// The share of `pocket`'s boundary within t of `hostile`, measured whole, with the contact a
    /// timeline can carry on from (the same share `share` gives, by the same steps).
    static func contact(_ ws: Workspace, of pocket: Geometry, facing hostile: HostileGround,
                        tolerance: Double) throws -> (share: Double, contact: Contact?) {
        guard !hostile.isEmpty, let b = pocket.bounds else { return (0, nil) }
        let near = try hostile.near(b.grown(metres: 2 * tolerance))
        guard let m = try measured(pocket, near: near, frames: ws.frames, context: ws.ctx, tolerance: tolerance) else { return (0, nil) }
        return (m.share, m.contact)
    }

    /// The share of a pocket whose boundary and hostile surroundings are those of the pocket
    /// whose contact was `before` (measured whole when nil), but within the boxes of the areas
    /// that changed hands
    /// (docs/design.md#incremental-timelines): a boundary point farther than t from every
    /// changed area lies on both boundaries or neither, and is within t of hostile ground in
    /// both periods or neither. So the contact outside those boxes, grown by 2t + 1 m (room for
    /// GEOS's buffer, which thins its input by 1 % of t along a ring), is carried, and only
    /// the boundary inside them is measured again.
    static func contact(_ ws: Workspace, of pocket: Geometry, carrying before: Contact?, changed: [Bounds],
                        facing hostile: HostileGround, tolerance t: Double) throws -> (share: Double, contact: Contact?) {
        guard let before else { return try contact(ws, of: pocket, facing: hostile, tolerance: t) }
        guard let b = pocket.bounds else { return (0, nil) }
        let boundary = try pocket.boundary()
        let total = Geodesic.length(boundary)
        guard total > 0 else { return (0, nil) }
        let reaching = b.grown(metres: 1)
        let boxes = changed.map { $0.grown(metres: 2 * t + 1) }.filter { $0.intersects(reaching) }
        if boxes.isEmpty { return (min(before.metres / total, 1), before) }
        let region = try ws.ctx.union(boxes.map { try ws.ctx.rectangle($0) })
        let gone = try before.lines.intersection(region)
        let kept = try before.lines.difference(region)
        let inside = try boundary.intersection(region)
        var found = try ws.ctx.empty(.lineString)
        if !hostile.isEmpty, let ib = inside.bounds {
            let near = try hostile.near(ib.grown(metres: 2 * t))
            if !near.isEmpty { found = try inside.intersection(ws.reach(of: near, within: t, over: ib)) }
        }
        let metres = max(0, before.metres - Geodesic.length(gone) + Geodesic.length(found))
        let lines = try ws.ctx.collection(.multiLineString, kept.lineParts() + found.lineParts())
        return (min(metres / total, 1), Contact(lines: lines, metres: metres))
    }
}

private extension Geometry {
    /// The line strings of an overlay's result (points where a line only touches are left out).
    func lineParts() -> [Geometry] {
        if isEmpty { return [] }
        if type == .lineString { return [self] }
        return type.isCollection ? parts.flatMap { $0.lineParts() } : []
    }
}
