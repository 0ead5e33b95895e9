/// What a route analysis is asked (docs/design.md#routes).
public struct RouteOptions: Sendable {
    /// The controller whose pockets the routes serve.
    public var besieged: String
    /// Controllers whose ground is not hostile to the besieged side.
    public var allies: [String]
    /// Controllers whose ground is not hostile, though not passable (docs/design.md#neutral-ground).
    public var neutral: [String]
    /// Metres: ground within this distance of hostile ground is under fire (default 1,500 m).
    public var fireRange: Double
    /// Metres, for the pockets the routes serve (as `cordon enclosure --snap`).
    public var snap: Double
    /// Metres people walk to a corridor's entry, for `reach_population` (default 3,000 m).
    public var walk: Double

    /// The question of a route analysis.
    /// - Parameters:
    ///   - besieged: The besieged controller, as the map names it.
    ///   - allies: Controllers whose ground is not hostile.
    ///   - neutral: Controllers whose ground neither cuts a route nor puts it under fire.
    ///   - fireRange: Metres from hostile ground within which a route is under fire (0 to 300,000).
    ///   - snap: Metres; gaps narrower than this are closed when finding pockets (0 to 10,000).
    ///   - walk: Metres people walk to a corridor's entry, for its reach population (0 to 300,000).
    public init(besieged: String, allies: [String] = [], neutral: [String] = [], fireRange: Double = 1500,
                snap: Double = 0, walk: Double = 3000) {
        self.besieged = besieged
        self.allies = allies
        self.neutral = neutral
        self.fireRange = fireRange
        self.snap = snap
        self.walk = walk
    }

    var enclosure: EnclosureOptions {
        EnclosureOptions(besieged: besieged, allies: allies, neutral: neutral, snap: snap, closure: false)
    }
}

/// A route's state on a date: `cut` when it crosses hostile ground, `under_fire` when it comes
/// within the fire range of it, `open` otherwise (neutral ground is not hostile), `unknown` when the map does not cover it.
public enum RouteCondition: String, Sendable, CaseIterable {
    /// Neither through hostile ground nor within the fire range of it.
    case open
    /// Outside hostile ground, but within the fire range of it somewhere.
    case underFire = "under_fire"
    /// Crossing hostile ground somewhere.
    case cut
    /// The map does not say: the route lies off it, or in a gap.
    case unknown
}

