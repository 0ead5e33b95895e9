/// A fault in a GeoJSON file. Its description is one line:
/// `FILE: feature 3: line 12, column 40: ring 0 is not closed`.
public struct GeoJSONError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What sort of fault it is, which decides whether reading can go on past it.
    public enum Kind: Sendable, Equatable {
        /// Not JSON at all (syntax, encoding, truncation): the rest of the file cannot be read.
        case syntax
        /// JSON, but not the GeoJSON this tool reads (types, coordinates, ranges).
        case geoJSON
        /// Nesting deeper than the reader's limit.
        case tooDeep
        /// The file is larger than the reader's limit, or cannot be read.
        case file
        /// A geometry GEOS finds invalid (reason from `GEOSisValidReason_r`) or cannot build.
        case geometry
    }

    /// What sort of fault it is.
    public var kind: Kind
    /// The file as the user named it ("-" for standard input).
    public var file: String
    /// Index of the feature in the collection (the first is 0), when known.
    public var feature: Int?
    /// 1-based line and column (in bytes) of the fault, when known.
    public var line: Int?
    /// The 1-based column, counted in bytes, when known.
    public var column: Int?
    /// What is wrong, in words.
    public var reason: String

    /// A fault with as much of its place as is known.
    public init(kind: Kind, file: String, feature: Int? = nil, line: Int? = nil, column: Int? = nil, reason: String) {
        self.kind = kind
        self.file = file
        self.feature = feature
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// The one-line message: `FILE: feature N: line L, column C: REASON`, leaving out what is unknown.
    public var description: String {
        var s = file
        if let feature { s += ": feature \(feature)" }
        if let line {
            s += ": line \(line)"
            if let column { s += ", column \(column)" }
        }
        // A reason never spans lines, so the whole error stays one line.
        let oneLine = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
        return s + ": " + oneLine
    }
}
