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
        let spread = await model.runs(runs, seed: seed, vary: scenario.uncertainty?.vary ?? [], jobs: jobs)
        return Hindcast(model, runs: runs, seed: seed, outcomes: spread.outcomes(of:))
    }
}

extension Hindcast {
    /// `model` scored at its central values and against `outcomes(o)`, every run's outcome of observation o.
    init(_ model: ObservationModel, runs: Int, seed: UInt64, outcomes: (Int) -> [Double]) {
        let scenario = model.scenario
        let central = model.outcomes()
        let lines = scenario.observations.enumerated().map { o, observation in
            let (p5, p50, p95) = NearestRank.spread(of: outcomes(o))
            let target = observation.target(start: scenario.start)
            return HindcastLine(index: o, observation: observation, central: central[o], p5: p5, p50: p50, p95: p95,
                                centralError: Agreement.miss(central[o], observation, start: scenario.start),
                                medianError: Agreement.miss(p50, observation, start: scenario.start),
                                inside: p5.isNaN ? nil : p5 <= target && target <= p95)
        }
        self.init(name: scenario.name, start: scenario.start, runs: runs, seed: seed, lines: lines)
    }
}

extension ObservationModel {
    /// The scenario's Monte Carlo and its hindcast from one pass over the same runs: each run
    /// records its stocks and its observations' outcomes together. The numbers are those of
    /// ``SupplyScenario/monteCarlo(runs:seed:jobs:access:progress:)`` and of
    /// ``Hindcast/score(_:runs:seed:jobs:)`` made apart, with the same runs and seed.
    ///
    /// - Parameters:
    ///   - runs: Runs to make; nil takes the scenario's ``Uncertainty/runs``.
    ///   - seed: The seed; nil takes the scenario's ``Uncertainty/seed``.
    ///   - jobs: Blocks of runs simulated at once.
    ///   - progress: Called with the number of runs done, as the Monte Carlo calls it.
    /// - Throws: ``SupplyError/tooLarge(_:)`` past ``SupplyLimits``; ``SupplyError/tooManyOutcomes(runs:observations:bytes:)``
    ///   when every run's outcomes would not fit (``SupplyScenario/outcomeBytes(runs:kept:)``).
    public func monteCarlo(runs: Int? = nil, seed: UInt64? = nil, jobs: Int = 1,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws -> (monteCarlo: MonteCarloResult, hindcast: Hindcast) {
        let runs = max(0, runs ?? scenario.uncertainty?.runs ?? 0), seed = seed ?? scenario.uncertainty?.seed ?? 0
        try scenario.checkSize(runs: runs)
        try scenario.checkOutcomes(runs: runs, kept: Self.keptInMonteCarlo(scenario))
        let (result, outcomes) = await scenario.monteCarlo(runs: runs, seed: seed, jobs: jobs, plan: plan,
                                                           stretch: scenario.stockStretch(runs: runs), observing: probe,
                                                           progress: progress)
        let m = probe.count
        return (result, Hindcast(self, runs: runs, seed: seed) { o in (0..<runs).map { outcomes[$0 * m + o] } })
    }

    /// Numbers a run of ``monteCarlo(runs:seed:jobs:progress:)`` keeps beside its outcomes: its
    /// recorder's state (three per supply, and the outcomes so far), held twice while a stretch
    /// of days runs, as the Monte Carlo holds its own state.
    public static func keptInMonteCarlo(_ scenario: SupplyScenario) -> Int {
        2 * (3 * scenario.supplies.count + scenario.observations.count)
    }
}
