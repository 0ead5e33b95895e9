import CGEOS

/// Planar measures in the geometry's own units: use them on projected (metre) geometries.
/// For lon/lat geometries use `Geodesic`.
extension Geometry {
    public func planarArea() throws -> Double {
        var v = 0.0
        try context.status("area") { GEOSArea_r($0, pointer, &v) }
        return v
    }
    public func planarLength() throws -> Double {
        var v = 0.0
        try context.status("length") { GEOSLength_r($0, pointer, &v) }
        return v
    }
    public func distance(to o: Geometry) throws -> Double {
        var v = 0.0
        try context.status("distance") { GEOSDistance_r($0, pointer, o.pointer, &v) }
        return v
    }
}
