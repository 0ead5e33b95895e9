import CGEOS

/// A geometry prepared for many predicate tests against it. Not thread-safe: one per worker.
/// Keeps its source geometry alive, as GEOS requires.
public final class PreparedGeometry {
    /// The geometry the tests run against.
    public let geometry: Geometry
    let pointer: OpaquePointer

    /// Prepares `geometry`, such as a pocket tested against many districts or a fire zone
    /// against many routes.
    /// - Throws: ``GeometryError/geos(operation:message:)`` when GEOS cannot prepare it.
    public init(_ geometry: Geometry) throws {
        self.geometry = geometry
        geometry.context.reset()
        guard let p = GEOSPrepare_r(geometry.context.handle, geometry.pointer) else {
            throw geometry.context.error("prepare")
        }
        pointer = p
    }

    deinit { GEOSPreparedGeom_destroy_r(geometry.context.handle, pointer) }

    private func test(_ name: String, _ o: Geometry,
                      _ f: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws -> Bool {
        try geometry.context.predicate(name) { f($0, pointer, o.pointer) }
    }

    /// Whether `o` shares any point with the prepared geometry.
    public func intersects(_ o: Geometry) throws -> Bool { try test("prepared intersects", o, GEOSPreparedIntersects_r) }
    /// Whether `o` lies inside the prepared geometry, with at least one point in its interior.
    public func contains(_ o: Geometry) throws -> Bool { try test("prepared contains", o, GEOSPreparedContains_r) }
    /// Whether no point of `o` lies outside the prepared geometry.
    public func covers(_ o: Geometry) throws -> Bool { try test("prepared covers", o, GEOSPreparedCovers_r) }
    /// Whether `o` lies in the interior of the prepared geometry, touching none of its boundary.
    public func containsProperly(_ o: Geometry) throws -> Bool {
        try test("prepared contains properly", o, GEOSPreparedContainsProperly_r)
    }
    /// Whether the prepared geometry lies inside `o`.
    public func within(_ o: Geometry) throws -> Bool { try test("prepared within", o, GEOSPreparedWithin_r) }
    /// Whether the two meet only along their boundaries, their interiors apart.
    public func touches(_ o: Geometry) throws -> Bool { try test("prepared touches", o, GEOSPreparedTouches_r) }
    /// Whether the two share no point at all.
    public func disjoint(_ o: Geometry) throws -> Bool { try test("prepared disjoint", o, GEOSPreparedDisjoint_r) }
    /// Whether `o` comes within `distance` of the prepared geometry, in the geometries' units
    /// (metres once projected to a plane).
    public func dwithin(_ o: Geometry, distance: Double) throws -> Bool {
        try geometry.context.predicate("prepared dwithin") { GEOSPreparedDistanceWithin_r($0, pointer, o.pointer, distance) }
    }
}
