import CGEOS

/// Planar measures in the geometry's own units: use them on projected (metre) geometries.
/// For lon/lat geometries use `Geodesic`.
extension Geometry {
    /// Area in the square of the geometry's units: m² on a geometry projected to metres, never km².
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func planarArea() throws -> Double {
        var v = 0.0
        try context.status("area") { GEOSArea_r($0, pointer, &v) }
        return v
    }
    /// Length of lines, or perimeter of polygons with their holes, in the geometry's units.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func planarLength() throws -> Double {
        var v = 0.0
        try context.status("length") { GEOSLength_r($0, pointer, &v) }
        return v
    }
    /// Shortest distance between the two, in the geometries' units; 0 when they meet.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func distance(to o: Geometry) throws -> Double {
        var v = 0.0
        try context.status("distance") { GEOSDistance_r($0, pointer, o.pointer, &v) }
        return v
    }
}
