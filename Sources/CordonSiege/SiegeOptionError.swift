/// A setting of an enclosure or route analysis outside what makes sense on Earth. The library
/// names the setting; the command line turns it into its flag (`--fire-range`) and a scenario
/// into its key (`fire_range_m`).
public struct SiegeOptionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Which setting.
    public enum Setting: String, Sendable, CaseIterable {
        case snap
        case fireRange = "fire range"
        case walk
    }

    public let setting: Setting
    public let value: Double
    /// The values allowed, in metres.
    public let allowed: ClosedRange<Double>

    public init(setting: Setting, value: Double, allowed: ClosedRange<Double>) {
        self.setting = setting
        self.value = value
        self.allowed = allowed
    }

    /// "must be a number of metres from 0 to 300000, got 1e+07", without the setting's name.
    public var reason: String {
        "must be a number of metres from \(Self.text(allowed.lowerBound)) to \(Self.text(allowed.upperBound)), got \(Self.text(value))"
    }

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
    public func validate() throws {
        try SiegeLimits.check(.snap, snap, SiegeLimits.snap)
    }
}

extension RouteOptions {
    /// Throws `SiegeOptionError` for a snap, fire range or walk outside `SiegeLimits`.
    public func validate() throws {
        try SiegeLimits.check(.snap, snap, SiegeLimits.snap)
        try SiegeLimits.check(.fireRange, fireRange, SiegeLimits.fireRange)
        try SiegeLimits.check(.walk, walk, SiegeLimits.walk)
    }
}
