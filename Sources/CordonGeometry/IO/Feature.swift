import CordonCore

/// A GeoJSON feature: a geometry (nil for `"geometry": null`), its properties in
/// input order, and an optional `id` (a string or a number).
public struct Feature {
    /// The shape, in lon/lat (WGS84) as GeoJSON requires; nil for `"geometry": null`.
    public var geometry: Geometry?
    /// The properties, in file order: `controller`, `from`, `until`, `population`, and any others.
    public var properties: JSONObject
    /// The feature's `id` member, a string or a number; nil when absent.
    public var id: JSONValue?

    /// A feature from its parts, as a writer will put them out.
    public init(geometry: Geometry?, properties: JSONObject = JSONObject(), id: JSONValue? = nil) {
        self.geometry = geometry
        self.properties = properties
        self.id = id
    }
}

extension Feature {
    /// The feature with `id` as both its `id` member (for web maps) and its first property
    /// (for GDAL and QGIS, which take a string `id` member as a field only when no `id`
    /// property exists, and for GeoPackage and PostGIS tables, which keep only properties).
    ///
    /// - Parameter id: A `FeatureID` such as `pocket-0@2016-07-17`.
    /// - Returns: The same feature, any earlier `id` property replaced.
    public func identified(_ id: String) -> Feature {
        var p: JSONObject = ["id": .string(id)]
        for (k, v) in properties where k != "id" { p.append(k, v) }
        return Feature(geometry: geometry, properties: p, id: .string(id))
    }
}
