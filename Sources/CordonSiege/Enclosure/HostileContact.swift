import CordonGeometry

/// Where a pocket's boundary faces hostile ground (areas neither besieged, allied nor neutral).
enum HostileContact {
    /// Share of the pocket's boundary (lon/lat, every ring) lying within t of the date's
    /// hostile ground, by geodesic length. Only hostile ground within 2t of the boundary's box
    /// is grown by t (in local planes): ground farther away cannot come within t.
    static func share(_ ws: Workspace, of pocket: Geometry, facing hostile: HostileGround, tolerance: Double) throws -> Double {
        guard !hostile.isEmpty, let b = pocket.bounds else { return 0 }
        let near = try hostile.near(b.grown(metres: 2 * tolerance))
        if near.isEmpty { return 0 }
        let boundary = try pocket.boundary()
        let total = Geodesic.length(boundary)
        guard total > 0 else { return 0 }
        let reach = try ws.reach(of: near, within: tolerance, over: b)
        return min(Geodesic.length(try boundary.intersection(reach)) / total, 1)
    }
}
