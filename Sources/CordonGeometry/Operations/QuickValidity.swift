import CGEOS

/// A quick proof that a small polygon without holes is valid, so the common case (map cells
/// of a few dozen vertices) needs no full GEOS validity check. It only ever answers "valid"
/// when every orientation it relies on is certain (Shewchuk's error bound on the floating-point
/// determinant); anything else, including collinear or repeated vertices, is left to GEOS.
enum QuickValidity {
    /// Vertices (closing one included) above which GEOS's n log n check is left to do the work.
    static let maxPoints = 64

    /// True only when `g` is a polygon with no holes whose ring is certainly simple: finite
    /// coordinates, at least 4 points, closed, every turn certainly not straight, and every
    /// two non-adjacent edges certainly apart. False means "not proven", not "invalid".
    static func provesValid(_ g: Geometry) -> Bool {
        let h = g.context.handle
        guard GEOSGeomTypeId_r(h, g.pointer) == GeometryType.polygon.rawValue, GEOSisEmpty_r(h, g.pointer) == 0,
              GEOSGetNumInteriorRings_r(h, g.pointer) == 0, let ring = GEOSGetExteriorRing_r(h, g.pointer),
              let seq = GEOSGeom_getCoordSeq_r(h, ring) else { return false }
        var count: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(h, seq, &count) == 1, count >= 4, count <= UInt32(maxPoints) else { return false }
        let n = Int(count)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * n) { buffer -> Bool in
            guard GEOSCoordSeq_copyToBuffer_r(h, seq, buffer.baseAddress, 0, 0) == 1 else { return false }
            for v in buffer.prefix(2 * n) where !v.isFinite { return false }
            guard buffer[0] == buffer[2 * n - 2], buffer[1] == buffer[2 * n - 1] else { return false }
            let edges = n - 1
            @inline(__always) func x(_ i: Int) -> Double { buffer[2 * i] }
            @inline(__always) func y(_ i: Int) -> Double { buffer[2 * i + 1] }
            // Every turn certainly left or right (no repeated point, no straight or reversed turn).
            for i in 0..<edges {
                let a = (i + edges - 1) % edges, b = i, c = i + 1
                guard orientation(x(a), y(a), x(b), y(b), x(c), y(c)) != 0 else { return false }
            }
            // Non-adjacent edges certainly apart.
            for i in 0..<edges {
                for j in stride(from: i + 2, to: edges, by: 1) where !(i == 0 && j == edges - 1) {
                    guard apart(x(i), y(i), x(i + 1), y(i + 1), x(j), y(j), x(j + 1), y(j + 1)) else { return false }
                }
            }
            return true
        }
    }

    /// Sign of the turn a → b → c: 1 left, -1 right, 0 when too close to straight to be sure.
    @inline(__always)
    static func orientation(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
        let left = (ax - cx) * (by - cy), right = (ay - cy) * (bx - cx)
        let det = left - right
        // Shewchuk's ccwerrboundA, (3 + 16ε)ε: beyond it the sign is exact.
        let bound = 3.3306690738754716e-16 * (abs(left) + abs(right))
        if det > bound { return 1 }
        if -det > bound { return -1 }
        return 0
    }

    /// Whether segments pq and rs certainly share no point.
    @inline(__always)
    static func apart(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double,
                      _ rx: Double, _ ry: Double, _ sx: Double, _ sy: Double) -> Bool {
        if max(px, qx) < min(rx, sx) || max(rx, sx) < min(px, qx) || max(py, qy) < min(ry, sy) || max(ry, sy) < min(py, qy) {
            return true
        }
        let r = orientation(px, py, qx, qy, rx, ry), s = orientation(px, py, qx, qy, sx, sy)
        if r != 0, r == s { return true }
        let p = orientation(rx, ry, sx, sy, px, py), q = orientation(rx, ry, sx, sy, qx, qy)
        return p != 0 && p == q
    }
}
