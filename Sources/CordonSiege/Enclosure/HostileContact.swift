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

    /// Share of the pocket's boundary (metres) lying within t of the hostile areas.
    func share(of pocket: Geometry, hostile: [Int]) throws -> Double {
        let boundary = try pocket.boundary()
        let total = try boundary.planarLength()
        guard total > 0, !hostile.isEmpty, let b = boundary.bounds else { return 0 }
        let reach = try PreparedGeometry(boundary)
        // Clip big hostile areas to the pocket first: buffering them whole would be wasted work.
        let window = b.expanded(by: 2 * tolerance)
        var grown: [Geometry] = []
        for i in hostile {
            let h = try ws.projected(i)
            guard try reach.dwithin(h, distance: tolerance) else { continue }
            grown.append(try h.clip(to: window).buffer(tolerance))
        }
        if grown.isEmpty { return 0 }
        let near = try ws.ctx.union(grown)
        return min(try boundary.intersection(near).planarLength() / total, 1)
    }
}
