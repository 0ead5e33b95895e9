import CordonGeometry

/// Where a pocket's boundary faces hostile ground (areas neither besieged nor allied).
enum HostileContact {
    /// Share of the pocket's boundary (metres) lying within t of the date's hostile ground,
    /// already dissolved (metres). Clipped to the pocket's window grown by 2t first: ground
    /// farther away cannot come within t, and the cut edges stay 2t from the boundary.
    static func share(of pocket: Geometry, facing hostile: Geometry, tolerance: Double) throws -> Double {
        let boundary = try pocket.boundary()
        let total = try boundary.planarLength()
        guard total > 0, let b = boundary.bounds, !hostile.isEmpty else { return 0 }
        let near = try hostile.clip(to: b.expanded(by: 2 * tolerance))
        if near.isEmpty { return 0 }
        return min(try boundary.intersection(near.buffer(tolerance)).planarLength() / total, 1)
    }
}
