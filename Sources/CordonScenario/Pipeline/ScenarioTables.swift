import CordonCore
import CordonSources
import Yams

extension ScenarioOutput {
    /// The tables a run writes into a GeoPackage or a database, in the order written: its map
    /// layers named by their files' stems (`pockets`, `fronts`, `routes`, `districts`), then
    /// `timeline` and `summary`. The report page is not written there: `cordon run -o DIR` makes it.
    public var tableNames: [String] {
        fileNames.filter { $0.hasSuffix(".geojson") }.map(Self.stem) + ["timeline", "summary"]
    }

    /// Writes the run's layers and its `timeline` and `summary` tables into `output`, all or
    /// nothing; returns the table names written.
    /// - Throws: `LayerWriteError`, `FileWriteError` (see `LayerSetWriter`); nothing is changed then.
    @discardableResult
    public func write(to output: LayerOutput) throws -> [String] {
        let layers = try layerFiles().joined.map { OutputLayer(name: Self.stem($0.file), features: $0.features) }
        let tables = [try timelineTable(), try summaryTable()]
        try LayerSetWriter().write(layers: layers, tables: tables, to: output)
        return layers.map(\.name) + tables.map(\.name)
    }

    /// `timeline.csv` as a table: `date` a DATE, every other column a Real, empty cells null.
    func timelineTable() throws -> OutputTable {
        let csv = result.supply.timelineCSV(monteCarlo: result.monteCarlo)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first else { return OutputTable(name: "timeline", columns: [], rows: []) }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let columns = names.map { OutputColumn($0, $0 == "date" ? .date : .real) }
        let rows: [[JSONValue]] = try lines.dropFirst().enumerated().map { index, line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == columns.count else {
                throw LayerWriteError(output: "timeline.csv", feature: index, "has \(cells.count) cells for \(columns.count) columns")
            }
            return try zip(columns, cells).map { column, cell in
                if cell.isEmpty { return .null }
                if column.type == .date { return .string(String(cell)) }
                guard let x = Double(cell) else {
                    throw LayerWriteError(output: "timeline.csv", feature: index, "column \(column.name): \(cell) is not a number")
                }
                return .number(x)
            }
        }
        return OutputTable(name: "timeline", columns: columns, rows: rows)
    }

    /// `summary.json` as a table of `key` and `value`: one row per value that holds no other
    /// (a string, number, Boolean, null, or an empty array or object), `key` its JSON Pointer
    /// (RFC 6901: `/siege/encircled/0/from`), `value` its JSON text (`"opposition"`, `12.5`;
    /// SQL NULL for JSON null), in the file's order.
    ///
    /// Long rather than one wide row because the keys differ from run to run (route and
    /// commodity names are keys): a wide row would give every scenario its own columns, and a
    /// table that several runs are written into would change shape. Each value keeps its JSON
    /// text so nothing is lost or retyped; `json_extract`, `::jsonb` and QGIS read it.
    func summaryTable() throws -> OutputTable {
        var rows: [[JSONValue]] = []
        let root: Node?
        do { root = try Yams.compose(yaml: result.summaryJSON) } catch {
            throw LayerWriteError(output: "summary.json", "cannot be read back: \(error)")
        }
        if let root { Self.flatten(root, at: "", into: &rows) }
        return OutputTable(name: "summary", columns: [OutputColumn("key", .text), OutputColumn("value", .json)], rows: rows)
    }

    private static func flatten(_ node: Node, at pointer: String, into rows: inout [[JSONValue]]) {
        switch node {
        case .mapping(let mapping):
            if mapping.isEmpty { rows.append([.string(pointer), .object(JSONObject())]) }
            for (key, value) in mapping { flatten(value, at: pointer + "/" + escaped(key.string ?? ""), into: &rows) }
        case .sequence(let sequence):
            if sequence.isEmpty { rows.append([.string(pointer), .array([])]) }
            for (i, value) in sequence.enumerated() { flatten(value, at: pointer + "/\(i)", into: &rows) }
        case .scalar(let scalar):
            rows.append([.string(pointer), value(scalar)])
        }
    }

    /// A JSON scalar: strings are quoted; numbers, true, false and null are not.
    private static func value(_ scalar: Node.Scalar) -> JSONValue {
        if scalar.style == .doubleQuoted { return .string(scalar.string) }
        switch scalar.string {
        case "null": return .null
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return Double(scalar.string).map(JSONValue.number) ?? .string(scalar.string)
        }
    }

    /// A key as a JSON Pointer token: `~` as `~0`, `/` as `~1`.
    private static func escaped(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private static func stem(_ file: String) -> String {
        file.hasSuffix(".geojson") ? String(file.dropLast(".geojson".count)) : file
    }
}
