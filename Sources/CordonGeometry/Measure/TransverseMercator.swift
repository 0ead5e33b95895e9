import CPROJ

/// A transverse Mercator on the WGS84 ellipsoid centred on one point, with scale 1 along its
/// central meridian: the local plane of Cordon's metric work (docs/design.md#metric-work-and-projections).
/// Its scale error is about x²/2R² at x metres from the central meridian: under 0.1 % within
/// about 280 km of it, whatever the latitude.
///
/// Longitudes may lie outside −180…180, as they do on a map moved to one continuous range
/// across the antimeridian: a point is placed by its difference in longitude from the centre,
/// and comes back within 180° of the centre's longitude (−179.9° seen from 179.9° comes back
/// as 180.1°).
public final class TransverseMercator {
    /// The centre, lon/lat in degrees.
    public let centre: Coordinate
    let context: PROJContext
    let pj: OpaquePointer

    /// The plane centred on `centre`.
    ///
    /// - Parameters:
    ///   - centre: The origin, lon/lat in degrees; its meridian is the central meridian, true
    ///     to scale, and the scale error grows east and west of it.
    ///   - context: The PROJ context to run in; one per task or thread.
    /// - Throws: ``GeometryError/proj(operation:message:)`` when PROJ refuses the centre.
    public init(centre: Coordinate, context: PROJContext = PROJContext()) throws {
        self.centre = centre
        self.context = context
        let definition = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
            + "+step +proj=tmerc +lat_0=\(centre.y) +lon_0=\(Self.wrapped(centre.x)) +k_0=1 +ellps=WGS84 +units=m"
        context.sink.last = nil
        guard let p = proj_create(context.handle, definition) else {
            throw context.error("create \(definition)", errno: proj_context_errno(context.handle))
        }
        pj = p
    }

    deinit { proj_destroy(pj) }

    /// Lon/lat to metres in this plane.
    public func metres(_ c: Coordinate) throws -> Coordinate { try run(c, PJ_FWD) }

    /// Metres in this plane to lon/lat.
    public func lonLat(_ c: Coordinate) throws -> Coordinate { try run(c, PJ_INV) }

    /// A lon/lat geometry in metres.
    public func metres(_ g: Geometry) throws -> Geometry { try run(g, PJ_FWD) }

    /// A geometry in metres back in lon/lat.
    public func lonLat(_ g: Geometry) throws -> Geometry { try run(g, PJ_INV) }

    private func run(_ c: Coordinate, _ direction: PJ_DIRECTION) throws -> Coordinate {
        var out = c
        guard step(&out, direction) else {
            throw context.error("transform (\(c.x), \(c.y))", errno: proj_errno(pj))
        }
        return out
    }

    private func run(_ g: Geometry, _ direction: PJ_DIRECTION) throws -> Geometry {
        context.sink.last = nil
        do {
            return try g.transformed { step(&$0, direction) }
        } catch {
            throw context.error("transform geometry", errno: proj_errno(pj))
        }
    }

    private func step(_ c: inout Coordinate, _ direction: PJ_DIRECTION) -> Bool {
        let r = proj_trans(pj, direction, proj_coord(c.x, c.y, 0, 0))
        guard r.xy.x.isFinite, r.xy.y.isFinite, abs(r.xy.x) < 1e20 else {
            proj_errno_reset(pj)
            return false
        }
        c = Coordinate(r.xy.x, r.xy.y)
        if direction == PJ_INV { c.x += 360 * ((centre.x - c.x) / 360).rounded() }
        return true
    }

    /// A longitude in −180…180.
    static func wrapped(_ lon: Double) -> Double { lon - 360 * (lon / 360).rounded() }
}
