import CordonCore

/// The accepted spread of one varied input.
public struct AcceptedRange: Sendable, Equatable {
    /// The input, as drawn.
    public var variation: Variation
    /// The 5th, 50th and 95th nearest-rank percentiles of the accepted runs' values; nil with none accepted.
    public var p5: Double?, p50: Double?, p95: Double?
    /// The lowest and highest value any run drew (the prior's reach).
    public var drawnLow: Double, drawnHigh: Double
}

/// How runs fared against one observation, on its own.
public struct ObservationCheck: Sendable, Equatable {
    /// The observation's position in the scenario.
    public var index: Int
    /// Whether the model says anything about it (NaN outcomes are not compared).
    public var compared: Bool
    /// Runs that agree with this observation alone.
    public var agreeing: Int
    /// The runs' outcomes: 5th, 50th and 95th percentile (infinity: never happens by the end).
    public var p5: Double, p50: Double, p95: Double
}

/// Approximate Bayesian computation by rejection: runs drawn from the `uncertainty:` ranges,
/// kept when they agree with every observation the model can compare.
public struct Calibration: Sendable {
    /// Runs drawn.
    public var runs: Int
    /// Their seed.
    public var seed: UInt64
    /// The agreement rule.
    public var rule: Agreement
    /// Runs that agree with every compared observation.
    public var accepted: Int
    /// Each varied input's accepted spread, in `vary` order.
    public var inputs: [AcceptedRange]
    /// Each observation on its own, in scenario order.
    public var checks: [ObservationCheck]

    /// Accepted runs as a share of runs drawn.
    public var acceptanceRate: Double { runs > 0 ? Double(accepted) / Double(runs) : 0 }

    /// The compared observation fewest runs agree with: the one that fails most.
    public var failedMost: ObservationCheck? {
        checks.filter(\.compared).min { $0.agreeing < $1.agreeing }
    }

    /// Rejection over `runs` (made by ``ObservationModel/runs(_:seed:vary:jobs:)``).
    ///
    /// - Parameters:
    ///   - runs: The runs, with their drawn values and outcomes.
    ///   - observations: The scenario's observations, in order.
    ///   - start: The scenario's first day.
    ///   - rule: When a run agrees with an observation.
    public init(_ runs: ObservationRuns, observations: [Observation], start: Day, rule: Agreement) {
        self.runs = runs.runs
        seed = runs.seed
        self.rule = rule
        let m = runs.observations
        var keep = [Bool](repeating: true, count: runs.runs)
        var checks: [ObservationCheck] = []
        for (o, observation) in observations.enumerated() where o < m {
            let outcomes = runs.outcomes(of: o)
            var agreeing = 0, compared = false
            for r in 0..<runs.runs {
                guard let ok = rule.accepts(miss: Agreement.miss(outcomes[r], observation, start: start), observation) else { continue }
                compared = true
                if ok { agreeing += 1 } else { keep[r] = false }
            }
            let (p5, p50, p95) = NearestRank.spread(of: outcomes)
            checks.append(ObservationCheck(index: o, compared: compared, agreeing: agreeing, p5: p5, p50: p50, p95: p95))
        }
        self.checks = checks
        accepted = keep.count { $0 }
        inputs = runs.vary.indices.map { j in
            let all = runs.values(of: j)
            let kept = zip(all, keep).compactMap { $1 ? $0 : nil }
            let (p5, p50, p95) = NearestRank.spread(of: kept)
            return AcceptedRange(variation: runs.vary[j], p5: kept.isEmpty ? nil : p5, p50: kept.isEmpty ? nil : p50,
                                 p95: kept.isEmpty ? nil : p95,
                                 drawnLow: all.min() ?? .nan, drawnHigh: all.max() ?? .nan)
        }
    }
}
