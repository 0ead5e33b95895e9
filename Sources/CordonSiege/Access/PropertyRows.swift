import CordonCore
import CordonGeometry

/// The properties of one layer's features on one day or period, made thousands of times with
/// the same keys: the key list, and the index over it, is made once and shared by every row,
/// so no feature hashes or compares its keys (docs/design.md#roads).
///
/// A row's keys are `layer` (when one GeoJSON file holds every layer), `id`, the layer's own
/// names, then the `date` or `from`/`until` stamp.
struct PropertyRows {
    private let keys: JSONObject
    private let head: [JSONValue]
    private let stamp: [JSONValue]
    private let period: Period?, date: Day?

    /// Rows with these `names` between the `id` and the stamp of `period` or `date`.
    init(layer: String?, _ names: [String], period: Period?, date: Day?) {
        var stamped = JSONObject()
        stamped.stamp(period, date: date)
        var keys = JSONObject()
        if let layer { keys.append("layer", .string(layer)) }
        keys.append("id", .null)
        for n in names { keys.append(n, .null) }
        for (k, v) in stamped { keys.append(k, v) }
        self.keys = keys
        self.head = layer.map { [.string($0)] } ?? []
        self.stamp = stamped.values
        self.period = period
        self.date = date
    }

    /// A feature named `name` (and `part`), its values in the order of the names given.
    func feature(_ geometry: Geometry?, _ name: String, part: String? = nil, _ values: [JSONValue]) -> Feature {
        let id = FeatureID.make(name, period: period, date: date, part: part)
        var all = head
        all.reserveCapacity(keys.count)
        all.append(.string(id))
        all += values
        all += stamp
        return Feature(geometry: geometry, properties: JSONObject(keysOf: keys, values: all), id: .string(id))
    }
}
