/// What varies between Monte Carlo runs, and how many runs to make.
public struct Uncertainty: Sendable, Equatable {
    public var runs: Int
    public var seed: UInt64
    /// Applied in this order in every run, so each draws the same stream positions.
    public var vary: [Variation]

    public init(runs: Int, seed: UInt64, vary: [Variation] = []) {
        self.runs = runs
        self.seed = seed
        self.vary = vary
    }
}

/// One uncertain parameter and the distribution it is drawn from.
public struct Variation: Sendable, Equatable {
    public var parameter: Parameter
    public var distribution: Distribution

    public init(_ parameter: Parameter, _ distribution: Distribution) {
        self.parameter = parameter
        self.distribution = distribution
    }
}

/// A number in a scenario that a Monte Carlo run may replace.
public enum Parameter: Sendable, Equatable, CustomStringConvertible {
    case population
    case supply(Int, SupplyField)
    case inflow(Int, InflowField)
    case evacuation(Int, EvacuationField)

    public enum SupplyField: String, Sendable, CaseIterable {
        case stock, needPerPersonDay = "need_per_person_day", spoilagePerDay = "spoilage_per_day"
    }
    public enum InflowField: String, Sendable, CaseIterable {
        case perDay = "per_day", amount, underFireFactor = "under_fire_factor"
    }
    public enum EvacuationField: String, Sendable, CaseIterable {
        case perDay = "per_day", maxTotal = "max_total"
    }

    /// The dotted path a scenario file uses (`supplies.<index>` here, since names live in the scenario).
    public var description: String {
        switch self {
        case .population: return "population"
        case .supply(let i, let f): return "supplies.\(i).\(f.rawValue)"
        case .inflow(let i, let f): return "inflows.\(i).\(f.rawValue)"
        case .evacuation(let i, let f): return "evacuation.\(i).\(f.rawValue)"
        }
    }
}

extension SupplyScenario {
    /// Sets one parameter (spoilage capped at 1). An inflow field that does not fit the inflow's schedule is ignored.
    public mutating func set(_ parameter: Parameter, to value: Double) {
        switch parameter {
        case .population:
            population = value
        case .supply(let i, .stock): supplies[i].stock = value
        case .supply(let i, .needPerPersonDay): supplies[i].needPerPersonDay = value
        case .supply(let i, .spoilagePerDay): supplies[i].spoilagePerDay = min(value, 1)  // never more than all of it
        case .evacuation(let i, .perDay): evacuation[i].perDay = value
        case .evacuation(let i, .maxTotal): evacuation[i].maxTotal = value
        case .inflow(let i, let field):
            switch (inflows[i].schedule, field) {
            case (.daily(_, let r, let f, let u, let k), .perDay):
                inflows[i].schedule = .daily(perDay: value, route: r, from: f, until: u, underFireFactor: k)
            case (.daily(let p, let r, let f, let u, _), .underFireFactor):
                inflows[i].schedule = .daily(perDay: p, route: r, from: f, until: u, underFireFactor: value)
            case (.once(let d, _), .amount):
                inflows[i].schedule = .once(date: d, amount: value)
            default:
                break
            }
        }
    }
}
