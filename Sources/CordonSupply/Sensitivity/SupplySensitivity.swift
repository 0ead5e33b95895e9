import CordonCore

/// How a sensitivity analysis is made.
public struct SensitivityOptions: Sendable, Equatable {
    /// One-at-a-time change of every scalar supply figure: 0.2 tries ×0.8 and ×1.2.
    public var spread: Double
    /// Sobol base sample N (N·(k + 2) runs for k uncertain inputs); 0 for one-at-a-time only.
    public var samples: Int
    /// The seed of the Sobol sample and its bootstrap.
    public var seed: UInt64
    /// Bootstrap replicates behind each confidence interval.
    public var bootstrap: Int

    /// The default spread, 20 %.
    public static let defaultSpread = 0.2
    /// The default bootstrap replicates.
    public static let defaultBootstrap = 1000

    /// How to analyse.
    /// - Parameters:
    ///   - spread: One-at-a-time spread, above 0 and below 1.
    ///   - samples: Sobol base sample; 0 for none.
    ///   - seed: The seed.
    ///   - bootstrap: Bootstrap replicates.
    public init(spread: Double = defaultSpread, samples: Int, seed: UInt64, bootstrap: Int = defaultBootstrap) {
        self.spread = spread
        self.samples = samples
        self.seed = seed
        self.bootstrap = bootstrap
    }
}

/// One answer a run gives, as a number whose sensitivity is measured.
public enum SensitivityMeasure: Sendable, Equatable {
    /// The day of the run (1 = start) a commodity runs out; a stock that lasts counts as days + 1.
    case depletedDay(Int)
    /// A commodity's days with a shortfall.
    case daysShort(Int)
    /// The lowest food energy per person in a day (0 for a run with nobody ever inside).
    case lowestKcal

    /// The measure's value in `outcome`, for a scenario of `days` days.
    func value(_ outcome: RunOutcome, days: Int) -> Double {
        switch self {
        case .depletedDay(let c): return Double((outcome.depletedDay[c] ?? days) + 1)
        case .daysShort(let c): return Double(outcome.daysShort[c])
        case .lowestKcal: return outcome.lowestKcal ?? 0
        }
    }
}

/// One input tried at its low and high values, every other number as in the scenario.
public struct OneAtATime: Sendable, Equatable {
    /// The input and the values tried.
    public var input: SensitivityInput
    /// Each measure's answer at the low value, in ``SupplySensitivity/measures`` order.
    public var low: [Double]
    /// Each measure's answer at the high value.
    public var high: [Double]
}

/// The Sobol indices of every measure over the scenario's `uncertainty:` ranges.
public struct SobolAnalysis: Sendable, Equatable {
    /// Base sample N.
    public var samples: Int
    /// Runs made: N·(k + 2).
    public var runs: Int
    /// The seed of the sample and the bootstrap.
    public var seed: UInt64
    /// The inputs sampled, in `uncertainty.vary` order.
    public var inputs: [SensitivityInput]
    /// Per measure, in ``SupplySensitivity/measures`` order.
    public var indices: [SobolIndices]
}

/// Which inputs move the answers, and by how much: one at a time and variance-based.
public struct SupplySensitivity: Sendable, Equatable {
    /// The first simulated day (day 1 of the measures).
    public var start: Day
    /// Simulated days; a stock that lasts counts as running out on day `days + 1`.
    public var days: Int
    /// Commodity names, in supply order.
    public var commodities: [String]
    /// What is measured, in output order: each commodity's depletion day and days short, then
    /// the lowest food energy per person when some supply has `kcalPerUnit`.
    public var measures: [SensitivityMeasure]
    /// Each measure in the central run.
    public var central: [Double]
    /// The one-at-a-time spread.
    public var spread: Double
    /// Range inputs first (in `uncertainty.vary` order), then every scalar supply figure ± spread.
    public var oneAtATime: [OneAtATime]
    /// Nil when the scenario has no `uncertainty:` ranges or no Sobol sample was asked.
    public var sobol: SobolAnalysis?

    /// A measure's name in the outputs: `food.depleted_day`, `food.days_short`, `kcal_min`.
    public func name(of measure: SensitivityMeasure) -> String {
        switch measure {
        case .depletedDay(let c): return "\(commodities[c]).depleted_day"
        case .daysShort(let c): return "\(commodities[c]).days_short"
        case .lowestKcal: return "kcal_min"
        }
    }
}

extension SupplyScenario {
    /// The inputs with an `uncertainty:` range, in `vary` order.
    public var rangeInputs: [SensitivityInput] {
        (uncertainty?.vary ?? []).map { v in
            let ends = v.distribution.oneAtATimeEnds
            return SensitivityInput(parameter: v.parameter, key: name(of: v.parameter), label: label(of: v.parameter),
                                    basis: .range, low: ends.low, central: value(of: v.parameter) ?? ends.low,
                                    high: ends.high, distribution: v.distribution)
        }
    }

    /// Every scalar supply figure, ± `spread`: people at start, each supply's stock and need per
    /// person a day, each inflow's amount a day or single amount.
    public func spreadInputs(_ spread: Double) -> [SensitivityInput] {
        var parameters: [Parameter] = [.population]
        for i in supplies.indices { parameters += [.supply(i, .stock), .supply(i, .needPerPersonDay)] }
        for (i, inflow) in inflows.enumerated() {
            if case .once = inflow.schedule { parameters.append(.inflow(i, .amount)) } else { parameters.append(.inflow(i, .perDay)) }
        }
        return parameters.compactMap { p in
            guard let x = value(of: p) else { return nil }
            return SensitivityInput(parameter: p, key: name(of: p), label: label(of: p), basis: .spread,
                                    low: x * (1 - spread), central: x, high: min(SupplyLimits.maxAmount, x * (1 + spread)),
                                    distribution: nil)
        }
    }

    /// What each measure is: each commodity's depletion day and days short, then the lowest
    /// food energy per person when some supply has `kcalPerUnit`.
    public var sensitivityMeasures: [SensitivityMeasure] {
        supplies.indices.flatMap { [SensitivityMeasure.depletedDay($0), .daysShort($0)] }
            + (supplies.contains { $0.kcalPerUnit != nil } ? [.lowestKcal] : [])
    }

    /// Runs needed: the central run, two per one-at-a-time input, and N·(k + 2) for Sobol.
    public func sensitivityRuns(_ options: SensitivityOptions) -> Int {
        let k = uncertainty?.vary.count ?? 0
        let oat = 1 + 2 * (k + spreadInputs(options.spread).count)
        return oat.plus(k > 0 ? options.samples.times(k + 2) : 0)
    }

    /// Which inputs move each measure: one at a time, then (with `options.samples` > 0 and
    /// `uncertainty:` ranges) Sobol indices over the ranges by Saltelli sampling.
    ///
    /// The Sobol sample's row j draws from `Xoshiro256StarStar(seed: options.seed, run: j)` (see
    /// ``SaltelliDesign``), and every run depends on its row alone, so the result is the same
    /// whatever `jobs` is.
    ///
    /// - Parameters:
    ///   - options: Spread, Sobol sample, seed, bootstrap.
    ///   - access: The status of each route per day; needed when an inflow names a route.
    ///   - jobs: Runs simulated at once.
    ///   - progress: Told the runs done and the total, after each stage.
    /// - Throws: ``SupplyError/tooLarge(_:)`` past ``SupplyLimits``; ``SupplyError`` when an
    ///   inflow names an unstocked commodity or an unknown route.
    public func sensitivity(_ options: SensitivityOptions, access: AccessTimeline? = nil, jobs: Int = 1,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> SupplySensitivity {
        let total = sensitivityRuns(options)
        try checkSize(runs: total)
        let measures = sensitivityMeasures, days = dayCount
        let answers = { (o: RunOutcome) in measures.map { $0.value(o, days: days) } }

        // One at a time: the central run, then each input low and high, in one batch.
        // A number with a range is also a supply figure tried ± spread: each is set once per run.
        let tried = rangeInputs + spreadInputs(options.spread)
        var parameters: [Parameter] = [], base: [Double] = []
        for input in tried where !parameters.contains(input.parameter) {
            parameters.append(input.parameter)
            base.append(input.central)
        }
        var rows: [[Double]] = [base]
        for input in tried {
            let p = parameters.firstIndex(of: input.parameter) ?? 0
            var low = base, high = base
            low[p] = input.low
            high[p] = input.high
            rows += [low, high]
        }
        let oat = try await outcomes(setting: parameters, to: rows, access: access, jobs: jobs).map(answers)
        progress?(rows.count, total)
        let oneAtATime = tried.indices.map { i in OneAtATime(input: tried[i], low: oat[1 + 2 * i], high: oat[2 + 2 * i]) }

        var sobol: SobolAnalysis?
        let ranges = rangeInputs
        if options.samples > 0, !ranges.isEmpty {
            let vary = uncertainty?.vary ?? []
            let design = SaltelliDesign(inputs: vary.count, samples: options.samples, seed: options.seed) { i, rng in
                vary[i].distribution.draw(&rng)
            }
            let runs = try await outcomes(setting: vary.map(\.parameter), to: design.points, access: access, jobs: jobs)
            let values = runs.map(answers)
            let bootstrap = options.bootstrap, seed = options.seed
            let indices = await inParallel(count: measures.count, jobs: jobs, progress: nil) { m in
                SobolIndices(design: design, values: values.map { $0[m] }, bootstrap: bootstrap, seed: seed)
            }
            progress?(total, total)
            sobol = SobolAnalysis(samples: options.samples, runs: design.count, seed: options.seed, inputs: ranges,
                                  indices: indices)
        }
        return SupplySensitivity(start: start, days: days, commodities: supplies.map(\.commodity), measures: measures,
                                 central: oat[0], spread: options.spread, oneAtATime: oneAtATime, sobol: sobol)
    }
}
