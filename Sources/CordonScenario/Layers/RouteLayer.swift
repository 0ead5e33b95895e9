import CordonGeometry
import CordonSiege

/// `routes.geojson`: each route in each period as `cordon routes --timeline` writes it, with
/// its hostile and exposed stretches. Supply routes are coloured by their status; corridors,
/// which cross the front by design, by whether they are declared open.
func routeLayer(_ result: ScenarioResult) throws -> [Feature] {
    try result.routes.flatMap { state in
        try state.features().map { feature in
            var f = feature
            let colour: String
            switch f.properties["segment"]?.stringValue {
            case "hostile": colour = Palette.cut
            case "exposed": colour = Palette.underFire
            default:
                if state.route.kind == .corridor {
                    colour = state.declaredOpen ?? true ? Palette.open : Palette.unknown
                } else {
                    colour = Palette.routeColour(state.condition)
                }
            }
            let width = f.properties["segment"] == nil ? (state.route.kind == .supply ? 4.0 : 2.0) : 6.0
            Simplestyle.line(colour, width: width).apply(to: &f.properties)
            return try f.asMultiLine()
        }
    }
}
