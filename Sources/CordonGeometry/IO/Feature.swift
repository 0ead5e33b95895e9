import CordonCore

/// A GeoJSON feature: a geometry (nil for `"geometry": null`), its properties in
/// input order, and an optional `id` (a string or a number).
public struct Feature {
    public var geometry: Geometry?
    public var properties: JSONObject
    public var id: JSONValue?

    public init(geometry: Geometry?, properties: JSONObject = JSONObject(), id: JSONValue? = nil) {
        self.geometry = geometry
        self.properties = properties
        self.id = id
    }
}
