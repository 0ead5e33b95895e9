import CordonGeometry
import CordonSiege

/// `pockets.geojson`: every pocket of the besieged side in every period, as `cordon enclosure
/// --timeline` writes them, plus `focus` (the pocket whose siege is simulated). Encircled
/// pockets are filled more strongly than open ones.
func pocketLayer(_ result: ScenarioResult, palette: Palette) -> [Feature] {
    distinctIDs(result.pockets.enumerated().map { k, pocket in
        var f = pocket.feature()
        // Evidence beside the model: what the events say of the pocket in its period.
        if let e = result.evidence, k < e.pockets.count { for (key, v) in e.pockets[k].properties { f.properties[key] = v } }
        let isFocus = result.siege.focusPockets.contains { $0.period == pocket.period && $0.index == pocket.index }
        f.properties["focus"] = .bool(isFocus)
        Simplestyle.area(palette.colour(of: pocket.controller), opacity: pocket.encircled ? 0.6 : 0.25,
                         width: isFocus ? 2 : 1).apply(to: &f.properties)
        return f
    })
}
