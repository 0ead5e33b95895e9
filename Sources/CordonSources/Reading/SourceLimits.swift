/// How much of a source Cordon takes before refusing it, so that no input can exhaust memory.
public struct SourceLimits: Sendable, Equatable {
    /// The largest file read, in bytes (a GeoPackage, Shapefile's .shp, CSV, ...).
    public var fileBytes: Int
    /// The most a zip or KMZ may hold once unpacked, in bytes.
    public var unpackedBytes: Int
    /// The most geometry (as 2-D WKB) one layer may hold, in bytes; GEOS takes about three times it.
    public var geometryBytes: Int
    /// The most features one layer may hold.
    public var features: Int

    /// Limits from values.
    public init(fileBytes: Int, unpackedBytes: Int, geometryBytes: Int, features: Int) {
        self.fileBytes = fileBytes
        self.unpackedBytes = unpackedBytes
        self.geometryBytes = geometryBytes
        self.features = features
    }

    /// For layers an analysis holds in memory whole: the same bound as the native GeoJSON
    /// reader's 512 MiB, on the geometry itself.
    public static let held = SourceLimits(fileBytes: 4 << 30, unpackedBytes: 1 << 30, geometryBytes: 512 << 20,
                                          features: 20_000_000)
}
