/// What varies between Monte Carlo runs, and how many runs to make.
public struct Uncertainty: Sendable, Equatable {
    /// Monte Carlo runs to make; 0 for none.
    public var runs: Int
    /// The seed of the random numbers; the same seed gives the same spread.
    public var seed: UInt64
    /// Applied in this order in every run, so each draws the same stream positions.
    public var vary: [Variation]

    /// What Monte Carlo varies: `runs` runs from `seed`, drawing each entry of `vary` in order.
    public init(runs: Int, seed: UInt64, vary: [Variation] = []) {
        self.runs = runs
        self.seed = seed
        self.vary = vary
    }
}

/// One uncertain parameter and the distribution it is drawn from.
public struct Variation: Sendable, Equatable {
    /// The number replaced in each run.
    public var parameter: Parameter
    /// What it is drawn from.
    public var distribution: Distribution

    /// `parameter` drawn from `distribution` in every run.
    public init(_ parameter: Parameter, _ distribution: Distribution) {
        self.parameter = parameter
        self.distribution = distribution
    }
}

/// A number in a scenario that a Monte Carlo run may replace.
public enum Parameter: Sendable, Equatable, CustomStringConvertible {
    /// People inside on the first morning.
    case population
    /// A number of the supply at this position.
    case supply(Int, SupplyField)
    /// A number of the inflow at this position.
    case inflow(Int, InflowField)
    /// A number of the evacuation rule at this position.
    case evacuation(Int, EvacuationField)
    /// A number of the population change at this position.
    case populationChange(Int, PopulationChangeField)

    /// The numbers of a supply that may vary.
    public enum SupplyField: String, Sendable, CaseIterable {
        /// ``Supply/stock``.
        case stock
        /// ``Supply/needPerPersonDay``.
        case needPerPersonDay = "need_per_person_day"
        /// ``Supply/spoilagePerDay``, capped at 1 when drawn.
        case spoilagePerDay = "spoilage_per_day"
        /// ``PriceModel/elasticity`` of the supply's price index.
        case priceElasticity = "price.elasticity"
        /// ``PriceModel/cap`` of the supply's price index.
        case priceCap = "price.cap"
    }
    /// The numbers of an inflow that may vary.
    public enum InflowField: String, Sendable, CaseIterable {
        /// The amount a day of a daily inflow.
        case perDay = "per_day"
        /// The amount of a single delivery.
        case amount
        /// The share a daily inflow passes while its route is under fire.
        case underFireFactor = "under_fire_factor"
    }
    /// The numbers of an evacuation rule that may vary.
    public enum EvacuationField: String, Sendable, CaseIterable {
        /// ``Evacuation/perDay``.
        case perDay = "per_day"
        /// ``Evacuation/maxTotal``.
        case maxTotal = "max_total"
    }

    /// The numbers of a population change that may vary.
    public enum PopulationChangeField: String, Sendable, CaseIterable {
        /// ``PopulationChange/rate`` of a change given in people a day.
        case perDay = "per_day"
        /// ``PopulationChange/rate`` of a change given per 10,000 people a day.
        case perTenThousandDay = "per_10k_day"
        /// ``PopulationChange/maxTotal``.
        case maxTotal = "max_total"
    }

    /// The dotted path a scenario file uses (`supplies.<index>` here, since names live in the scenario).
    public var description: String {
        switch self {
        case .population: return "population"
        case .supply(let i, let f): return "supplies.\(i).\(f.rawValue)"
        case .inflow(let i, let f): return "inflows.\(i).\(f.rawValue)"
        case .evacuation(let i, let f): return "evacuation.\(i).\(f.rawValue)"
        case .populationChange(let i, let f): return "population_changes.\(i).\(f.rawValue)"
        }
    }
}

extension SupplyScenario {
    /// Sets one parameter (spoilage capped at 1). An inflow field that does not fit the inflow's schedule is ignored.
    ///
    /// - Parameters:
    ///   - parameter: The number to replace.
    ///   - value: Its new value, in the parameter's own unit.
    public mutating func set(_ parameter: Parameter, to value: Double) {
        switch parameter {
        case .population:
            population = value
        case .supply(let i, .stock): supplies[i].stock = value
        case .supply(let i, .needPerPersonDay): supplies[i].needPerPersonDay = value
        case .supply(let i, .spoilagePerDay): supplies[i].spoilagePerDay = min(value, 1)  // never more than all of it
        case .supply(let i, .priceElasticity): supplies[i].price?.elasticity = value
        case .supply(let i, .priceCap): supplies[i].price?.cap = value
        case .evacuation(let i, .perDay): evacuation[i].perDay = value
        case .evacuation(let i, .maxTotal): evacuation[i].maxTotal = value
        case .populationChange(let i, .maxTotal): populationChanges[i].maxTotal = value
        case .populationChange(let i, _): populationChanges[i].rate = value
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
