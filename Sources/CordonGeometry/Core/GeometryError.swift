/// Every failure of the geometry layer: GEOS and PROJ text is carried, never printed.
public enum GeometryError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A GEOS call failed; `message` is GEOS's own text.
    case geos(operation: String, message: String)
    /// A PROJ call failed; `message` is PROJ's own text.
    case proj(operation: String, message: String)
    /// A geometry is invalid; `reason` comes from `GEOSisValidReason_r`.
    case invalid(reason: String)
    /// The caller asked for something the geometry cannot give (wrong type, bad index, bad argument).
    case unsupported(String)

    /// The one-line message, with GEOS's or PROJ's own text where there is one.
    public var description: String {
        switch self {
        case let .geos(op, msg): return "GEOS \(op) failed: \(msg)"
        case let .proj(op, msg): return "PROJ \(op) failed: \(msg)"
        case let .invalid(reason): return "invalid geometry: \(reason)"
        case let .unsupported(what): return what
        }
    }
}
