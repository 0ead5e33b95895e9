import CGDAL
import CordonCore
import CordonGeometry
import Foundation

/// One layer as read: its features in WGS84 lon/lat, 2-D, and what was done to get them there.
public struct SourceLayer {
    /// The source the layer came from.
    public var source: SourceName
    /// The layer's name (for a GeoJSON file: the file's name without its extension).
    public var name: String
    /// The features, in the layer's order, in lon/lat (WGS84) and 2-D.
    public var features: [Feature]
    /// The driver that read it: `GeoJSON` for Cordon's own reader, else GDAL's short name (`GPKG`, ...).
    public var driver: String
    /// The layer's coordinate system when it was not WGS84 lon/lat (`EPSG:3857`), nil otherwise.
    public var reprojectedFrom: String?
    /// How many features carried Z or M values, dropped on reading.
    public var droppedDimensions: Int = 0
    /// Every field the layer declares (for a GeoJSON file: every property seen), in order.
    public var fields: [String] = []

    /// One line on what was read, for the command's summary: `412 features from layer control
    /// (GPKG; reprojected from EPSG:3857; Z/M dropped from 412)`.
    public var summary: String {
        var notes = [driver]
        if let reprojectedFrom { notes.append("reprojected from \(reprojectedFrom)") }
        if droppedDimensions > 0 { notes.append("Z/M dropped from \(droppedDimensions)") }
        let n = features.count == 1 ? "1 feature" : "\(features.count) features"
        return "\(source): \(n) from layer \(name) (\(notes.joined(separator: "; ")))"
    }
}

/// Any vector source GDAL/OGR reads (GeoPackage, Shapefile, KML/KMZ, FlatGeobuf, CSV with a
/// WKT column or lon/lat columns, ESRI JSON, GML, PostGIS), and GeoJSON through Cordon's own
/// reader. Every layer comes out in WGS84 lon/lat and 2-D (docs/design.md#sources).
public struct VectorSource {
    /// The source as named.
    public let name: SourceName
    /// What is read before refusing the source.
    public var limits: SourceLimits

    /// A source to read; nothing is opened until asked.
    public init(_ name: SourceName, limits: SourceLimits = .held) {
        self.name = name
        self.limits = limits
    }

    /// The source's layers, in its order (a GeoJSON file has one).
    /// - Throws: ``SourceError`` when the source cannot be opened.
    public func layerNames() throws -> [String] {
        if name.isNativeGeoJSON { return [Self.fileStem(name.text)] }
        return try GDALCalls.capturing { messages in
            let ds = try open(messages)
            defer { GDALClose(ds) }
            return Self.layerNames(ds)
        }
    }

    /// One layer: `layer` by name, or the only one. With several layers and none named, the
    /// error lists them.
    ///
    /// - Parameters:
    ///   - layer: The layer's name; nil takes the source's only layer.
    ///   - context: The GEOS context to make geometries in.
    /// - Throws: ``SourceError``, or `GeoJSONError` from the native reader.
    public func read(layer: String? = nil, context: GEOSContext) throws -> SourceLayer {
        if name.isNativeGeoJSON { return try readGeoJSON(layer: layer, context: context) }
        return try GDALCalls.capturing { messages in
            let ds = try open(messages)
            defer { GDALClose(ds) }
            let names = Self.layerNames(ds)
            let chosen: String
            if let layer {
                guard names.contains(layer) else {
                    throw SourceError(source: name, "no layer \(layer); its layers are: \(Self.list(names))")
                }
                chosen = layer
            } else {
                guard names.count == 1 else {
                    throw SourceError(source: name, names.isEmpty
                        ? "holds no vector layer"
                        : "holds \(names.count) layers; name one with --layer (scenario: `layer:`): \(Self.list(names))")
                }
                chosen = names[0]
            }
            guard let handle = GDALDatasetGetLayerByName(ds, chosen) else {
                throw SourceError(source: name, layer: chosen, messages.reason("cannot open the layer"))
            }
            var reader = LayerReader(source: name, layerName: chosen, layer: handle, limits: limits, context: context)
            var result = try reader.read(messages)
            result.driver = Self.driverName(ds)
            return result
        }
    }

    /// Every layer of the source, in its order (for a series of snapshots kept as layers).
    /// - Throws: ``SourceError``, or `GeoJSONError` from the native reader.
    public func readAll(context: GEOSContext) throws -> [SourceLayer] {
        try layerNames().map { try read(layer: $0, context: context) }
    }

    // MARK: - Opening

    private func open(_ messages: GDALCalls.Messages) throws -> GDALDatasetH {
        let path = try openablePath()
        let flags = UInt32(GDAL_OF_VECTOR) | UInt32(GDAL_OF_READONLY) | UInt32(GDAL_OF_VERBOSE_ERROR)
        let lower = name.text.lowercased()
        let options = lower.hasSuffix(".csv") ? Self.csvOptions : []
        // A `.json` file that reaches here is ESRI JSON (the sniff said so): GDAL's GeoJSON driver
        // would claim it when `features` comes before the ESRI keys.
        let drivers = lower.hasSuffix(".json") ? ["ESRIJSON"] : []
        let ds = GDALCalls.withOptions(options) { open in
            GDALCalls.withOptions(drivers) { allowed in GDALOpenEx(path, flags, drivers.isEmpty ? nil : allowed, open, nil) }
        }
        guard let ds else {
            if name.isDatabase {
                throw SourceError(source: name, "cannot connect: \(SourceName.masked(messages.reason("the database did not answer")))")
            }
            throw SourceError(source: name, messages.reason("not a vector format GDAL reads"))
        }
        return ds
    }

    /// The path GDAL opens, after checking a file's size (and a zip's unpacked size) against the limits.
    private func openablePath() throws -> String {
        if name.isDatabase { return name.text }
        let path = name.text
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw SourceError(source: name, "no such file")
        }
        if !isFolder.boolValue {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular else {
                throw SourceError(source: name, "is not a regular file")
            }
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            if size > limits.fileBytes {
                throw SourceError(source: name, "the file is larger than the limit of \(limits.fileBytes >> 20) MiB")
            }
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".zip") || lower.hasSuffix(".kmz") {
            try ZipSize.check("/vsizip/" + path, limit: limits.unpackedBytes, source: name)
            if lower.hasSuffix(".zip") { return "/vsizip/" + path }
        }
        return path
    }

    /// CSV: a WKT column, or longitude and latitude columns, under the names people give them.
    private static let csvOptions = [
        "GEOM_POSSIBLE_NAMES=WKT,wkt,geometry,geom,the_geom,Geometry",
        "X_POSSIBLE_NAMES=lon,longitude,lng,long,x,Lon,Longitude,LON,LONGITUDE,X",
        "Y_POSSIBLE_NAMES=lat,latitude,y,Lat,Latitude,LAT,LATITUDE,Y",
        "KEEP_GEOM_COLUMNS=NO",
        "AUTODETECT_TYPE=YES",
    ]

    private static func layerNames(_ ds: GDALDatasetH) -> [String] {
        (0..<max(0, Int(GDALDatasetGetLayerCount(ds)))).compactMap { i in
            GDALDatasetGetLayer(ds, Int32(i)).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
    }

    private static func driverName(_ ds: GDALDatasetH) -> String {
        GDALGetDatasetDriver(ds).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) } ?? "GDAL"
    }

    private static func list(_ names: [String]) -> String {
        names.count > 20 ? names.prefix(20).joined(separator: ", ") + ", … (\(names.count) in all)" : names.joined(separator: ", ")
    }

    static func fileStem(_ path: String) -> String {
        if path == "-" { return "stdin" }
        let file = (path as NSString).lastPathComponent
        return (file as NSString).deletingPathExtension
    }

    // MARK: - GeoJSON

    private func readGeoJSON(layer: String?, context: GEOSContext) throws -> SourceLayer {
        let stem = Self.fileStem(name.text)
        if let layer, layer != stem {
            throw SourceError(source: name, "no layer \(layer); a GeoJSON file has one layer: \(stem)")
        }
        let (features, dropped) = try GeoJSONReader(context: context, maxBytes: GeoJSONReader.heldMaxBytes)
            .readCountingDropped(path: name.text)
        var seen = Set<String>(), fields: [String] = [], last: [String] = []
        for f in features {
            // Features mostly share one array of keys (the reader shares it): seen once is enough.
            let keys = f.properties.keys
            if keys == last { continue }
            last = keys
            for k in keys where seen.insert(k).inserted { fields.append(k) }
        }
        return SourceLayer(source: name, name: stem, features: features, driver: "GeoJSON",
                           droppedDimensions: dropped, fields: fields)
    }
}
