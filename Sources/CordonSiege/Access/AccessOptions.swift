/// What a road access analysis is asked (docs/design.md#roads): the question of a route
/// analysis (whose siege, allies, neutral ground, fire range, snap), and whether to avoid fire.
public struct AccessOptions: Sendable {
    /// Whose siege, the fire range (a model assumption) and snap, as `cordon routes` takes them.
    public var routes: RouteOptions
    /// Whether exposed roads are left out, instead of counted by their exposed length.
    public var avoidFire: Bool
    /// Metres a place or a corridor's entry may lie from its nearest road and still be joined
    /// to it (0 to 300,000); nil, the default, joins it however far (`to_road_m` says how far).
    /// Farther off, a place gets no times and an entry is not reached.
    public var maxToRoad: Double?
    /// Metres a base may lie from its nearest road and still be joined to it (0 to 300,000;
    /// default 1,000). Farther off it is no way out by road.
    public var basesMaxToRoad: Double = AccessOptions.defaultBasesMaxToRoad

    /// The default of ``basesMaxToRoad``: a kilometre's walk to the nearest road.
    public static let defaultBasesMaxToRoad = 1000.0
    /// The values ``maxToRoad`` and ``basesMaxToRoad`` may take, as for the fire range.
    public static let maxToRoadAllowed: ClosedRange<Double> = 0...300_000

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

    /// Throws for a route option, ``maxToRoad`` or ``basesMaxToRoad`` out of bounds.
    ///
    /// - Throws: ``SiegeOptionError`` for a route option, ``SiegeInputError`` naming `max to road`.
    public func validate() throws {
        try routes.validate()
        for m in [maxToRoad ?? 0, basesMaxToRoad] where !(m.isFinite && Self.maxToRoadAllowed.contains(m)) {
            throw SiegeInputError(file: "max to road", "must be a number of metres from 0 to 300000, got \(m)")
        }
    }

    /// Whether a place or an entry this many metres from its nearest road is joined to it.
    func joins(_ metres: Double) -> Bool { metres <= maxToRoad ?? .infinity }

    /// t = max(S, 1 m): a road with more than t metres inside hostile ground is cut.
    var tolerance: Double { routes.enclosure.tolerance }
}

/// The travel-time thresholds residents are counted within, in minutes.
public let accessThresholds = [15, 30, 60]
