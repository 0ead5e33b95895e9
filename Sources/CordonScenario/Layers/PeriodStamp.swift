import CordonGeometry
import CordonSiege

extension JSONObject {
    /// `from` (inclusive) and `until` (exclusive), the fields QGIS's temporal controller and
    /// other map tools animate by. Periods here are cut to the scenario, so both are set.
    mutating func stamp(_ period: Period?) {
        if let from = period?.from { self["from"] = .string(from.description) }
        if let until = period?.until { self["until"] = .string(until.description) }
    }
}
