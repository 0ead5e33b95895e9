import CordonCore
import CordonGeometry

/// The days `cordon run --snapshots` writes per-date layers for: `pockets-YYYY-MM-DD.geojson`
/// and the others, each holding only what is true that day, for map clients with no time
/// filter (geojson.io, GitHub's preview, a plain Leaflet layer).
public enum SnapshotDays: Sendable, Equatable {
    /// No per-date files.
    case none
    /// These days, each inside the run.
    case days([Day])
    /// The days the report's maps show (before the siege, each encirclement and reopening,
    /// the siege's end, the last day).
    case keyDates

    /// The layers written per date, by file name family, in the order written.
    public static let files = ["pockets", "fronts", "routes", "districts"].map {
        DatedFileName(prefix: $0 + "-", suffix: ".geojson")
    }

    /// Throws when a day lies outside the scenario's run, [start, end], naming it.
    /// - Throws: `ScenarioError` naming the scenario file, the day and the run's days.
    public func check(_ scenario: Scenario) throws {
        guard case .days(let days) = self else { return }
        let start = scenario.supply.start, end = scenario.supply.end
        for day in days where day < start || end < day {
            throw ScenarioError(file: scenario.file, path: "",
                                message: "--snapshots: \(day) is outside the run, \(start) to \(end)")
        }
    }
}

/// The features of a layer true on `day` (from ≤ day < until), each with `date` in the place
/// of `from` and without `until`: one day's map, with nothing stacked.
func snapshot(_ features: [Feature], on day: Day) -> [Feature] {
    let text = day.description
    return features.compactMap { f in
        let from = f.properties["from"]?.stringValue.flatMap(Day.init(iso:))
        let until = f.properties["until"]?.stringValue.flatMap(Day.init(iso:))
        guard Period(from: from, until: until).contains(day) else { return nil }
        var p = JSONObject()
        for (k, v) in f.properties where k != "until" {
            if k == "from" { p.append("date", .string(text)) } else { p.append(k, v) }
        }
        return Feature(geometry: f.geometry, properties: p, id: f.id)
    }
}
