/// Which database a `PG:` source names, and the schema a table name without one stands in:
/// enough to tell whether an output would write over a table the same run reads.
public struct DatabaseAddress: Sendable, Equatable {
    /// Host (or socket folder), port and database name, as libpq would resolve the defaults.
    public let server: String
    /// Where an unqualified table lives: the first of `schemas=`, else `active_schema=`, else `public`.
    public let schema: String

    /// The address of `name`, or nil when it is not a database.
    public init?(_ name: SourceName) {
        guard name.isDatabase else { return nil }
        let text = String(name.text.dropFirst(3))
        var keys: [String: String] = [:]
        if let scheme = text.range(of: "://") {
            // postgresql://user:password@host:port/dbname?…
            var rest = text[scheme.upperBound...]
            if let q = rest.firstIndex(of: "?") { rest = rest[..<q] }
            let slash = rest.firstIndex(of: "/")
            var hostPort = slash.map { rest[..<$0] } ?? rest
            if let at = hostPort.lastIndex(of: "@") { hostPort = hostPort[hostPort.index(after: at)...] }
            let parts = hostPort.split(separator: ":", maxSplits: 1)
            keys["host"] = parts.first.map(String.init)
            if parts.count > 1 { keys["port"] = String(parts[1]) }
            if let slash { keys["dbname"] = String(rest[rest.index(after: slash)...]) }
        } else {
            for (k, v) in Self.pairs(text) { keys[k.lowercased()] = v }
        }
        let host = keys["host"] ?? keys["hostaddr"] ?? ""
        server = "\(host.isEmpty ? "localhost" : host):\(keys["port"] ?? "5432")/\(keys["dbname"] ?? keys["user"] ?? "")"
        let schemas = keys["schemas"]?.split(separator: ",").first.map(String.init)
        schema = schemas ?? keys["active_schema"] ?? "public"
    }

    /// `schema.table`: a layer name GDAL gives as `schema.table` keeps its schema.
    public func qualified(_ table: String) -> String {
        table.contains(".") ? table : schema + "." + table
    }

    /// `key=value` pairs of a libpq connection string; a value may be quoted with `'`.
    static func pairs(_ text: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var i = text.startIndex
        func skipSpaces() { while i < text.endIndex, text[i] == " " { i = text.index(after: i) } }
        while true {
            skipSpaces()
            guard i < text.endIndex else { break }
            let keyStart = i
            while i < text.endIndex, text[i] != "=", text[i] != " " { i = text.index(after: i) }
            let key = String(text[keyStart..<i])
            skipSpaces()
            guard i < text.endIndex, text[i] == "=" else { continue }
            i = text.index(after: i)
            skipSpaces()
            var value = ""
            if i < text.endIndex, text[i] == "'" {
                i = text.index(after: i)
                while i < text.endIndex, text[i] != "'" {
                    if text[i] == "\\", text.index(after: i) < text.endIndex { i = text.index(after: i) }
                    value.append(text[i])
                    i = text.index(after: i)
                }
                if i < text.endIndex { i = text.index(after: i) }
            } else {
                while i < text.endIndex, text[i] != " " { value.append(text[i]); i = text.index(after: i) }
            }
            out.append((key, value))
        }
        return out
    }
}
