/// Where a set of layers and tables goes, told by the form of the `-o` value: a file ending
/// in `.gpkg` is a GeoPackage, `PG:...` a PostGIS database. Anything else is not one of these.
public enum LayerOutput: Sendable, Equatable, CustomStringConvertible {
    /// A GeoPackage file, written whole beside its place and renamed over it at the end.
    case geoPackage(path: String)
    /// A PostgreSQL/PostGIS database (GDAL's `PG:` connection string, optionally with
    /// `schemas=` or `active_schema=`), written in one transaction.
    case database(SourceName)

    /// The output `text` names, or nil when it is neither form (a GeoJSON file, a folder, `-`).
    public init?(_ text: String) {
        let name = SourceName(text)
        if name.isDatabase {
            self = .database(name)
        } else if text.lowercased().hasSuffix(".gpkg") {
            self = .geoPackage(path: text)
        } else {
            return nil
        }
    }

    /// The output as messages show it: a connection's password masked.
    public var description: String {
        switch self {
        case .geoPackage(let path): return path
        case .database(let name): return name.description
        }
    }
}
