import CGEOS

/// A geometry prepared for many predicate tests against it. Not thread-safe: one per worker.
/// Keeps its source geometry alive, as GEOS requires.
public final class PreparedGeometry {
    public let geometry: Geometry
    let pointer: OpaquePointer

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

    public func intersects(_ o: Geometry) throws -> Bool { try test("prepared intersects", o, GEOSPreparedIntersects_r) }
    public func contains(_ o: Geometry) throws -> Bool { try test("prepared contains", o, GEOSPreparedContains_r) }
    public func covers(_ o: Geometry) throws -> Bool { try test("prepared covers", o, GEOSPreparedCovers_r) }
    public func containsProperly(_ o: Geometry) throws -> Bool {
        try test("prepared contains properly", o, GEOSPreparedContainsProperly_r)
    }
    public func within(_ o: Geometry) throws -> Bool { try test("prepared within", o, GEOSPreparedWithin_r) }
    public func touches(_ o: Geometry) throws -> Bool { try test("prepared touches", o, GEOSPreparedTouches_r) }
    public func disjoint(_ o: Geometry) throws -> Bool { try test("prepared disjoint", o, GEOSPreparedDisjoint_r) }
    public func dwithin(_ o: Geometry, distance: Double) throws -> Bool {
        try geometry.context.predicate("prepared dwithin") { GEOSPreparedDistanceWithin_r($0, pointer, o.pointer, distance) }
    }
}
