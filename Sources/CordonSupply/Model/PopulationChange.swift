import CordonCore

/// People dying, arriving or leaving other than by evacuation: a rate on the days of
/// [`from`, `until`), at most `maxTotal` in all, and with `whileShort` only on the days that
/// commodity is short (its ration cut or its stock empty).
public struct PopulationChange: Sendable, Equatable {
    /// What the change does to the people inside.
    public enum Kind: String, Sendable, CaseIterable {
        /// People die: the population falls.
        case deaths
        /// People come in: the population grows.
        case arrivals
        /// People leave other than by an evacuation rule: the population falls.
        case departures
    }

    /// What `rate` counts.
    public enum Basis: String, Sendable, CaseIterable {
        /// People a day (`per_day`).
        case people = "per_day"
        /// People a day for every 10,000 inside (`per_10k_day`), the usual unit of crude death rates.
        case perTenThousand = "per_10k_day"
    }

    /// Deaths, arrivals or departures.
    public var kind: Kind
    /// People a day, or per 10,000 inside a day, by `basis`.
    public var rate: Double
    /// Whether `rate` is people a day or a rate per 10,000 people a day.
    public var basis: Basis
    /// The first day of the change; nil for from the start.
    public var from: Day?
    /// The first day without it; nil for until the end.
    public var until: Day?
    /// Cap on everyone this rule ever moves; infinity when there is none.
    public var maxTotal: Double
    /// A commodity: the rule applies only on days its ration is cut or its stock is empty; nil for every day.
    public var whileShort: String?

    /// A population change.
    /// - Parameters:
    ///   - kind: Deaths, arrivals or departures.
    ///   - rate: People a day, or per 10,000 inside a day.
    ///   - basis: What `rate` counts.
    ///   - from: The first day; nil for the start.
    ///   - until: The first day without; nil for the end.
    ///   - maxTotal: The most people this rule moves in all.
    ///   - whileShort: The commodity whose shortage gates the rule; nil for none.
    public init(_ kind: Kind, rate: Double, basis: Basis = .people, from: Day? = nil, until: Day? = nil,
                maxTotal: Double = .infinity, whileShort: String? = nil) {
        self.kind = kind
        self.rate = rate
        self.basis = basis
        self.from = from
        self.until = until
        self.maxTotal = maxTotal
        self.whileShort = whileShort
    }

    /// The people this rule moves today, before its cap, with `population` inside.
    @inline(__always)
    func wanted(population: Double) -> Double {
        basis == .people ? rate : population * rate / 10_000
    }
}
