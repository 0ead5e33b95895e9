import CordonCore
import CordonGeometry

extension Pocket {
    /// The pocket as a GeoJSON feature with the properties of `cordon enclosure`.
    /// `date`: the day asked with `--date`; a timeline pocket carries `from`/`until`/`since`.
    /// Its `id` is `pocket-N@DAY` (`FeatureID`).
    public func feature(date: Day? = nil) -> Feature {
        var p = JSONObject()
        p["pocket"] = .number(Double(index))
        p["controller"] = .string(controller)
        p["status"] = .string(status)
        p["encircled"] = .bool(encircled)
        p["area_km2"] = .number(NumberText.rounded(areaKm2, places: 9))
        p["perimeter_km"] = .number(NumberText.rounded(perimeterKm, places: 6))
        p["hostile_share"] = .number(NumberText.rounded(hostileShare, places: 6))
        p["population"] = .number(population.rounded())
        p["closure_m"] = closureM.map { .number($0.rounded()) } ?? .null
        if let districts { p["districts"] = .array(districts.map { .string($0) }) }
        p.stamp(period, date: date)
        if period != nil { p["since"] = since.map { .string($0.description) } ?? .null }
        return Feature(geometry: geometry, properties: p).identified(id(date: date))
    }

    /// The pocket's stable id: `pocket-N` and its period's first day, or the day asked.
    public func id(date: Day? = nil) -> String {
        FeatureID.make("pocket-\(index)", period: period, date: date)
    }
}

/// The one-line summary of `cordon enclosure` (on the pockets of one date).
package struct EnclosureSummary: Sendable {
    /// Pockets found.
    package var pockets: Int
    /// Pockets encircled.
    package var encircled: Int
    /// Area of the encircled pockets together, km².
    package var encircledKm2: Double
    /// Residents of the encircled pockets together, each pocket's rounded first.
    package var encircledPopulation: Double

    /// The summary of the pockets of one date.
    package init(_ pockets: [Pocket]) {
        self.pockets = pockets.count
        let inside = pockets.filter(\.encircled)
        encircled = inside.count
        encircledKm2 = inside.reduce(0) { $0 + $1.areaKm2 }
        encircledPopulation = inside.reduce(0) { $0 + $1.population.rounded() }
    }

    /// The summary of a timeline's last period: the pockets of the map's last period, none when
    /// the besieged side holds nothing by then (never an earlier period's pockets).
    package init(lastPeriodOf pockets: [Pocket], periods: [Period]) {
        let last = periods.last
        self.init(pockets.filter { $0.period == last })
    }

    /// The summary as `cordon enclosure` writes it: `pockets`, `encircled`, `encircled_km2`,
    /// `encircled_population`.
    package var json: JSONObject {
        ["pockets": .number(Double(pockets)), "encircled": .number(Double(encircled)),
         "encircled_km2": .number(NumberText.rounded(encircledKm2, places: 6)),
         "encircled_population": .number(encircledPopulation)]
    }
}
