import CordonCore
import CordonGeometry
import CordonSiege

/// `fronts.geojson`: the focus pocket's boundary in each period, split by what lies across it:
/// `across` is a controller, `neutral` (neutral ground), `edge` (the study area's edge) or `gap`. Each front's `id` is its
/// pocket's with the side: `pocket-N@DAY/across-X`.
func frontLayer(_ result: ScenarioResult, palette: Palette) throws -> [Feature] {
    try distinctIDs(result.fronts.flatMap { period in
        try period.fronts.map { front in
            var f = front.feature().identified(FeatureID.make(period.pocket.id(), period: nil, part: "across-\(front.across)"))
            f.properties["pocket"] = .number(Double(period.pocket.index))
            f.properties.stamp(period.pocket.period)
            let colour: String
            switch front.across {
            case .controller(let name): colour = palette.colour(of: name)
            case .neutral: colour = Palette.neutral
            case .edge: colour = Palette.edge
            case .gap: colour = Palette.gap
            }
            Simplestyle.line(colour, width: 3).apply(to: &f.properties)
            return try f.asMultiLine()
        }
    })
}
