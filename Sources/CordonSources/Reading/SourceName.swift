/// A vector source as the user named it: a file path, `-` for standard input (GeoJSON), or a
/// database connection (`PG:dbname=... host=...` or `PG:postgresql://...`).
///
/// Its description is what every message, summary and report shows: a connection's password
/// is masked there, so it never reaches a terminal, a log or an output file.
public struct SourceName: Sendable, Hashable, CustomStringConvertible {
    /// The text as given, password included: only for opening the source.
    public let text: String

    /// A source named by `text`.
    public init(_ text: String) { self.text = text }

    /// Whether this names a PostgreSQL/PostGIS database rather than a file.
    public var isDatabase: Bool { text.hasPrefix("PG:") || text.hasPrefix("pg:") }

    /// Whether Cordon's own GeoJSON reader takes this source (faster, with line and column in its
    /// errors): `-`, `.geojson`, and `.json` files that are not ESRI JSON.
    public var isNativeGeoJSON: Bool {
        if text == "-" { return true }
        let lower = text.lowercased()
        if lower.hasSuffix(".geojson") { return true }
        if lower.hasSuffix(".json") { return !EsriJSONSniff.looksLikeEsri(path: text) }
        return false
    }

    /// The name with any password replaced by `***`.
    public var description: String { Self.masked(text) }

    /// `text` with the value of every `password=` key, and the password of a
    /// `postgresql://user:password@host` URI, replaced by `***`.
    public static func masked(_ text: String) -> String {
        var out = maskURIPassword(text)
        var searchStart = out.startIndex
        while let r = out.range(of: "password", options: [.caseInsensitive], range: searchStart..<out.endIndex) {
            var i = r.upperBound
            while i < out.endIndex, out[i] == " " { i = out.index(after: i) }
            guard i < out.endIndex, out[i] == "=" else { searchStart = r.upperBound; continue }
            i = out.index(after: i)
            while i < out.endIndex, out[i] == " " { i = out.index(after: i) }
            let valueStart = i
            if i < out.endIndex, out[i] == "'" {
                // A quoted value runs to the next unescaped quote.
                i = out.index(after: i)
                while i < out.endIndex, out[i] != "'" {
                    if out[i] == "\\", out.index(after: i) < out.endIndex { i = out.index(after: i) }
                    i = out.index(after: i)
                }
                if i < out.endIndex { i = out.index(after: i) }
            } else {
                while i < out.endIndex, out[i] != " ", out[i] != "&" { i = out.index(after: i) }
            }
            out.replaceSubrange(valueStart..<i, with: "***")
            searchStart = out.index(valueStart, offsetBy: 3)
        }
        return out
    }

    private static func maskURIPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return text }
        var out = text
        out.replaceSubrange(out.index(after: colon)..<at, with: "***")
        return out
    }
}
