import CordonGeometry
import CordonSupply

/// How far hostile ground must advance to encircle or overrun an open pocket: the smallest d
/// such that, with hostile areas buffered by d, the pocket is gone or its remaining zone no
/// longer comes within t of the way out. Found by bisection to within 1 % or 25 m: closing
/// only grows with d, so the answer is bracketed at every step.
struct ClosureDistance {
    let ws: Workspace
    let options: EnclosureOptions

    init(_ ws: Workspace, options: EnclosureOptions) {
        self.ws = ws
        self.options = options
    }

    /// nil when no hostile ground near the zone could close it.
    func search(pocket: Geometry, zone: Geometry, wayOut: Geometry, on day: Day?) throws -> Double? {
        guard let zb = zone.bounds else { return nil }
        let span = max(zb.maxX - zb.minX, zb.maxY - zb.minY)
        // Hostile ground farther than `span` from the zone cannot matter before the zone is gone.
        let window = zb.expanded(by: span)
        let lonLatWindow = try ws.toLonLat.apply(ws.ctx.rectangle(window)).bounds!
        let hostile = try ws.areas(near: lonLatWindow, on: day)
            .filter { !options.isPassable(ws.areas[$0].controller) }
        if hostile.isEmpty { return nil }
        let ground = try ws.ctx.dissolve(hostile.map { try ws.projected($0).clip(to: window) })
        let tolerance = options.tolerance

        func closes(_ d: Double) throws -> Bool {
            // At large d, vertices closer than 0.2 % of d change nothing the tolerance can see.
            let simplified = try d > 500 ? ground.simplify(tolerance: d * 0.002) : ground
            let reach = try simplified.buffer(d, quadrantSegments: 8)
            let left = try pocket.difference(reach)
            if try left.isEmpty || left.planarArea() <= 0 { return true }
            let prepared = try PreparedGeometry(left)
            for part in try zone.difference(reach).polygons() where try prepared.intersects(part) {
                if try part.dwithin(wayOut, distance: tolerance) { return false }
            }
            return true
        }

        var lo = 0.0, hi = span
        guard try closes(hi) else { return nil }
        while hi - lo > max(0.005 * hi, 10) {
            let mid = (lo + hi) / 2
            if try closes(mid) { hi = mid } else { lo = mid }
        }
        return ((lo + hi) / 2).rounded()
    }
}
