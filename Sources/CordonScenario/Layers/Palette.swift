import CordonSiege

/// Colours for every layer, from the Okabe–Ito palette (Okabe & Ito, "Color Universal Design",
/// 2002), which stays distinguishable under the common forms of colour blindness.
/// One controller has one colour in every layer; route conditions have colours of their own.
package struct Palette: Sendable {
    /// Okabe–Ito colours for controllers: blue, vermillion, reddish purple, sky blue, yellow.
    static let controllerColours = ["#0072B2", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"]
    /// For routes: bluish green open, orange under fire, black cut; grey when the map is silent.
    static let open = "#009E73", underFire = "#E69F00", cut = "#000000", unknown = "#999999"
    /// For a corridor declared open but cut (it crosses hostile ground): wine, from Paul Tol's
    /// muted scheme, since Okabe–Ito has no colour left; darker than every controller's colour
    /// and apart in hue from the open green and the cut black.
    static let corridorCut = "#882255"
    /// For neutral ground (docs/design.md#neutral-ground): indigo, from Paul Tol's muted scheme,
    /// darker than every controller's colour; the besieged blue, the nearest in hue, is hatched
    /// on the report's maps. Neutral parties never take a controller's colour.
    static let neutral = "#332288"
    /// For fronts that face no one: the study area's edge and gaps in the map.
    static let edge = "#000000", gap = "#999999"

    private let colours: [String: String]
    private let neutralSet: Set<String>

    /// The besieged side takes the first colour, its allies the next, then every other
    /// controller in name order; past five controllers the colours repeat. Neutral
    /// controllers (allied or not) all take ``neutral`` and use up none of the others.
    package init(besieged: String, allies: [String], neutral: [String] = [], controllers: [String]) {
        let neutralSet = Set(neutral.filter { $0 != besieged })
        var order = [besieged] + allies.filter { $0 != besieged && !neutralSet.contains($0) }
        order += controllers.sorted().filter { !order.contains($0) && !neutralSet.contains($0) }
        var colours: [String: String] = [:]
        for (i, name) in order.enumerated() { colours[name] = Self.controllerColours[i % Self.controllerColours.count] }
        for name in neutralSet { colours[name] = Self.neutral }
        self.colours = colours
        self.neutralSet = neutralSet
    }

    /// Whether `controller` was given as neutral, so legends can say so in words too.
    package func isNeutral(_ controller: String) -> Bool { neutralSet.contains(controller) }

    /// The colour of `controller`, as `#RRGGBB`; grey for a controller the palette was not told of.
    package func colour(of controller: String) -> String { colours[controller] ?? Self.unknown }

    /// A route's colour: a supply route's for what the map says of it; a corridor's by
    /// ``corridorColour(declaredOpen:status:)``.
    static func routeColour(_ state: RouteState) -> String {
        guard state.route.kind == .corridor else { return routeColour(state.condition) }
        return corridorColour(declaredOpen: state.declaredOpen ?? true, cut: state.condition == .cut)
    }

    /// A corridor's colour: grey when not declared open; declared open, ``corridorCut`` when it
    /// is cut (it crosses hostile ground, as most corridors do) and the open green otherwise.
    static func corridorColour(declaredOpen: Bool, cut: Bool) -> String {
        guard declaredOpen else { return unknown }
        return cut ? corridorCut : open
    }

    /// A supply route's colour for what the map says of it.
    static func routeColour(_ condition: RouteCondition) -> String {
        switch condition {
        case .open: return open
        case .underFire: return underFire
        case .cut: return cut
        case .unknown: return unknown
        }
    }
}
