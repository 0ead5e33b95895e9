import CordonCore

/// Writes only end-of-day stocks of one stretch of days into one block of runs, laid out cell by
/// cell, `(c * stretch + d - first) * runsInBlock + run`, so each day's stocks across runs are contiguous.
private struct StockRecorder: DayRecorder {
    let base: UnsafeMutablePointer<Double>
    let first: Int
    let stretch: Int
    let runsInBlock: Int

    mutating func population(day: Int, population: Double, evacuated: Double) {}

    @inline(__always)
    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay) {
        base[(c * stretch + day - first) * runsInBlock] = record.stock
    }
}

/// Records a day for two recorders: the stocks and the observations' outcomes, in one pass.
private struct BothRecorders<A: DayRecorder, B: DayRecorder>: DayRecorder {
    var first: A
    var second: B

    @inline(__always)
    mutating func population(day: Int, population: Double, evacuated: Double) {
        first.population(day: day, population: population, evacuated: evacuated)
        second.population(day: day, population: population, evacuated: evacuated)
    }

    @inline(__always)
    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay) {
        first.commodity(c, day: day, record)
        second.commodity(c, day: day, record)
    }

    @inline(__always)
    mutating func endOfDay(_ day: Int, population: Double, moved: PeopleMoved) {
        first.endOfDay(day, population: population, moved: moved)
        second.endOfDay(day, population: population, moved: moved)
    }
}

/// The runs of one block: where each stands after the days run so far (`Workspace.save`), the
/// day each ran out of each supply (−1 while it lasts), the stocks of the last stretch, and
/// when observations are recorded, each run's ``ObservationRecorder`` state.
private struct Block: Sendable {
    var runs: Range<Int>
    var state: [Double] = []
    var depleted: [Int] = []
    var stocks: [Double] = []
    var observed: [Double] = []
}

/// Runs are simulated in blocks of this many; the block size never changes a result.
private let blockSize = 250

extension SupplyScenario {
    /// Runs the scenario `runs` times, each with its uncertain parameters drawn afresh.
    ///
    /// Run i draws from `Xoshiro256StarStar(seed: seed, run: i)`, taking the `vary` entries in
    /// order, so the result is the same whatever `jobs` is.
    ///
    /// Memory stays bounded however long the scenario: the runs go through the days a stretch
    /// at a time, each run taking up where it stopped, and each stretch's stocks are reduced to
    /// their percentiles before the next. The stretches never change a result.
    ///
    /// - Parameters:
    ///   - runs: Runs to make; nil takes the scenario's ``Uncertainty/runs``.
    ///   - seed: The seed; nil takes the scenario's ``Uncertainty/seed``.
    ///   - jobs: Blocks of runs simulated at once (1 keeps to one core).
    ///   - access: The status of each route per day; needed when an inflow names a route.
    ///   - progress: Called with the number of runs done (counting a share of each run's days)
    ///     after each block.
    /// - Returns: The depletion spread of each commodity and its stock bands day by day.
    /// - Throws: ``SupplyError/tooLarge(_:)`` past ``SupplyLimits``; ``SupplyError`` when an
    ///   inflow names an unstocked commodity or an unknown route.
    public func monteCarlo(runs: Int? = nil, seed: UInt64? = nil, jobs: Int = 1, access: AccessTimeline? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws -> MonteCarloResult {
        let runs = max(0, runs ?? uncertainty?.runs ?? 0)
        try checkSize(runs: runs)
        let plan = try DayPlan(self, access: access)
        return await monteCarlo(runs: runs, seed: seed ?? uncertainty?.seed ?? 0, jobs: jobs, plan: plan,
                                stretch: stockStretch(runs: runs), progress: progress)
    }

    /// Days of stocks kept at once for `runs` runs: as many as fit in `SupplyLimits.stockBuffer`.
    func stockStretch(runs: Int) -> Int {
        max(1, SupplyLimits.stockBuffer / max(1, runs.times(supplies.count).times(8)))
    }

    /// The runs, `stretch` days at a time.
    func monteCarlo(runs: Int, seed: UInt64, jobs: Int, plan: DayPlan, stretch: Int,
                    progress: (@Sendable (Int) -> Void)?) async -> MonteCarloResult {
        await monteCarlo(runs: runs, seed: seed, jobs: jobs, plan: plan, stretch: stretch, observing: nil,
                         progress: progress).result
    }

    /// The runs, `stretch` days at a time; with `probe`, also each run's outcome of each
    /// observation (``ObservationModel``), `outcomes[run * probe.count + o]`, from the same runs.
    func monteCarlo(runs: Int, seed: UInt64, jobs: Int, plan: DayPlan, stretch: Int, observing probe: ObservationProbe?,
                    progress: (@Sendable (Int) -> Void)?) async -> (result: MonteCarloResult, outcomes: [Double]) {
        let vary = uncertainty?.vary ?? []
        let scenario = self
        let commodities = supplies.count, days = plan.days
        let blockCount = (runs + blockSize - 1) / blockSize
        var blocks = (0..<blockCount).map { b in Block(runs: b * blockSize..<min(runs, (b + 1) * blockSize)) }
        var stock = Array(repeating: [StockBand](), count: runs > 0 ? commodities : 0)
        // At least one stretch, so even a scenario without days gives every run its state.
        let stretches = max(1, (days + stretch - 1) / stretch)

        for s in 0..<stretches {
            let range = s * stretch..<min(days, (s + 1) * stretch)
            let before = blocks
            blocks = await inParallel(count: blockCount, jobs: jobs, progress: { done in
                progress?(Int(Double(runs) * Double(s * blockCount + done) / Double(stretches * blockCount)))
            }) { b in
                scenario.simulate(before[b], days: range, plan: plan, vary: vary, seed: seed, observing: probe)
            }
            guard runs > 0 else { break }
            // Stock bands of this stretch, one commodity-day per task item, gathered across blocks.
            let current = blocks
            let cells = commodities * range.count
            let bandJobs = max(1, min(jobs, cells))
            let perJob = (cells + bandJobs - 1) / bandJobs
            let bandParts = await inParallel(count: bandJobs, jobs: jobs, progress: nil) { j in
                stockBands(cells: j * perJob..<min(cells, (j + 1) * perJob), blocks: current, runs: runs)
            }
            let flat = bandParts.flatMap { $0 }
            for c in 0..<commodities { stock[c] += flat[c * range.count..<(c + 1) * range.count] }
            for b in blocks.indices { blocks[b].stocks = [] }
        }

        var depletedDay = Array(repeating: [Int?](), count: commodities)
        for c in 0..<commodities { depletedDay[c].reserveCapacity(runs) }
        for block in blocks {
            for r in 0..<block.runs.count {
                for c in 0..<commodities {
                    let d = block.depleted[r * commodities + c]
                    depletedDay[c].append(d >= 0 ? d : nil)
                }
            }
        }
        let depleted = depletedDay.map { spread(of: $0, start: start) }
        var outcomes: [Double] = []
        if let probe {
            outcomes.reserveCapacity(runs * probe.count)
            for block in blocks {
                block.observed.withUnsafeBufferPointer { observed in
                    for r in 0..<block.runs.count {
                        let values = observed.baseAddress! + r * probe.width + 3 * probe.commodities
                        outcomes.append(contentsOf: UnsafeBufferPointer(start: values, count: probe.count))
                    }
                }
            }
        }
        return (MonteCarloResult(runs: runs, seed: seed, start: start, commodities: supplies.map(\.commodity),
                                 depletedDay: depletedDay, depleted: depleted, stock: stock), outcomes)
    }

    /// Takes each run of `block` through the days `range` from where it stopped (the first
    /// stretch starts it), recording the end-of-day stocks.
    private func simulate(_ block: Block, days range: Range<Int>, plan: DayPlan, vary: [Variation],
                          seed: UInt64, observing probe: ObservationProbe?) -> Block {
        var block = block
        let n = block.runs.count, commodities = plan.commodities
        let width = Workspace.stateWidth(commodities: commodities, evacuationRules: evacuation.count,
                                         populationChanges: populationChanges.count)
        var observed = block.observed
        if block.state.isEmpty {
            block.state = Array(repeating: 0, count: n * width)
            block.depleted = Array(repeating: -1, count: n * commodities)
            if let probe {
                observed = Array(repeating: 0, count: n * probe.width)
                observed.withUnsafeMutableBufferPointer { o in
                    for r in 0..<n { probe.start(o.baseAddress! + r * probe.width) }
                }
            }
        }
        var stocks = [Double](repeating: 0, count: n * commodities * range.count)
        var ws = Workspace()
        stocks.withUnsafeMutableBufferPointer { buffer in observed.withUnsafeMutableBufferPointer { observed in
            for (r, run) in block.runs.enumerated() {
                // The same draws in every stretch: the run's own generator, from its start.
                let variant = with(vary, values: Self.draws(of: vary, seed: seed, run: run))
                plan.begin(variant, &ws)
                if range.lowerBound > 0 {
                    ws.restore(from: block.state, at: r * width, depleted: block.depleted, depletedAt: r * commodities)
                }
                let recorder = StockRecorder(base: buffer.baseAddress! + r, first: range.lowerBound,
                                             stretch: range.count, runsInBlock: n)
                if let probe {
                    // The observations' outcomes, from where this run stopped, on the same days.
                    let track = ObservationRecorder(probe: probe, scenario: variant,
                                                    state: observed.baseAddress! + r * probe.width)
                    var both = BothRecorders(first: recorder, second: track)
                    plan.advance(variant, &ws, days: range, &both)
                } else {
                    var recorder = recorder
                    plan.advance(variant, &ws, days: range, &recorder)
                }
                ws.save(into: &block.state, at: r * width, depleted: &block.depleted, depletedAt: r * commodities)
            }
        } }
        block.stocks = stocks
        block.observed = observed
        return block
    }
}

/// Percentiles of depletion days, never-depleting runs counting as later than any date.
private func spread(of days: [Int?], start: Day) -> DepletionSpread {
    guard !days.isEmpty else { return DepletionSpread(p5: nil, p50: nil, p95: nil, never: 0) }
    let sorted = days.map { $0 ?? Int.max }.sorted()
    func at(_ p: Int) -> Day? {
        let v = sorted[NearestRank.rank(p, of: sorted.count) - 1]
        return v == Int.max ? nil : start + v
    }
    let never = Double(sorted.count { $0 == Int.max }) / Double(sorted.count)
    return DepletionSpread(p5: at(5), p50: at(50), p95: at(95), never: never)
}

/// Bands for the cells `c * stretch + d` of one stretch, gathering each cell's stocks over every block.
private func stockBands(cells: Range<Int>, blocks: [Block], runs: Int) -> [StockBand] {
    var column = [Double](repeating: 0, count: runs)
    var bands: [StockBand] = []
    bands.reserveCapacity(cells.count)
    column.withUnsafeMutableBufferPointer { column in
        for cell in cells {
            var i = 0
            for block in blocks {
                let n = block.runs.count
                block.stocks.withUnsafeBufferPointer { s in
                    (column.baseAddress! + i).update(from: s.baseAddress! + cell * n, count: n)
                }
                i += n
            }
            let (p5, p50, p95) = NearestRank.spread(column)
            bands.append(StockBand(p5: p5, p50: p50, p95: p95))
        }
    }
    return bands
}
