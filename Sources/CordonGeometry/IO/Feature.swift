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
