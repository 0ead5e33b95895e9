/// What a road access analysis is asked (docs/design.md#roads): the question of a route
/// analysis (whose siege, allies, neutral ground, fire range, snap), and whether to avoid fire.
public struct AccessOptions: Sendable {
    /// Whose siege, the fire range (a model assumption) and snap, as `cordon routes` takes them.
    public var routes: RouteOptions
    /// Whether exposed roads are left out, instead of counted by their exposed length.
    public var avoidFire: Bool

    /// The question of an access analysis.
    /// - Parameters:
    ///   - routes: Whose siege, allies, neutral ground, fire range (0 to 300,000 m) and snap (0 to 10,000 m).
    ///   - avoidFire: Leave out every road with more than t metres under fire.
    public init(_ routes: RouteOptions, avoidFire: Bool = false) {
        self.routes = routes
        self.avoidFire = avoidFire
    }

    /// The question of an access analysis, its route options given one by one.
    /// - Parameters:
    ///   - besieged: The besieged controller, as the map names it.
    ///   - allies: Controllers whose ground the besieged side may cross.
    ///   - neutral: Controllers whose ground is not hostile.
    ///   - fireRange: Metres from hostile ground that count as under fire (0 to 300,000).
    ///   - snap: Metres; gaps narrower than this are closed when finding pockets (0 to 10,000).
    ///   - avoidFire: Leave out every road with more than t metres under fire.
    public init(besieged: String, allies: [String] = [], neutral: [String] = [], fireRange: Double = 1500,
                snap: Double = 0, avoidFire: Bool = false) {
        self.init(RouteOptions(besieged: besieged, allies: allies, neutral: neutral, fireRange: fireRange, snap: snap),
                  avoidFire: avoidFire)
    }

    /// t = max(S, 1 m): a road with more than t metres inside hostile ground is cut.
    var tolerance: Double { routes.enclosure.tolerance }
}

/// The travel-time thresholds residents are counted within, in minutes.
public let accessThresholds = [15, 30, 60]
