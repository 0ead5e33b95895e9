import Foundation

/// Tells ESRI JSON (an ArcGIS feature-service page) from GeoJSON by its first 8 KiB: both
/// are `.json`, but only ESRI JSON names `geometryType`, `spatialReference` or an
/// `esriGeometry` type.
enum EsriJSONSniff {
    static func looksLikeEsri(path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 8192) else { return false }
        let text = String(decoding: head, as: UTF8.self)
        return text.contains("\"geometryType\"") || text.contains("\"spatialReference\"") || text.contains("\"esriGeometry")
    }
}
