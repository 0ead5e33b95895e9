#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One uncertain input of a sensitivity analysis: a number of the scenario, the values tried for
/// it, and where they come from.
public struct SensitivityInput: Sendable, Equatable {
    /// Where the low and high values come from.
    public enum Basis: String, Sendable {
        /// The input's `uncertainty:` range (``Distribution/oneAtATimeEnds``).
        case range
        /// The central value ± ``SensitivityOptions/spread``.
        case spread
    }

    /// The number replaced.
    public var parameter: Parameter
    /// Its dotted path as a scenario file writes it: `supplies.food.stock`, `inflows.0.per_day`.
    public var key: String
    /// In the analyst's words: "food stock", "food by Castello Road, a day".
    public var label: String
    /// Range or spread.
    public var basis: Basis
    /// The low value tried, in the parameter's unit.
    public var low: Double
    /// The scenario's own value.
    public var central: Double
    /// The high value tried.
    public var high: Double
    /// What Sobol sampling draws it from (range inputs only).
    public var distribution: Distribution?
}

extension Distribution {
    /// z of the 95th percentile of the standard normal, Φ⁻¹(0.95).
    static let z95 = 1.6448536269514722

    /// The low and high ends a one-at-a-time analysis tries: a and b for uniform and triangular
    /// (the ends written in the file), the 5th and 95th percentiles for normal (mean ∓ 1.645·sd,
    /// the low end at least 0) and lognormal (exp(mu ∓ 1.645·sigma)).
    public var oneAtATimeEnds: (low: Double, high: Double) {
        switch self {
        case .uniform(let a, let b), .triangular(let a, _, let b): return (a, b)
        case .normal(let mean, let sd): return (max(0, mean - Self.z95 * sd), mean + Self.z95 * sd)
        case .lognormal(let mu, let sigma): return (exp(mu - Self.z95 * sigma), exp(mu + Self.z95 * sigma))
        }
    }
}

extension SupplyScenario {
    /// The value `parameter` holds in this scenario; nil for an inflow field its schedule lacks
    /// (and a field this analysis does not know).
    public func value(of parameter: Parameter) -> Double? {
        switch parameter {
        case .population: return population
        case .supply(let i, let f):
            // Ifs rather than a switch: a field added later reads as unknown (nil), not as a build error.
            if f == .stock { return supplies[i].stock }
            if f == .needPerPersonDay { return supplies[i].needPerPersonDay }
            if f == .spoilagePerDay { return supplies[i].spoilagePerDay }
            if f == .priceElasticity { return supplies[i].price?.elasticity }
            if f == .priceCap { return supplies[i].price?.cap }
            return nil
        case .evacuation(let i, .perDay): return evacuation[i].perDay
        case .evacuation(let i, .maxTotal): return evacuation[i].maxTotal
        case .populationChange(let i, .maxTotal): return populationChanges[i].maxTotal
        case .populationChange(let i, _): return populationChanges[i].rate
        case .inflow(let i, let field):
            switch (inflows[i].schedule, field) {
            case (.daily(let p, _, _, _, _), .perDay): return p
            case (.daily(_, _, _, _, let k), .underFireFactor): return k
            case (.once(_, let a), .amount): return a
            default: return nil
            }
        }
    }

    /// `parameter` in the analyst's words: "people inside at start", "food stock (kg)",
    /// "food by Castello Road, a day (kg)".
    public func label(of parameter: Parameter) -> String {
        switch parameter {
        case .population: return "people inside at start"
        case .supply(let i, let f):
            let s = supplies[i]
            if f == .stock { return "\(s.commodity) stock (\(s.unit))" }
            if f == .needPerPersonDay { return "\(s.commodity) need per person a day (\(s.unit))" }
            if f == .spoilagePerDay { return "\(s.commodity) spoilage a day (share)" }
            return "\(s.commodity) \(f.rawValue)"

        case .inflow(let i, let f):
            let inflow = inflows[i]
            let unit = supplyIndex(of: inflow.commodity).map { " (\(supplies[$0].unit))" } ?? ""
            switch f {
            case .perDay: return "\(inflow.name), a day\(unit)"
            case .amount: return "\(inflow.name), amount\(unit)"
            case .underFireFactor: return "\(inflow.name), share passing under fire"
            }
        case .evacuation(let i, let f):
            return f == .perDay ? "evacuation \(i), people a day" : "evacuation \(i), most people in all"
        case .populationChange(let i, let f):
            return "\(populationChanges[i].kind.rawValue) (change \(i)), " + (f == .maxTotal ? "most in all" : "rate")
        }
    }
}
