import CordonGeometry
import CordonSiege

/// `routes.geojson`: each route in each period as `cordon routes --timeline` writes it
/// (`segment`: `whole`), with its hostile and exposed stretches. Supply routes are coloured by
/// their status; corridors, which cross the front by design, by whether they are declared open
/// and, when they are, by their status, a corridor declared open but cut in a colour of its own.
func routeLayer(_ result: ScenarioResult) throws -> [Feature] {
    try distinctIDs(result.routes.enumerated().flatMap { k, state in
        try state.features().map { feature in
            var f = feature
            let segment = f.properties["segment"]?.stringValue ?? "whole"
            if segment == "whole", let e = result.evidence, k < e.routes.count {
                for (key, v) in e.routes[k].properties.merging(state.evidenceProperties) { f.properties[key] = v }
            }
            let colour: String
            switch segment {
            case "hostile": colour = Palette.cut
            case "exposed": colour = Palette.underFire
            default: colour = Palette.routeColour(state)
            }
            let width = segment != "whole" ? 6.0 : state.route.kind == .supply ? 4.0 : 2.0
            Simplestyle.line(colour, width: width).apply(to: &f.properties)
            return try f.asMultiLine()
        }
    })
}
