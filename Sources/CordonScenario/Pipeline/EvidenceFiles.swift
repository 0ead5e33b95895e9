import CordonCore
import CordonGeometry
import CordonSiege

/// The evidence files of a run (docs/design.md#evidence): `events.geojson` (every event of the
/// scenario's days, placed or not), `alerts.csv` (the focus pocket), `alerts.geojson` (every
/// pocket), `prices.csv` and `prices.json`.
enum EvidenceFiles {
    /// The names a run may write, in the order written.
    static let names = ["events.geojson", "alerts.csv", "alerts.geojson", "prices.csv", "prices.json"]

    /// The names of the files this evidence gives.
    static func names(for evidence: ScenarioEvidence?) -> [String] {
        guard let evidence else { return [] }
        return (evidence.events != nil ? ["events.geojson", "alerts.csv", "alerts.geojson"] : [])
            + (evidence.prices != nil ? ["prices.csv", "prices.json"] : [])
    }

    /// The files this evidence gives, by name: only those it has the data for.
    static func files(_ evidence: ScenarioEvidence?, context: GEOSContext) throws -> [(name: String, bytes: [UInt8])] {
        guard let evidence else { return [] }
        var out: [(String, [UInt8])] = []
        if let events = evidence.events {
            let set = events.set
            var features: [Feature] = []
            for e in set.events where events.window.contains(e.day) {
                var p = JSONObject()
                p["date"] = .string(e.day.description)
                p["event_type"] = .string(set.types[Int(e.type)])
                p["sub_event_type"] = e.subType >= 0 ? .string(set.types[Int(e.subType)]) : .null
                p["fatalities"] = .number(e.fatalities)
                p["placed"] = .bool(e.placed)
                p["line"] = .number(Double(e.line))
                features.append(Feature(geometry: try context.point(Coordinate(e.lon, e.lat)), properties: p)
                    .identified("event-line-\(e.line)"))
            }
            out.append(("events.geojson", try GeoJSONWriter().collection(features)))
            var csv = "date,fatalities_30_days,previous_high\n"
            for a in evidence.alerts {
                csv += "\(a.day),\(JSONValue.number(a.fatalities).jsonText),\(JSONValue.number(a.previousHigh).jsonText)\n"
            }
            out.append(("alerts.csv", Array(csv.utf8)))
            out.append(("alerts.geojson", try GeoJSONWriter(reals: FractionalFields.names).collection(evidence.pocketAlerts)))
        }
        if let prices = evidence.prices, let quotes = evidence.quotes {
            out.append(("prices.csv", Array(prices.csv.utf8)))
            out.append(("prices.json", Array((prices.json(quotes).jsonText + "\n").utf8)))
        }
        return out
    }
}
