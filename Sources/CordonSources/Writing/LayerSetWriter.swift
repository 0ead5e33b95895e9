import CGDAL
import CordonCore
import CordonGeometry
import Foundation

/// Writes a set of layers and attribute tables into one GeoPackage or one PostGIS database,
/// all or nothing (docs/design.md#outputs).
///
/// - A GeoPackage is built whole in a temporary file beside the destination and renamed over
///   it only when complete: an existing file is replaced whole or left exactly as it was.
/// - A database gets everything in one transaction: tables of the same names are replaced
///   inside it, and any failure rolls it back, so the database is as it was.
///
/// Every layer's geometry column is `geom`, SRID 4326 (WGS84 lon/lat), with a spatial index;
/// columns are typed by ``ColumnType``, dates as DATE, so QGIS's temporal controller takes
/// `from`/`until` as they are.
public struct LayerSetWriter {
    /// A writer.
    public init() {}

    /// Writes `layers`, then `tables`, into `output`.
    /// - Throws: ``LayerWriteError`` (bad values; a database that refuses the connection or a
    ///   statement), `FileWriteError` naming the GeoPackage when the file cannot be written.
    ///   Nothing is changed then.
    public func write(layers: [OutputLayer], tables: [OutputTable], to output: LayerOutput) throws {
        var names = Set<String>()
        for n in layers.map(\.name) + tables.map(\.name) where !names.insert(n.lowercased()).inserted {
            throw LayerWriteError(output: output.description, table: n, "two tables of this name")
        }
        switch output {
        case .geoPackage(let path):
            let staged = try AtomicFile.stage(path: path) { temp in
                try GDALCalls.capturing { messages in
                    try writeGeoPackage(temp, shown: path, layers: layers, tables: tables, messages)
                }
            }
            try staged.commit()
        case .database(let name):
            try GDALCalls.capturing { messages in
                try writeDatabase(name, layers: layers, tables: tables, messages)
            }
        }
    }

    // MARK: - GeoPackage

    private func writeGeoPackage(_ temp: String, shown path: String, layers: [OutputLayer], tables: [OutputTable],
                                 _ messages: GDALCalls.Messages) throws {
        // A file renamed into place when whole needs no journal of its own; fsync comes after.
        // gpkg_contents.last_change is fixed so that the same run gives the same bytes.
        let settings = [("OGR_SQLITE_JOURNAL", "OFF"), ("OGR_SQLITE_SYNCHRONOUS", "OFF"),
                        ("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")]
        for (k, v) in settings { CPLSetThreadLocalConfigOption(k, v) }
        defer { for (k, _) in settings { CPLSetThreadLocalConfigOption(k, nil) } }

        guard let driver = GDALGetDriverByName("GPKG") else {
            throw FileWriteError(path: path, reason: "this GDAL has no GeoPackage driver")
        }
        let created = GDALCalls.withCreateOptions([]) { GDALCreate(driver, temp, 0, 0, 0, GDT_Unknown, $0) }
        guard let ds = created else {
            throw FileWriteError(path: path, reason: messages.reason("GDAL cannot create it").replacingTemp(temp, with: path))
        }
        var closed = false
        defer { if !closed { GDALClose(ds) } }
        let target = TableTarget(ds: ds, shown: path, messages: messages,
                                 layerOptions: ["GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", "FID=fid"],
                                 tableOptions: ["FID=fid"])
        // One transaction: fast, and a failure leaves nothing half-written to rename.
        guard GDALDatasetStartTransaction(ds, 0) == OGRERR_NONE else {
            throw FileWriteError(path: path, reason: messages.reason("cannot start a transaction"))
        }
        do {
            try target.writeAll(layers: layers, tables: tables)
        } catch var e as LayerWriteError {
            // Cordon's own values always fit: a failure here is the file's (a full disk, a size limit).
            e.output = ""
            throw FileWriteError(path: path, reason: String(e.description.dropFirst(2)).replacingTemp(temp, with: path))
        }
        guard GDALDatasetCommitTransaction(ds) == OGRERR_NONE else {
            throw FileWriteError(path: path, reason: messages.reason("cannot commit").replacingTemp(temp, with: path))
        }
        closed = true
        GDALClose(ds)
        if let last = messages.errors.last {
            throw FileWriteError(path: path, reason: GDALCalls.Messages.oneLine(last).replacingTemp(temp, with: path))
        }
    }

    // MARK: - PostGIS

    private func writeDatabase(_ name: SourceName, layers: [OutputLayer], tables: [OutputTable],
                               _ messages: GDALCalls.Messages) throws {
        let shown = name.description
        let flags = UInt32(GDAL_OF_VECTOR) | UInt32(GDAL_OF_UPDATE) | UInt32(GDAL_OF_VERBOSE_ERROR)
        let opened = GDALCalls.withOptions(["PostgreSQL"]) { drivers in
            // Only the tables written are looked at: listing every table of a large database is slow.
            GDALCalls.withOptions(["LIST_ALL_TABLES=NO"]) { GDALOpenEx(name.text, flags, drivers, $0, nil) }
        }
        guard let ds = opened else {
            throw LayerWriteError(output: shown, "cannot connect: \(messages.reason("the database did not answer"))")
        }
        defer { GDALClose(ds) }
        // force = FALSE: a real transaction, which PostgreSQL keeps for DDL too.
        guard GDALDatasetStartTransaction(ds, 0) == OGRERR_NONE else {
            throw LayerWriteError(output: shown, "cannot start a transaction: \(messages.reason("refused"))")
        }
        let target = TableTarget(ds: ds, shown: shown, messages: messages,
                                 layerOptions: ["GEOMETRY_NAME=geom", "SPATIAL_INDEX=GIST", "OVERWRITE=YES", "LAUNDER=NO",
                                                "FID=fid"],
                                 tableOptions: ["OVERWRITE=YES", "LAUNDER=NO", "FID=fid"])
        do {
            try target.writeAll(layers: layers, tables: tables)
            guard GDALDatasetCommitTransaction(ds) == OGRERR_NONE else {
                throw LayerWriteError(output: shown, "cannot commit: \(messages.reason("refused"))")
            }
        } catch {
            _ = GDALDatasetRollbackTransaction(ds)
            throw error
        }
    }
}

extension String {
    /// GDAL's messages name the temporary file; the user named the destination.
    fileprivate func replacingTemp(_ temp: String, with path: String) -> String {
        var out = self
        while let r = out.range(of: temp) { out.replaceSubrange(r, with: path) }
        return out
    }
}
