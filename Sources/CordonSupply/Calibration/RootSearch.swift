import CordonCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// Where a root search looks: [a, b] for uniform and triangular; mean ± 4 sd (not below 0)
    /// for normal; exp(mu ± 4 sigma) for lognormal.
    public var searchRange: ClosedRange<Double> {
        switch self {
        case .uniform(let a, let b), .triangular(let a, _, let b): return a...max(a, b)
        case .normal(let mean, let sd): return max(0, mean - 4 * sd)...(mean + 4 * sd)
        case .lognormal(let mu, let sigma): return exp(mu - 4 * sigma)...exp(mu + 4 * sigma)
        }
    }
}

/// The value of one varied input that makes the model hit one observation.
public struct RootFinding: Sendable, Equatable {
    /// The observation's position in the scenario.
    public var index: Int
    /// The value found; nil when no value in the range reaches the observation.
    public var value: Double?
    /// For a date, the values that give exactly the observed day run from `low` to `high`
    /// (equal to `value` for a number, or when the outcome jumps over the day).
    public var low: Double?, high: Double?
    /// The outcome at `value` (a day index or a number), or nil.
    public var outcome: Double?
    /// The outcomes at the two ends of the range searched.
    public var atLow: Double, atHigh: Double
    /// The range searched.
    public var range: ClosedRange<Double>
}

extension ObservationModel {
    /// For one varied input, the value that hits each observation exactly, by bisection on the
    /// outcome, which must move one way as the input grows (more stock, later depletion). Each
    /// search takes 60 halvings of `range`.
    ///
    /// - Parameters:
    ///   - variation: The one input varied; every other input keeps its central value.
    ///   - range: Where to look; the distribution's ``Distribution/searchRange`` by default.
    /// - Returns: One finding per observation the model compares, in scenario order.
    public func rootSearch(_ variation: Variation, range: ClosedRange<Double>? = nil) -> [RootFinding] {
        let range = range ?? variation.distribution.searchRange
        let lo = range.lowerBound, hi = range.upperBound
        let atLo = outcomes(vary: [variation], values: [lo]), atHi = outcomes(vary: [variation], values: [hi])
        var found: [RootFinding] = []
        for (o, observation) in scenario.observations.enumerated() {
            guard !atLo[o].isNaN, !atHi[o].isNaN else { continue }
            let target = observation.target(start: scenario.start)
            // Sign so the outcome rises with the input: s·g(lo) ≤ s·g(hi).
            let s: Double = atLo[o] <= atHi[o] ? 1 : -1
            // The ends are already known; only the points in between are simulated.
            let g = { (x: Double) in
                x == lo ? s * atLo[o] : x == hi ? s * atHi[o] : s * self.outcomes(vary: [variation], values: [x])[o]
            }
            let t = s * target
            var finding = RootFinding(index: o, atLow: atLo[o], atHigh: atHi[o], range: range)
            guard g(lo) <= t, t <= g(hi) else { found.append(finding); continue }
            // First value reaching the target: g(a) < t ≤ g(b).
            var a = lo, b = hi
            if g(lo) >= t { b = lo } else {
                for _ in 0..<60 { let mid = (a + b) / 2; if g(mid) < t { a = mid } else { b = mid } }
            }
            let first = b
            var last = first
            if observation.isDated, g(first) == t {
                // Last value still on the target day: g(a) ≤ t < g(b).
                a = first; b = hi
                if g(hi) <= t { a = hi } else {
                    for _ in 0..<60 { let mid = (a + b) / 2; if g(mid) <= t { a = mid } else { b = mid } }
                }
                last = a
            }
            let value = (first + last) / 2
            finding.value = value
            finding.low = first
            finding.high = last
            finding.outcome = outcomes(vary: [variation], values: [value])[o]
            found.append(finding)
        }
        return found
    }
}
