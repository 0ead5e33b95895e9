import CordonGeometry
import CordonSupply

/// Where a pocket's boundary faces hostile ground (areas neither besieged nor allied).
struct HostileContact {
    let ws: Workspace
    let tolerance: Double
    let options: EnclosureOptions

    init(_ ws: Workspace, tolerance: Double, options: EnclosureOptions) {
        self.ws = ws
        self.tolerance = tolerance
        self.options = options
    }

    /// Hostile areas (indices) held on `day` that come near the pocket (lon/lat).
    func hostileAreas(near pocket: Geometry, on day: Day?) throws -> [Int] {
        let margin = ws.degrees(spanning: 2 * tolerance)
        guard let b = pocket.bounds else { return [] }
        let candidates = try ws.areas(near: b.expanded(by: margin), on: day)
            .filter { !options.isPassable(ws.areas[$0].controller) }
        // A big pocket's envelope holds many areas far from its boundary: a prepared
        // intersects test against the slightly grown pocket drops them before any projection.
        let reach = try PreparedGeometry(pocket.buffer(margin, quadrantSegments: 2))
        return try candidates.filter { try reach.intersects(ws.areas[$0].geometry) }
    }

    /// Share of the pocket's boundary (metres) lying within t of the date's hostile ground,
    /// already dissolved (metres). Clipped to the pocket's window grown by 2t first: ground
    /// farther away cannot come within t, and the cut edges stay 2t from the boundary.
    func share(of pocket: Geometry, facing hostile: Geometry) throws -> Double {
        let boundary = try pocket.boundary()
        let total = try boundary.planarLength()
        guard total > 0, let b = boundary.bounds else { return 0 }
        let near = try hostile.clip(to: b.expanded(by: 2 * tolerance))
        if near.isEmpty { return 0 }
        return min(try boundary.intersection(near.buffer(tolerance)).planarLength() / total, 1)
    }

    /// Share of the pocket's boundary (metres) lying within t of the hostile areas.
    func share(of pocket: Geometry, hostile: [Int]) throws -> Double {
        let boundary = try pocket.boundary()
        let total = try boundary.planarLength()
        guard total > 0, !hostile.isEmpty, let b = boundary.bounds else { return 0 }
        let reach = try PreparedGeometry(boundary)
        let facing = try hostile.map { try ws.projected($0) }.filter { try reach.dwithin($0, distance: tolerance) }
        if facing.isEmpty { return 0 }
        // Dissolve (fast on a coverage), then clip big hostile ground to the pocket's window,
        // then grow it once by t: cheaper than growing every area and uniting the results.
        let window = b.expanded(by: 2 * tolerance)
        let near = try ws.ctx.dissolve(facing).clip(to: window).buffer(tolerance)
        return min(try boundary.intersection(near).planarLength() / total, 1)
    }
}
