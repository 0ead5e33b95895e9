import CGDAL
import CordonCore
import CordonGeometry

/// Creates tables in an open GDAL dataset and fills them: one per layer, one per attribute table.
struct TableTarget {
    let ds: GDALDatasetH
    /// The output as messages name it (password masked, never the temporary file).
    let shown: String
    let messages: GDALCalls.Messages
    let layerOptions: [String]
    let tableOptions: [String]

    func writeAll(layers: [OutputLayer], tables: [OutputTable]) throws {
        guard let srs = OSRNewSpatialReference(nil) else { throw fail(nil, nil, "cannot make the WGS84 coordinate system") }
        defer { OSRDestroySpatialReference(srs) }
        guard OSRImportFromEPSG(srs, 4326) == OGRERR_NONE else {
            throw fail(nil, nil, "cannot make EPSG:4326: \(messages.reason("PROJ has no EPSG database"))")
        }
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        for layer in layers { try write(layer, srs: srs) }
        for table in tables { try write(table) }
    }

    // MARK: - Layers

    private func write(_ layer: OutputLayer, srs: OGRSpatialReferenceH) throws {
        let mark = messages.errors.count
        let kind = LayerGeometryType(layer.features.compactMap(\.geometry))
        let handle = try create(layer.name, srs: srs, type: kind.ogrType, options: layerOptions, mark: mark)
        let fields = try createFields(layer.columns, in: handle, table: layer.name, mark: mark)
        guard let definition = OGR_L_GetLayerDefn(handle) else { throw fail(layer.name, nil, "no layer definition") }
        var wkb: WKBWriter?
        for (index, f) in layer.features.enumerated() {
            guard let feature = OGR_F_Create(definition) else { throw fail(layer.name, index, "cannot make a feature") }
            defer { OGR_F_Destroy(feature) }
            for (column, i) in zip(layer.columns, fields) {
                guard let value = f.properties[column.name] else { continue }
                try set(value, column, i, on: feature, table: layer.name, row: index)
            }
            if let g = f.geometry {
                let writer = wkb ?? WKBWriter(context: g.context)
                if wkb == nil || wkb?.context !== g.context { wkb = writer }
                let bytes: [UInt8]
                do { bytes = try writer.write(g) } catch { throw fail(layer.name, index, "cannot encode the geometry: \(error)") }
                var made: OGRGeometryH?
                let err = bytes.withUnsafeBufferPointer { OGR_G_CreateFromWkb($0.baseAddress, srs, &made, Int32(clamping: $0.count)) }
                guard err == OGRERR_NONE, let geometry = made else { throw fail(layer.name, index, "GDAL cannot read the geometry") }
                OGR_F_SetGeometryDirectly(feature, kind.conform(geometry))
            }
            guard OGR_L_CreateFeature(handle, feature) == OGRERR_NONE else {
                throw fail(layer.name, index, cause(since: mark, "cannot add the feature"))
            }
        }
    }

    // MARK: - Attribute tables

    private func write(_ table: OutputTable) throws {
        let mark = messages.errors.count
        let handle = try create(table.name, srs: nil, type: wkbNone, options: tableOptions, mark: mark)
        let fields = try createFields(table.columns, in: handle, table: table.name, mark: mark)
        guard let definition = OGR_L_GetLayerDefn(handle) else { throw fail(table.name, nil, "no table definition") }
        for (index, row) in table.rows.enumerated() {
            guard row.count == table.columns.count else {
                throw fail(table.name, index, "has \(row.count) values for \(table.columns.count) columns")
            }
            guard let feature = OGR_F_Create(definition) else { throw fail(table.name, index, "cannot make a row") }
            defer { OGR_F_Destroy(feature) }
            for (k, value) in row.enumerated() { try set(value, table.columns[k], fields[k], on: feature, table: table.name, row: index) }
            guard OGR_L_CreateFeature(handle, feature) == OGRERR_NONE else {
                throw fail(table.name, index, cause(since: mark, "cannot add the row"))
            }
        }
    }

    // MARK: - Shared

    private func create(_ name: String, srs: OGRSpatialReferenceH?, type: OGRwkbGeometryType, options: [String], mark: Int) throws -> OGRLayerH {
        let made = GDALCalls.withCreateOptions(options) { GDALDatasetCreateLayer(ds, name, srs, type, $0) }
        guard let made else { throw fail(name, nil, cause(since: mark, "cannot create the table")) }
        return made
    }

    /// Creates the columns; returns each one's field index (GDAL may renumber none, but asks).
    private func createFields(_ columns: [OutputColumn], in layer: OGRLayerH, table: String, mark: Int) throws -> [Int32] {
        for column in columns {
            guard let field = OGR_Fld_Create(column.name, column.type.fieldType) else {
                throw fail(table, nil, "cannot make column \(column.name)")
            }
            defer { OGR_Fld_Destroy(field) }
            OGR_Fld_SetSubType(field, column.type.fieldSubType)
            guard OGR_L_CreateField(layer, field, 0) == OGRERR_NONE else {
                throw fail(table, nil, "cannot create column \(column.name): \(cause(since: mark, "refused"))")
            }
        }
        guard let definition = OGR_L_GetLayerDefn(layer) else { throw fail(table, nil, "no table definition") }
        return try columns.map { column in
            let i = OGR_FD_GetFieldIndex(definition, column.name)
            guard i >= 0 else { throw fail(table, nil, "column \(column.name) was renamed by GDAL") }
            return i
        }
    }

    private func set(_ value: JSONValue, _ column: OutputColumn, _ i: Int32, on feature: OGRFeatureH,
                     table: String, row: Int) throws {
        let wrong = { (what: String) in
            fail(table, row, "column \(column.name): \(value.jsonText) is not \(what)")
        }
        if value == .null {
            OGR_F_SetFieldNull(feature, i)
            return
        }
        switch column.type {
        case .date:
            guard let text = value.stringValue, let day = Day(iso: text) else { throw wrong("a date (YYYY-MM-DD)") }
            let (y, m, d) = day.components
            guard let year = Int32(exactly: y) else { throw wrong("a date GDAL can hold") }
            OGR_F_SetFieldDateTimeEx(feature, i, year, Int32(m), Int32(d), 0, 0, 0, 0)
        case .boolean:
            guard let b = value.boolValue else { throw wrong("true or false") }
            OGR_F_SetFieldInteger(feature, i, b ? 1 : 0)
        case .integer:
            guard let x = value.numberValue, let n = Int64(exactly: x) else { throw wrong("a whole number") }
            OGR_F_SetFieldInteger64(feature, i, n)
        case .real:
            guard let x = value.numberValue else { throw wrong("a number") }
            OGR_F_SetFieldDouble(feature, i, x)
        case .text:
            OGR_F_SetFieldString(feature, i, value.stringValue ?? value.jsonText)
        case .json:
            OGR_F_SetFieldString(feature, i, value.jsonText)
        }
    }

    /// The first error GDAL raised since `mark`: after one failed statement PostgreSQL refuses
    /// every later one ("current transaction is aborted"), so the first says what went wrong.
    private func cause(since mark: Int, _ fallback: String) -> String {
        messages.errors.count > mark ? GDALCalls.Messages.oneLine(messages.errors[mark]) : fallback
    }

    private func fail(_ table: String?, _ feature: Int?, _ reason: String) -> LayerWriteError {
        LayerWriteError(output: shown, table: table, feature: feature, reason)
    }
}

extension ColumnType {
    var fieldType: OGRFieldType {
        switch self {
        case .date: return OFTDate
        case .boolean: return OFTInteger
        case .integer: return OFTInteger64
        case .real: return OFTReal
        case .text, .json: return OFTString
        }
    }

    var fieldSubType: OGRFieldSubType {
        switch self {
        case .boolean: return OFSTBoolean
        case .json: return OFSTJSON
        default: return OFSTNone
        }
    }
}
