import CGEOS

/// Binary spatial predicates (DE-9IM), as in Shapely's `predicates` module.
extension Geometry {
    /// Whether the two share any point.
    public func intersects(_ o: Geometry) throws -> Bool {
        try context.predicate("intersects") { GEOSIntersects_r($0, pointer, o.pointer) }
    }
    /// Whether the two meet only along their boundaries, their interiors apart: two control
    /// areas that share a front line.
    public func touches(_ o: Geometry) throws -> Bool {
        try context.predicate("touches") { GEOSTouches_r($0, pointer, o.pointer) }
    }
    /// Whether `o` lies inside this geometry, with at least one point in its interior.
    public func contains(_ o: Geometry) throws -> Bool {
        try context.predicate("contains") { GEOSContains_r($0, pointer, o.pointer) }
    }
    /// Whether this geometry lies inside `o`.
    public func within(_ o: Geometry) throws -> Bool {
        try context.predicate("within") { GEOSWithin_r($0, pointer, o.pointer) }
    }
    /// Whether no point of `o` lies outside this geometry.
    public func covers(_ o: Geometry) throws -> Bool {
        try context.predicate("covers") { GEOSCovers_r($0, pointer, o.pointer) }
    }
    /// Whether the two share no point at all.
    public func disjoint(_ o: Geometry) throws -> Bool {
        try context.predicate("disjoint") { GEOSDisjoint_r($0, pointer, o.pointer) }
    }
    /// Topological equality: the same point set, whatever the vertex order.
    public func equals(_ o: Geometry) throws -> Bool {
        try context.predicate("equals") { GEOSEquals_r($0, pointer, o.pointer) }
    }
    /// Vertex-by-vertex equality within `tolerance`.
    public func equalsExact(_ o: Geometry, tolerance: Double = 0) throws -> Bool {
        try context.predicate("equals exact") { GEOSEqualsExact_r($0, pointer, o.pointer, tolerance) }
    }
    /// True when the two come within `distance` (in the geometries' units) of each other.
    public func dwithin(_ o: Geometry, distance: Double) throws -> Bool {
        try context.predicate("dwithin") { GEOSDistanceWithin_r($0, pointer, o.pointer, distance) }
    }
}
