import CordonCore

/// How one observation compares with the model: the central run and the Monte Carlo spread.
public struct HindcastLine: Sendable, Equatable {
    /// The observation's position in the scenario.
    public var index: Int
    /// The observation.
    public var observation: Observation
    /// The central run's outcome (a day index or a number; infinity: never by the end; NaN: not modelled).
    public var central: Double
    /// The Monte Carlo runs' 5th, 50th and 95th nearest-rank percentiles; NaN without runs.
    public var p5: Double, p50: Double, p95: Double
    /// Model minus observed for the central run and the median: days for a date, the value's unit otherwise.
    public var centralError: Double?, medianError: Double?
    /// Whether the observation lies within P5–P95 (nil when not modelled or without runs).
    public var inside: Bool?
}

/// A scenario scored against its observations.
public struct Hindcast: Sendable {
    /// The scenario's name.
    public var name: String
    /// Its first day, day index 0.
    public var start: Day
    /// Monte Carlo runs behind the spread, and their seed.
    public var runs: Int, seed: UInt64
    /// One line per observation, in scenario order.
    public var lines: [HindcastLine]

    /// Scores `model` at its central values and over `runs` Monte Carlo runs of its `uncertainty`.
    ///
    /// - Parameters:
    ///   - model: The scenario's model, with its observations.
    ///   - runs: Monte Carlo runs; nil takes the scenario's.
    ///   - seed: The seed; nil takes the scenario's.
    ///   - jobs: Blocks of runs simulated at once.
    public static func score(_ model: ObservationModel, runs: Int? = nil, seed: UInt64? = nil, jobs: Int = 1) async -> Hindcast {
        let scenario = model.scenario
        let runs = runs ?? scenario.uncertainty?.runs ?? 0, seed = seed ?? scenario.uncertainty?.seed ?? 0
        let central = model.outcomes()
        let spread = await model.runs(runs, seed: seed, vary: scenario.uncertainty?.vary ?? [], jobs: jobs)
        let lines = scenario.observations.enumerated().map { o, observation in
            let (p5, p50, p95) = NearestRank.spread(of: spread.outcomes(of: o))
            let target = observation.target(start: scenario.start)
            return HindcastLine(index: o, observation: observation, central: central[o], p5: p5, p50: p50, p95: p95,
                                centralError: Agreement.miss(central[o], observation, start: scenario.start),
                                medianError: Agreement.miss(p50, observation, start: scenario.start),
                                inside: p5.isNaN ? nil : p5 <= target && target <= p95)
        }
        return Hindcast(name: scenario.name, start: scenario.start, runs: runs, seed: seed, lines: lines)
    }
}
