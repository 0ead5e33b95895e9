#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// The largest z the Box–Muller formula can give: 1 − u₁ is at least 2^−53, so
    /// z ≤ √(−2 ln 2^−53) = √(106 ln 2), about 8.57.
    public static let largestStandardNormal = (-2 * log(0x1p-53)).squareRoot()

    /// The largest value a draw can take: b for uniform and triangular, mean + 8.57·sd for
    /// normal, exp(mu + 8.57·sigma) for lognormal (infinity when that overflows). The scenario
    /// loader refuses a distribution whose largest draw is above `SupplyLimits.maxAmount`.
    public var largestDraw: Double {
        switch self {
        case .uniform(_, let b), .triangular(_, _, let b): return b
        case .normal(let mean, let sd): return mean + sd * Self.largestStandardNormal
        case .lognormal(let mu, let sigma): return exp(mu + sigma * Self.largestStandardNormal)
        }
    }
}
