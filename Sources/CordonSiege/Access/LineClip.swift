import CordonGeometry

/// Metres of a lon/lat line inside polygons with disjoint interiors (a date's hostile areas),
/// cut where it crosses their rings in lon/lat as GEOS's intersection cuts it, without building
/// GEOS geometries per road edge: the line is split at every crossing, and each piece whose
/// middle lies inside a polygon or on its boundary counts its geodesic length. A stretch that
/// runs along a ring (exactly collinear with one of its edges) is on the boundary, and counts.
enum LineClip {
    /// - Parameters:
    ///   - line: The line's vertices.
    ///   - polygons: Each polygon's rings (exterior and holes), closed.
    static func metresInside(_ line: [Coordinate], polygons: [[[Coordinate]]]) -> Double {
        guard !polygons.isEmpty, line.count >= 2 else { return 0 }
        var total = 0.0
        var cuts: [Double] = [], along: [(Double, Double)] = []
        for i in 0..<(line.count - 1) {
            let a = line[i], b = line[i + 1]
            let dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy
            guard len2 > 0 else { continue }
            let loX = min(a.x, b.x), hiX = max(a.x, b.x), loY = min(a.y, b.y), hiY = max(a.y, b.y)
            cuts.removeAll(keepingCapacity: true)
            along.removeAll(keepingCapacity: true)
            cuts.append(0)
            cuts.append(1)
            for rings in polygons {
                for ring in rings where ring.count >= 2 {
                    for j in 0..<(ring.count - 1) {
                        let c = ring[j], d = ring[j + 1]
                        if max(c.x, d.x) < loX || min(c.x, d.x) > hiX || max(c.y, d.y) < loY || min(c.y, d.y) > hiY { continue }
                        let ex = d.x - c.x, ey = d.y - c.y
                        let denom = dx * ey - dy * ex
                        let acx = c.x - a.x, acy = c.y - a.y
                        if denom != 0 {
                            let t = (acx * ey - acy * ex) / denom, u = (acx * dy - acy * dx) / denom
                            if t > 0, t < 1, u >= 0, u <= 1 { cuts.append(t) }
                        } else if acx * dy - acy * dx == 0 {
                            // Collinear: the ring edge's ends, where they fall on the segment,
                            // and the stretch they share, which lies on the boundary.
                            let tc = (acx * dx + acy * dy) / len2, td = ((d.x - a.x) * dx + (d.y - a.y) * dy) / len2
                            for t in [tc, td] where t > 0 && t < 1 { cuts.append(t) }
                            let lo = max(min(tc, td), 0), hi = min(max(tc, td), 1)
                            if hi > lo { along.append((lo, hi)) }
                        }
                    }
                }
            }
            cuts.sort()
            for k in 0..<(cuts.count - 1) where cuts[k + 1] > cuts[k] {
                let t0 = cuts[k], t1 = cuts[k + 1], tm = (t0 + t1) / 2
                let m = Coordinate(a.x + tm * dx, a.y + tm * dy)
                guard along.contains(where: { $0.0 <= tm && tm <= $0.1 }) || polygons.contains(where: { PointLocator.covers($0, m.x, m.y) }) else { continue }
                total += Geodesic.stepDistance(Coordinate(a.x + t0 * dx, a.y + t0 * dy), Coordinate(a.x + t1 * dx, a.y + t1 * dy))
            }
        }
        return total
    }
}
