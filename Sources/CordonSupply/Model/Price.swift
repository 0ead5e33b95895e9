#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The price index of one commodity: a model, not a price series. Its price as a multiple of
/// the price before the siege, rising as the days of supply left fall (docs/design.md, "The
/// price index"):
///
///     multiple = min(cap, max(1, (D0 / D) ^ elasticity))
///
/// with D the days of supply left at full need (`days_left`) and D0 the days left on the first
/// day of the same run; `cap` once the stock is gone (D = 0) and 1 when nothing is needed.
public struct PriceModel: Sendable, Equatable {
    /// How steeply the price follows scarcity: the price flexibility, 1 / |price elasticity of
    /// demand|. 1 doubles the price when the days of supply halve.
    public var elasticity: Double
    /// The highest multiple the index takes, reached at the latest when the stock is gone.
    public var cap: Double

    /// A price index with the given steepness and ceiling.
    /// - Parameters:
    ///   - elasticity: The exponent on D0 / D, ≥ 0.
    ///   - cap: The highest multiple, ≥ 1.
    public init(elasticity: Double, cap: Double) {
        self.elasticity = elasticity
        self.cap = cap
    }

    /// The multiple on a day with `daysLeft` days of supply when the run started with `atStart`.
    ///
    /// - Parameters:
    ///   - daysLeft: D, the days of supply left at full need (infinity when nothing is needed).
    ///   - atStart: D0, the days left on the first day of the run.
    public func multiple(daysLeft: Double, atStart: Double) -> Double {
        if daysLeft.isNaN || atStart.isNaN { return 1 }
        if daysLeft <= 0 { return max(1, cap) }          // nothing left: the price at its ceiling
        if daysLeft >= atStart { return 1 }               // as well off as at the start, or better
        return min(max(1, cap), max(1, pow(atStart / daysLeft, elasticity)))
    }
}
