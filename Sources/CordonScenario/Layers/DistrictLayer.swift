import CordonCore
import CordonGeometry
import CordonSiege

/// `districts.geojson`: each district over each span of days in which who holds it and whether
/// it is besieged stay the same: `name`, `controller`, `besieged`, `population`, `from`, `until`;
/// `id` is `NAME@DAY`.
func districtLayer(_ result: ScenarioResult, palette: Palette) -> [Feature] {
    distinctIDs(result.districts.map { span in
        var p = JSONObject()
        p["name"] = .string(span.district.name)
        p["controller"] = span.controller.map(JSONValue.string) ?? .null
        p["besieged"] = .bool(span.besieged)
        p["population"] = span.district.population.map { .number($0.rounded()) } ?? .null
        p.stamp(span.period)
        let colour = span.controller.map(palette.colour(of:)) ?? Palette.unknown
        Simplestyle.area(colour, opacity: span.besieged ? 0.6 : 0.25, width: 0.5).apply(to: &p)
        return Feature(geometry: span.district.geometry, properties: p)
            .identified(FeatureID.make(span.district.name, period: span.period))
    })
}
