import CordonCore

/// The supply model seen through a scenario's observations: each run gives one number per
/// observation, its *outcome* — the day index (0 = start) for a date, infinity when it does not
/// happen by the end; the value for `population` and `price_multiple`; NaN when the model says
/// nothing about it (`siege.start` and `siege.end` are inputs, and a price needs a `price` index).
public struct ObservationModel: Sendable {
    /// The scenario at its central values, with its observations.
    public let scenario: SupplyScenario
    let plan: DayPlan
    let probe: ObservationProbe

    /// The model of `scenario` on `access`.
    /// - Parameters:
    ///   - scenario: The supply model, with its observations.
    ///   - access: The status of each route per day; needed when an inflow names a route.
    /// - Throws: ``SupplyError`` as ``SupplyScenario/simulate(access:)`` does.
    public init(_ scenario: SupplyScenario, access: AccessTimeline?) throws {
        try scenario.checkSize(runs: 0)
        self.scenario = scenario
        plan = try DayPlan(scenario, access: access)
        probe = ObservationProbe(scenario)
    }

    /// The outcome of every observation in one run with each of `vary` at the value of `values`
    /// (the others at their central values).
    ///
    /// - Parameters:
    ///   - vary: The parameters set.
    ///   - values: Their values, in order.
    public func outcomes(vary: [Variation] = [], values: [Double] = []) -> [Double] {
        var ws = Workspace()
        var out = [Double](repeating: .nan, count: probe.count)
        out.withUnsafeMutableBufferPointer { buffer in
            run(scenario.with(vary, values: values), &ws, into: buffer.baseAddress!)
        }
        return out
    }

    /// One run of `variant` into `out[0..<probe.count]`.
    func run(_ variant: SupplyScenario, _ ws: inout Workspace, into out: UnsafeMutablePointer<Double>) {
        var state = [Double](repeating: 0, count: probe.width)
        state.withUnsafeMutableBufferPointer { state in
            probe.start(state.baseAddress!)
            var recorder = ObservationRecorder(probe: probe, scenario: variant, state: state.baseAddress!)
            plan.run(variant, &ws, &recorder)
            probe.outcomes(state.baseAddress!, into: out)
        }
    }

    /// `runs` runs, each drawing `vary` as Monte Carlo run i does (``SupplyScenario/draws(of:seed:run:)``);
    /// the same seed gives the same numbers whatever `jobs` is.
    ///
    /// - Parameters:
    ///   - runs: Runs to make.
    ///   - seed: The seed of the draws.
    ///   - vary: The parameters drawn, in order; the others keep their central values.
    ///   - jobs: Blocks of runs simulated at once.
    public func runs(_ runs: Int, seed: UInt64, vary: [Variation], jobs: Int) async -> ObservationRuns {
        let runs = max(0, runs)
        let k = vary.count, m = probe.count
        let model = self
        let parts = await inBlocks(count: runs, block: 500, jobs: jobs) { range, ws -> ([Double], [Double]) in
            var values = [Double](repeating: 0, count: range.count * k)
            var outcomes = [Double](repeating: .nan, count: range.count * m)
            outcomes.withUnsafeMutableBufferPointer { out in
                for (r, run) in range.enumerated() {
                    let drawn = SupplyScenario.draws(of: vary, seed: seed, run: run)
                    for j in 0..<k { values[r * k + j] = drawn[j] }
                    model.run(model.scenario.with(vary, values: drawn), &ws, into: out.baseAddress! + r * m)
                }
            }
            return (values, outcomes)
        }
        return ObservationRuns(runs: runs, seed: seed, vary: vary, observations: m,
                               values: parts.flatMap(\.0), outcomes: parts.flatMap(\.1))
    }
}

/// Many runs' drawn values and outcomes.
public struct ObservationRuns: Sendable {
    /// Runs made.
    public let runs: Int
    /// The seed they were drawn from.
    public let seed: UInt64
    /// The parameters drawn, in order.
    public let vary: [Variation]
    /// Observations per run.
    public let observations: Int
    /// `values[run * vary.count + j]`: the value run drew for `vary[j]`.
    public let values: [Double]
    /// `outcomes[run * observations + o]`: run's outcome for observation o (``ObservationModel``).
    public let outcomes: [Double]

    /// Every run's outcome for observation `o`.
    public func outcomes(of o: Int) -> [Double] { (0..<runs).map { outcomes[$0 * observations + o] } }

    /// Every run's value of `vary[j]`.
    public func values(of j: Int) -> [Double] { (0..<runs).map { values[$0 * vary.count + j] } }
}
