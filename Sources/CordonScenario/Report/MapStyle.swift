import CordonSiege

/// How the maps draw each thing, so that colour is never the only cue: besieged ground is
/// hatched, route conditions differ in dash as well as colour, fronts facing no one are dashed
/// or dotted, routes and corridors carry their names.
enum MapStyle {
    /// Route lines by condition: colour from the layers' palette, dash of their own.
    static func route(_ condition: RouteCondition) -> (colour: String, dash: String?, words: String) {
        switch condition {
        case .open: return (Palette.open, nil, "open")
        case .underFire: return (Palette.underFire, "10 5", "under fire")
        case .cut: return (Palette.cut, "2 4", "cut")
        case .unknown: return (Palette.unknown, "1 3", "map silent")
        }
    }

    /// The focus pocket's fronts by what lies across: a controller solid in its colour, neutral
    /// ground dash-dotted in the neutral colour, the study area's edge dashed, a gap dotted.
    static func front(across: String, palette: Palette) -> (colour: String, dash: String?) {
        switch across {
        case "neutral": return (Palette.neutral, frontDash(across: across))
        case "edge": return (Palette.edge, frontDash(across: across))
        case "gap": return (Palette.gap, frontDash(across: across))
        default: return (palette.colour(of: across), nil)
        }
    }

    /// The dash of a front facing `across`: none for a controller.
    static func frontDash(across: String) -> String? {
        switch across {
        case "neutral": return "8 3 2 3"
        case "edge": return "8 4"
        case "gap": return "2 3"
        default: return nil
        }
    }

    /// Districts: besieged ground filled strongly (and hatched on top), the rest lightly.
    static func districtOpacity(besieged: Bool) -> String { besieged ? "0.7" : "0.3" }

    /// `hex` (`#RRGGBB`) at the district opacity over white, as one opaque colour: districts
    /// drawn so look as before yet hide the pockets drawn beneath them, which then show only
    /// where the districts layer does not reach.
    static func districtFill(_ hex: String, besieged: Bool) -> String {
        let opacity = besieged ? 0.7 : 0.3
        guard hex.count == 7, hex.first == "#", let value = Int(hex.dropFirst(), radix: 16) else { return hex }
        let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { c in
            Int((Double(c) * opacity + 255 * (1 - opacity)).rounded())
        }
        return "#" + channels.map { c in (c < 16 ? "0" : "") + String(c, radix: 16, uppercase: true) }.joined()
    }

    /// A stretch within fire range: a wide translucent band under the route.
    static let exposedWidth = "15", exposedOpacity = "0.6"

    /// The safest road out of a pocket (docs/design.md#roads): dashed green over a white casing.
    static let roadPathColour = "#1b7837", roadPathDash = "6 3", roadPathWidth = "2.5"
}
