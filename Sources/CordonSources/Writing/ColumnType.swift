import CordonCore

/// The type a column is written with, decided by the column so that the same layer gets the
/// same table in every run, whatever one run's values happen to be (all empty, all whole).
public enum ColumnType: Sendable, Equatable {
    /// An ISO date (`YYYY-MM-DD`), written as a DATE: what QGIS's temporal controller animates by.
    case date
    /// true or false: an Integer with the Boolean subtype (GeoPackage BOOLEAN, PostgreSQL boolean).
    case boolean
    /// Whole numbers by nature (an index, a count): a 64-bit Integer.
    case integer
    /// Any other number, measures and estimates: a Real (double precision), even when one run's
    /// values are all whole, so a later run's fraction never meets an integer column.
    case real
    /// Text.
    case text
    /// An array or object (or a value of any kind), as its JSON text in a String column with
    /// the JSON subtype.
    case json

    /// The type of Cordon's own output column `name`; nil for a column Cordon does not write.
    ///
    /// Dates: `date`, `from`, `until`, `since`. Integers: `pocket`, the index that ties a
    /// pocket to its fronts and routes. Every other measure (areas, lengths, distances,
    /// people, capacities, the simplestyle widths and opacities) is Real: people are estimates
    /// that happen to be rounded.
    public static func known(_ name: String) -> ColumnType? {
        if dates.contains(name) { return .date }
        if name == "pocket" { return .integer }
        if booleans.contains(name) { return .boolean }
        if reals.contains(name) { return .real }
        if texts.contains(name) { return .text }
        if name == "districts" { return .json }
        return nil
    }

    /// The type of column `name`: ``known(_:)``, or for a column Cordon does not know (a
    /// property carried over from an input) the kind its values share: all Booleans, all
    /// numbers, all strings, otherwise JSON; a column with no values at all is text.
    public static func of(column name: String, values: some Sequence<JSONValue>) -> ColumnType {
        if let type = known(name) { return type }
        var kind: ColumnType?
        for v in values {
            let k: ColumnType
            switch v {
            case .null: continue
            case .bool: k = .boolean
            case .number: k = .real
            case .string: k = .text
            case .array, .object: return .json
            }
            if let kind, kind != k { return .json }
            kind = k
        }
        return kind ?? .text
    }

    private static let dates: Set<String> = ["date", "from", "until", "since"]
    private static let booleans: Set<String> = ["encircled", "focus", "open", "besieged"]
    private static let reals: Set<String> = [
        "area_km2", "perimeter_km", "hostile_share", "population", "closure_m", "length_km", "hostile_km",
        "exposed_km", "min_distance_m", "reach_population", "capacity_per_day", "daily_capacity",
        "stroke-width", "fill-opacity",
    ]
    private static let texts: Set<String> = [
        "id", "controller", "status", "route", "kind", "segment", "origin", "destination", "across", "name",
        "stroke", "fill",
    ]
}
