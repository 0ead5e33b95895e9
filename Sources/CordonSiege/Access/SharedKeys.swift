import CordonCore
import CordonGeometry

/// Properties made many times over with the same keys (a timeline's features, a hundred
/// thousand of them): each object takes the key list, and the index over it, of the last one
/// made with the same keys, instead of hashing its keys again.
struct SharedKeys {
    private var last: JSONObject?

    /// `key` first, then `rest`'s members in order (without any `key` among them when `replacing`).
    mutating func object(first key: String, _ value: JSONValue, then rest: JSONObject, replacing: Bool = true) -> JSONObject {
        if let t = last, t.count == rest.count + 1, t.keys[0] == key, t.keys.dropFirst().elementsEqual(rest.keys) {
            var values: [JSONValue] = []
            values.reserveCapacity(t.count)
            values.append(value)
            values += rest.values
            return JSONObject(keysOf: t, values: values)
        }
        var o = JSONObject()
        o.append(key, value)
        for (k, v) in rest where !replacing || k != key { o.append(k, v) }
        last = o
        return o
    }
}

extension Feature {
    /// As `identified(_:)`, the keys shared with the last feature made so.
    func identified(_ id: String, sharing keys: inout SharedKeys) -> Feature {
        Feature(geometry: geometry, properties: keys.object(first: "id", .string(id), then: properties), id: .string(id))
    }
}

extension AccessLayers {
    /// Every feature of `layers` in one list, each with its `layer` as its first property (one
    /// GeoJSON file holds them all).
    public static func tagged(_ layers: [(layer: String, features: [Feature])]) -> [Feature] {
        var keys = SharedKeys()
        return layers.flatMap { l in l.features.map { f in
            var g = f
            g.properties = keys.object(first: "layer", .string(l.layer), then: f.properties, replacing: false)
            return g
        } }
    }
}
