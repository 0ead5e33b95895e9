import CGEOS

/// Where two geometries come closest, so a planar distance can be measured again on the
/// ellipsoid between the two points it found.
extension Geometry {
    /// The point of this geometry nearest `o`, then the point of `o` nearest it (in their
    /// units); nil when either is empty. Indexed, so large geometries cost n log n.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func nearestPoints(to o: Geometry) throws -> (Coordinate, Coordinate)? {
        if isEmpty || o.isEmpty { return nil }
        let prepared = try PreparedGeometry(self)
        context.reset()
        guard let seq = GEOSPreparedNearestPoints_r(h, prepared.pointer, o.pointer) else {
            throw context.error("nearest points")
        }
        defer { GEOSCoordSeq_destroy_r(h, seq) }
        var a = Coordinate(0, 0), b = Coordinate(0, 0)
        guard GEOSCoordSeq_getXY_r(h, seq, 0, &a.x, &a.y) != 0, GEOSCoordSeq_getXY_r(h, seq, 1, &b.x, &b.y) != 0 else {
            throw context.error("nearest points")
        }
        return (a, b)
    }

    /// The union of the parts with every coordinate rounded to a grid of `gridSize` (GEOS's
    /// precision overlay), so pieces whose ends differ by less than the grid join.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func unaryUnion(gridSize: Double) throws -> Geometry {
        try context.make("unary union on a grid") { GEOSUnaryUnionPrec_r($0, pointer, gridSize) }
    }
}

/// Lon/lat edges are straight in degrees (RFC 7946); projected vertex by vertex, a long edge
/// becomes a chord that strays from that line (about 1 m over 10 km at 36° N). Extra vertices
/// keep a projected edge on its line.
extension Geometry {
    /// The same geometry with vertices added so that no segment is longer than `maxSegment`
    /// (in the geometry's units); unchanged when none is.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func densified(maxSegment: Double) throws -> Geometry {
        try context.make("densify") { GEOSDensify_r($0, pointer, maxSegment) }
    }
}
