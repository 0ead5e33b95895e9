/// A setting of an enclosure or route analysis outside what makes sense on Earth. The library
/// names the setting; the command line turns it into its flag (`--fire-range`) and a scenario
/// into its key (`fire_range_m`).
public struct SiegeOptionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Which setting.
    public enum Setting: String, Sendable, CaseIterable {
        /// The snap distance (`--snap`, scenario key `snap`).
        case snap
        /// The fire range (`--fire-range`, scenario key `fire_range_m`).
        case fireRange = "fire range"
        /// The walking distance to a corridor (`--walk`, scenario key `walk_m`).
        case walk
    }

    /// Which setting is out of bounds.
    public let setting: Setting
    /// The value given, in metres.
    public let value: Double
    /// The values allowed, in metres.
    public let allowed: ClosedRange<Double>

    /// An error for `setting` set to `value` metres, outside `allowed`.
    public init(setting: Setting, value: Double, allowed: ClosedRange<Double>) {
        self.setting = setting
        self.value = value
        self.allowed = allowed
    }

    /// "must be a number of metres from 0 to 300000, got 1e+07", without the setting's name.
    public var reason: String {
        "must be a number of metres from \(Self.text(allowed.lowerBound)) to \(Self.text(allowed.upperBound)), got \(Self.text(value))"
    }

    /// The one-line message: `fire range: must be a number of metres from 0 to 300000, got …`.
    public var description: String { "\(setting.rawValue): \(reason)" }

    private static func text(_ x: Double) -> String {
        x.isFinite && x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }
}

/// The bounds every analysis checks: metric work runs in a projected zone, so a distance has to
/// stay well within that zone's reach (docs/design.md#limits).
public enum SiegeLimits {
    /// Gaps wider than 10 km are not street gaps but unmapped ground.
    public static let snap: ClosedRange<Double> = 0...10_000
    /// 300 km covers the longest-range rocket artillery.
    public static let fireRange: ClosedRange<Double> = 0...300_000
    /// 300 km is more than any walk to a corridor.
    public static let walk: ClosedRange<Double> = 0...300_000

    static func check(_ setting: SiegeOptionError.Setting, _ value: Double, _ allowed: ClosedRange<Double>) throws {
        guard value.isFinite, allowed.contains(value) else {
            throw SiegeOptionError(setting: setting, value: value, allowed: allowed)
        }
    }
}

extension EnclosureOptions {
    /// Throws `SiegeOptionError` for a snap outside `SiegeLimits.snap`.
    ///
    /// - Throws: ``SiegeOptionError`` naming the setting, the value and the bounds.
    public func validate() throws {
        try SiegeLimits.check(.snap, snap, SiegeLimits.snap)
    }
}

extension RouteOptions {
    /// Throws `SiegeOptionError` for a snap, fire range or walk outside `SiegeLimits`.
    ///
    /// - Throws: ``SiegeOptionError`` for the first setting out of bounds.
    public func validate() throws {
        try SiegeLimits.check(.snap, snap, SiegeLimits.snap)
        try SiegeLimits.check(.fireRange, fireRange, SiegeLimits.fireRange)
        try SiegeLimits.check(.walk, walk, SiegeLimits.walk)
    }
}
