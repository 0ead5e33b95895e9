/// What a route analysis is asked (docs/design.md#routes).
public struct RouteOptions: Sendable {
    public var besieged: String
    public var allies: [String]
    /// Metres: ground within this distance of hostile ground is under fire (default 1,500 m).
    public var fireRange: Double
    /// Metres, for the pockets the routes serve (as `cordon enclosure --snap`).
    public var snap: Double
    /// Metres people walk to a corridor's entry, for `reach_population` (default 3,000 m).
    public var walk: Double

    public init(besieged: String, allies: [String] = [], fireRange: Double = 1500, snap: Double = 0, walk: Double = 3000) {
        self.besieged = besieged
        self.allies = allies
        self.fireRange = fireRange
        self.snap = snap
        self.walk = walk
    }

    var enclosure: EnclosureOptions {
        EnclosureOptions(besieged: besieged, allies: allies, snap: snap, closure: false)
    }
}

/// A route's state on a date: `cut` when it crosses hostile ground, `under_fire` when it comes
/// within the fire range of it, `open` otherwise, `unknown` when the map does not cover it.
public enum RouteCondition: String, Sendable, CaseIterable {
    case open
    case underFire = "under_fire"
    case cut
    case unknown
}

