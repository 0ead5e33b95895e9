import CGDAL

extension GDALCalls {
    /// A C string list typed `CSLConstList` (`char **`), as GDAL's create calls take it, freed after `body`.
    static func withCreateOptions<T>(_ options: [String], _ body: (CSLConstList?) throws -> T) rethrows -> T {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for o in options { list = CSLAddString(list, o) }
        defer { CSLDestroy(list) }
        return try body(list)
    }
}
