import CPROJ

/// Collects PROJ's log messages, so nothing reaches stderr and errors carry PROJ's text.
final class PROJMessageSink {
    var last: String?
}

/// One PROJ context. Like a GEOS context it belongs to one task or thread: not `Sendable`.
public final class PROJContext {
    /// The PROJ version this process runs, e.g. "9.1.1".
    public static var version: String { String(cString: proj_info().version) }

    let handle: OpaquePointer
    let sink = PROJMessageSink()

    /// A new PROJ context whose log messages are kept, never printed.
    public init() {
        handle = proj_context_create()
        proj_log_func(handle, Unmanaged.passUnretained(sink).toOpaque()) { user, _, message in
            guard let user, let message else { return }
            Unmanaged<PROJMessageSink>.fromOpaque(user).takeUnretainedValue().last = String(cString: message)
        }
    }

    deinit { proj_context_destroy(handle) }

    func error(_ operation: String, errno: Int32 = 0) -> GeometryError {
        var text = sink.last
        if text == nil, errno != 0, let s = proj_context_errno_string(handle, errno) { text = String(cString: s) }
        return .proj(operation: operation, message: text ?? "no message from PROJ")
    }
}

/// A transformation between two CRSs with coordinates in lon, lat (x, y) order,
/// as `proj_normalize_for_visualization` arranges.
public final class Projection {
    let context: PROJContext
    let pj: OpaquePointer
    /// The CRS coordinates come from, as given: "EPSG:4326".
    public let source: String
    /// The CRS coordinates go to, as given: "EPSG:32637".
    public let target: String

    /// A transformation from one CRS to another, both axes in x, y (lon, lat) order.
    /// - Parameters:
    ///   - source: The CRS of the input, in any form PROJ accepts ("EPSG:4326").
    ///   - target: The CRS of the output.
    ///   - context: The PROJ context to run in; one per task or thread.
    /// - Throws: ``GeometryError/proj(operation:message:)`` with PROJ's text when it does not
    ///   know a CRS or cannot link the two.
    public init(from source: String, to target: String, context: PROJContext = PROJContext()) throws {
        self.context = context
        self.source = source
        self.target = target
        context.sink.last = nil
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            throw context.error("create \(source) -> \(target)", errno: proj_context_errno(context.handle))
        }
        defer { proj_destroy(raw) }
        guard let norm = proj_normalize_for_visualization(context.handle, raw) else {
            throw context.error("normalize \(source) -> \(target)", errno: proj_context_errno(context.handle))
        }
        pj = norm
    }

    deinit { proj_destroy(pj) }

    /// EPSG code of the UTM zone holding a lon/lat point: 326zz north, 327zz south.
    public static func utmEPSG(for c: Coordinate) -> Int {
        let zone = min(max(Int(((c.x + 180) / 6).rounded(.down)) + 1, 1), 60)
        return (c.y >= 0 ? 32600 : 32700) + zone
    }

    /// WGS84 lon/lat to the UTM zone of `center`.
    ///
    /// - Parameters:
    ///   - center: A lon/lat point in the study area, usually the centre of its bounds.
    ///   - context: The PROJ context to run in.
    /// - Throws: ``GeometryError/proj(operation:message:)``.
    public static func toUTM(around center: Coordinate, context: PROJContext = PROJContext()) throws -> Projection {
        try Projection(from: "EPSG:4326", to: "EPSG:\(utmEPSG(for: center))", context: context)
    }

    /// The reverse transformation.
    public func inverse() throws -> Projection {
        try Projection(from: target, to: source, context: context)
    }

    /// Transforms one coordinate; throws with PROJ's text when it fails.
    public func apply(_ c: Coordinate) throws -> Coordinate {
        var out = c
        guard apply(&out) else {
            throw context.error("transform (\(c.x), \(c.y))", errno: proj_errno(pj))
        }
        return out
    }

    /// Transforms in place; false when PROJ cannot (the error stays in the context).
    @discardableResult
    public func apply(_ c: inout Coordinate) -> Bool {
        let r = proj_trans(pj, PJ_FWD, proj_coord(c.x, c.y, 0, 0))
        if !r.xy.x.isFinite || !r.xy.y.isFinite || r.xy.x == .infinity {
            proj_errno_reset(pj)
            return false
        }
        c = Coordinate(r.xy.x, r.xy.y)
        return true
    }

    /// A geometry with every coordinate transformed, staying in GEOS.
    ///
    /// - Throws: ``GeometryError/proj(operation:message:)`` when a coordinate cannot be transformed.
    public func apply(_ g: Geometry) throws -> Geometry {
        context.sink.last = nil
        do {
            return try g.transformed { apply(&$0) }
        } catch {
            throw self.context.error("transform geometry", errno: proj_errno(pj))
        }
    }
}
