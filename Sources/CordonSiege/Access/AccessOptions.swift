/// What a road access analysis is asked (docs/design.md#roads).
public struct AccessOptions: Sendable {
    /// The controller whose pockets are served.
    public var besieged: String
    /// Controllers whose ground the besieged side may cross.
    public var allies: [String]
    /// Controllers whose ground neither cuts a road nor puts it under fire.
    public var neutral: [String]
    /// Metres from hostile ground within which a road is exposed to fire (a model assumption).
    public var fireRange: Double
    /// Metres; gaps narrower than this are closed when finding pockets.
    public var snap: Double
    /// Whether exposed roads are left out, instead of counted by their exposed length.
    public var avoidFire: Bool

    /// The question of an access analysis.
    /// - Parameters:
    ///   - besieged: The besieged controller, as the map names it.
    ///   - allies: Controllers whose ground the besieged side may cross.
    ///   - neutral: Controllers whose ground is not hostile.
    ///   - fireRange: Metres from hostile ground that count as under fire (0 to 300,000).
    ///   - snap: Metres; gaps narrower than this are closed when finding pockets (0 to 10,000).
    ///   - avoidFire: Leave out every road with more than t metres under fire.
    public init(besieged: String, allies: [String] = [], neutral: [String] = [], fireRange: Double = 1500,
                snap: Double = 0, avoidFire: Bool = false) {
        self.besieged = besieged
        self.allies = allies
        self.neutral = neutral
        self.fireRange = fireRange
        self.snap = snap
        self.avoidFire = avoidFire
    }

    var routes: RouteOptions {
        RouteOptions(besieged: besieged, allies: allies, neutral: neutral, fireRange: fireRange, snap: snap)
    }

    /// t = max(S, 1 m): a road with more than t metres inside hostile ground is cut.
    var tolerance: Double { max(snap, 1) }
}

/// The travel-time thresholds residents are counted within, in minutes.
public let accessThresholds = [15, 30, 60]
