#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an uncertain parameter is drawn. Each draw uses a fixed number of uniforms (normal draws
/// retry while below 0), with formulas written out so other implementations can reproduce them.
public enum Distribution: Sendable, Equatable {
    /// a + (b − a)·u.
    case uniform(Double, Double)
    /// Inverse CDF of the triangle with lower end a, mode c and upper end b.
    case triangular(Double, Double, Double)
    /// mean + sd·z by Box–Muller, z = √(−2 ln(1 − u₁))·cos(2π u₂), redrawn while negative
    /// (truncated at 0; at most 64 tries, then 0).
    case normal(mean: Double, sd: Double)
    /// exp(mu + sigma·z), z from Box–Muller as above.
    case lognormal(mu: Double, sigma: Double)

    /// One value drawn with `rng`, taking a fixed number of its numbers (except for normal retries).
    public func draw(_ rng: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .uniform(let a, let b):
            return a + (b - a) * rng.nextUnit()
        case .triangular(let a, let c, let b):
            let u = rng.nextUnit()
            guard b > a else { return a }
            let split = (c - a) / (b - a)
            return u < split ? a + (u * (b - a) * (c - a)).squareRoot()
                             : b - ((1 - u) * (b - a) * (b - c)).squareRoot()
        case .normal(let mean, let sd):
            for _ in 0..<64 {
                let x = mean + sd * Self.standardNormal(&rng)
                if x >= 0 { return x }
            }
            return 0
        case .lognormal(let mu, let sigma):
            return exp(mu + sigma * Self.standardNormal(&rng))
        }
    }

    @inline(__always)
    static func standardNormal(_ rng: inout Xoshiro256StarStar) -> Double {
        let u1 = rng.nextUnit(), u2 = rng.nextUnit()
        return (-2 * log(1 - u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
