import CordonCore
import CordonGeometry

/// One column of a layer or table to write: its name and its type.
public struct OutputColumn: Sendable, Equatable {
    /// The column's name, as the GeoJSON property is named (`from`, `stroke-width`).
    public var name: String
    /// What it is written as.
    public var type: ColumnType

    /// A column `name` of type `type`.
    public init(_ name: String, _ type: ColumnType) {
        self.name = name
        self.type = type
    }
}

/// A vector layer to write as one table: features in WGS84 lon/lat (what every Cordon layer
/// holds), written with the geometry column `geom` in SRID 4326 and a spatial index.
public struct OutputLayer {
    /// The table's name: the stem of the GeoJSON file the layer is otherwise written to (`pockets`).
    public var name: String
    /// The features, in order; their `id` members are not written (the table numbers its rows).
    public var features: [Feature]
    /// The columns, in order.
    public var columns: [OutputColumn]

    /// A layer of `features` whose columns are every property the features carry, each typed by
    /// ``ColumnType/of(column:values:)``, in the order first seen, then the dates `date`, `from`,
    /// `until`, `since` last and in that order, whichever feature has them first.
    public init(name: String, features: [Feature]) {
        self.name = name
        self.features = features
        columns = Self.keyOrder(features).map { key in
            OutputColumn(key, ColumnType.of(column: key, values: features.lazy.compactMap { $0.properties[key] }))
        }
    }
}

extension OutputLayer {
    fileprivate static func keyOrder(_ features: [Feature]) -> [String] {
        var order: [String] = [], seen = Set<String>()
        for f in features { for k in f.properties.keys where seen.insert(k).inserted { order.append(k) } }
        let dates = ["date", "from", "until", "since"].filter(seen.contains)
        return order.filter { !dates.contains($0) } + dates
    }
}

/// A table without geometry: `timeline` and `summary` of a scenario run.
public struct OutputTable {
    /// The table's name (`timeline`).
    public var name: String
    /// The columns, in order.
    public var columns: [OutputColumn]
    /// The rows, each one value per column in the columns' order (`.null` for none).
    public var rows: [[JSONValue]]

    /// A table `name` with `columns` and `rows`.
    public init(name: String, columns: [OutputColumn], rows: [[JSONValue]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
