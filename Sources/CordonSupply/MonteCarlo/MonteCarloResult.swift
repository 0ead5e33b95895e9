import CordonCore

/// Where the depletion dates of all runs fall.
public struct DepletionSpread: Sendable, Equatable {
    /// Nearest-rank percentiles; nil when the percentile falls among runs that never deplete
    /// (those count as later than every date).
    public var p5: Day?, p50: Day?, p95: Day?
    /// Share of runs whose stock lasts to the end.
    public var never: Double
}

/// Percentiles 5, 50 and 95 of one stock on one day, across runs.
public struct StockBand: Sendable, Equatable {
    public var p5: Double, p50: Double, p95: Double
}

/// What many runs with drawn parameters say.
public struct MonteCarloResult: Sendable, Equatable {
    public var runs: Int
    public var seed: UInt64
    public var start: Day
    public var commodities: [String]
    /// `depletedDay[c][i]`: day index (0 = start) on which run i ran out of commodity c, nil if never.
    public var depletedDay: [[Int?]]
    public var depleted: [DepletionSpread]
    /// `stock[c][d]`: the spread of commodity c's end-of-day stock on day d.
    public var stock: [[StockBand]]
}
