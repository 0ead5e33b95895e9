import CordonCore

/// Where the depletion dates of all runs fall.
public struct DepletionSpread: Sendable, Equatable {
    /// The 5th nearest-rank percentile; nil when it falls among runs that never deplete
    /// (those count as later than every date).
    public var p5: Day?
    /// The median, by nearest rank; nil when it falls among runs that never deplete.
    public var p50: Day?
    /// The 95th nearest-rank percentile; nil when it falls among runs that never deplete.
    public var p95: Day?
    /// Share of runs whose stock lasts to the end.
    public var never: Double
}

/// Percentiles 5, 50 and 95 of one stock on one day, across runs.
public struct StockBand: Sendable, Equatable {
    /// The 5th percentile, in the supply's unit.
    public var p5: Double
    /// The median, in the supply's unit.
    public var p50: Double
    /// The 95th percentile, in the supply's unit.
    public var p95: Double
}

/// What many runs with drawn parameters say.
public struct MonteCarloResult: Sendable, Equatable {
    /// Runs made.
    public var runs: Int
    /// The seed they were drawn from; the same seed gives the same result.
    public var seed: UInt64
    /// The first simulated day, day index 0.
    public var start: Day
    /// Commodity names, in supply order.
    public var commodities: [String]
    /// `depletedDay[c][i]`: day index (0 = start) on which run i ran out of commodity c, nil if never.
    public var depletedDay: [[Int?]]
    /// For each commodity, where the runs' depletion dates fall.
    public var depleted: [DepletionSpread]
    /// `stock[c][d]`: the spread of commodity c's end-of-day stock on day d.
    public var stock: [[StockBand]]
}
