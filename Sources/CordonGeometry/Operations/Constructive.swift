import CGEOS

/// Buffer join style, as in PostGIS and Shapely.
public enum JoinStyle: Int32, Sendable {
    /// Rounded corners: every point at the buffer distance.
    case round = 1
    /// Sharp corners, cut off where they would reach far out.
    case mitre = 2
    /// Corners cut straight across.
    case bevel = 3
}

/// Constructive operations: new geometries derived from one.
extension Geometry {
    /// Buffer by `distance` (in the geometry's units; negative shrinks polygons).
    ///
    /// - Parameters:
    ///   - distance: How far to grow, in the geometry's units: metres once projected to a plane,
    ///     as for a fire range or a snap distance.
    ///   - quadrantSegments: Segments per quarter circle on rounded corners.
    ///   - join: How outer corners are drawn.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func buffer(_ distance: Double, quadrantSegments: Int = 8, join: JoinStyle = .round) throws -> Geometry {
        try context.make("buffer") {
            GEOSBufferWithStyle_r($0, pointer, distance, Int32(quadrantSegments), 1 /* round caps */, join.rawValue, 5.0)
        }
    }
    /// The boundary: the rings of a polygon, the end points of a line.
    public func boundary() throws -> Geometry {
        try context.make("boundary") { GEOSBoundary_r($0, pointer) }
    }
    /// The bounding rectangle as a polygon.
    public func envelope() throws -> Geometry {
        try context.make("envelope") { GEOSEnvelope_r($0, pointer) }
    }
    /// A point guaranteed to lie inside the geometry (PostGIS ST_PointOnSurface).
    public func representativePoint() throws -> Geometry {
        try context.make("point on surface") { GEOSPointOnSurface_r($0, pointer) }
    }
    /// The centre of mass, which may fall outside a concave shape; see ``representativePoint()``
    /// for a point sure to be inside.
    public func centroid() throws -> Geometry {
        try context.make("centroid") { GEOSGetCentroid_r($0, pointer) }
    }
    /// Douglas-Peucker simplification that keeps polygons valid and rings from crossing.
    ///
    /// - Parameters:
    ///   - tolerance: The largest distance a vertex may move, in the geometry's units.
    ///   - preserveTopology: Whether to keep the result valid (slower); false is plain Douglas-Peucker.
    public func simplify(tolerance: Double, preserveTopology: Bool = true) throws -> Geometry {
        try context.make("simplify") {
            preserveTopology ? GEOSTopologyPreserveSimplify_r($0, pointer, tolerance) : GEOSSimplify_r($0, pointer, tolerance)
        }
    }
    /// Merges touching lines into the longest possible lines.
    public func lineMerge() throws -> Geometry {
        try context.make("line merge") { GEOSLineMerge_r($0, pointer) }
    }
    /// The geometry with every coordinate passed through `transform` (e.g. a projection).
    ///
    /// - Parameter transform: Changes one coordinate in place; returns false to abandon the whole result.
    /// - Throws: ``GeometryError/geos(operation:message:)`` when `transform` fails on any coordinate.
    public func transformed(_ transform: (inout Coordinate) -> Bool) throws -> Geometry {
        try withoutActuallyEscaping(transform) { t in
            var box = TransformBox(body: t)
            return try withUnsafeMutablePointer(to: &box) { bp in
                try context.make("transform") {
                    GEOSGeom_transformXY_r($0, pointer, { x, y, user in
                        let b = user!.assumingMemoryBound(to: TransformBox.self)
                        var c = Coordinate(x!.pointee, y!.pointee)
                        guard b.pointee.body(&c) else { return 0 }
                        x!.pointee = c.x
                        y!.pointee = c.y
                        return 1
                    }, bp)
                }
            }
        }
    }
    /// Line parts of any geometry (collections flattened), cloned; polygons and points dropped.
    /// Overlay of a line with a polygon can return stray points where they touch.
    public func lines() throws -> [Geometry] {
        var out: [Geometry] = []
        func walk(_ g: Geometry) throws {
            switch g.type {
            case .lineString, .linearRing: if !g.isEmpty { out.append(try g.clone()) }
            case .multiLineString, .geometryCollection: for p in g.parts { try walk(p) }
            default: break
            }
        }
        try walk(self)
        return out
    }

    /// Polygon parts of any geometry (collections flattened), cloned; lines and points dropped.
    public func polygons() throws -> [Geometry] {
        var out: [Geometry] = []
        func walk(_ g: Geometry) throws {
            switch g.type {
            case .polygon: if !g.isEmpty { out.append(try g.clone()) }
            case .multiPolygon, .geometryCollection: for p in g.parts { try walk(p) }
            default: break
            }
        }
        try walk(self)
        return out
    }
}

private struct TransformBox { let body: (inout Coordinate) -> Bool }
