import CordonCore

/// Writes only end-of-day stocks, into one block of runs laid out cell by cell,
/// `(c * days + d) * runsInBlock + run`, so each day's stocks across runs are contiguous.
private struct StockRecorder: DayRecorder {
    let base: UnsafeMutablePointer<Double>
    let days: Int
    let runsInBlock: Int

    mutating func population(day: Int, population: Double, evacuated: Double) {}

    @inline(__always)
    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay) {
        base[(c * days + day) * runsInBlock] = record.stock
    }
}

/// The runs of one block: their stocks and depletion days (−1 when a stock lasts).
private struct Block: Sendable {
    var index: Int
    var runs: Range<Int>
    var stocks: [Double]
    var depleted: [Int]
}

/// Runs are simulated in blocks of this many; the block size never changes a result.
private let blockSize = 250

extension SupplyScenario {
    /// Runs the scenario `runs` times, each with its uncertain parameters drawn afresh.
    ///
    /// Run i draws from `Xoshiro256StarStar(seed: seed, run: i)`, taking the `vary` entries in
    /// order, so the result is the same whatever `jobs` is.
    ///
    /// - Parameters:
    ///   - runs, seed: default to the scenario's `uncertainty`.
    ///   - jobs: blocks of runs simulated at once (1 keeps to one core).
    ///   - progress: called with the number of runs done after each block.
    public func monteCarlo(runs: Int? = nil, seed: UInt64? = nil, jobs: Int = 1, access: AccessTimeline? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws -> MonteCarloResult {
        let runs = max(0, runs ?? uncertainty?.runs ?? 0)
        let seed = seed ?? uncertainty?.seed ?? 0
        let plan = try DayPlan(self, access: access)
        let vary = uncertainty?.vary ?? []
        let scenario = self
        let blockCount = (runs + blockSize - 1) / blockSize

        let blocks = await inParallel(count: blockCount, jobs: jobs, progress: { done in
            progress?(min(runs, done * blockSize))
        }) { b in
            scenario.simulateBlock(b, runs: b * blockSize..<min(runs, (b + 1) * blockSize), plan: plan, vary: vary, seed: seed)
        }

        let commodities = supplies.count, days = plan.days
        var depletedDay = Array(repeating: [Int?](), count: commodities)
        for block in blocks {
            for r in 0..<block.runs.count {
                for c in 0..<commodities {
                    let d = block.depleted[r * commodities + c]
                    depletedDay[c].append(d >= 0 ? d : nil)
                }
            }
        }
        let depleted = depletedDay.map { spread(of: $0, start: start) }

        // Stock bands, one commodity-day per task item, gathered across blocks.
        let cells = commodities * days
        let bandJobs = max(1, min(jobs, cells))
        let perJob = (cells + bandJobs - 1) / max(1, bandJobs)
        let bandParts = await inParallel(count: bandJobs, jobs: jobs, progress: nil) { j in
            stockBands(cells: j * perJob..<min(cells, (j + 1) * perJob), blocks: blocks, days: days, runs: runs)
        }
        let flat = bandParts.flatMap { $0 }
        let stock = (0..<commodities).map { c in Array(flat[c * days..<(c + 1) * days]) }

        return MonteCarloResult(runs: runs, seed: seed, start: start, commodities: supplies.map(\.commodity),
                                depletedDay: depletedDay, depleted: depleted, stock: stock)
    }

    private func simulateBlock(_ index: Int, runs: Range<Int>, plan: DayPlan, vary: [Variation], seed: UInt64) -> Block {
        var stocks = [Double](repeating: 0, count: runs.count * plan.commodities * plan.days)
        var depleted: [Int] = []
        depleted.reserveCapacity(runs.count * plan.commodities)
        var ws = Workspace()
        stocks.withUnsafeMutableBufferPointer { buffer in
            for (r, run) in runs.enumerated() {
                var variant = self
                var rng = Xoshiro256StarStar(seed: seed, run: run)
                for v in vary { variant.set(v.parameter, to: v.distribution.draw(&rng)) }
                var recorder = StockRecorder(base: buffer.baseAddress! + r, days: plan.days, runsInBlock: runs.count)
                plan.run(variant, &ws, &recorder)
                depleted.append(contentsOf: ws.depleted)
            }
        }
        return Block(index: index, runs: runs, stocks: stocks, depleted: depleted)
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

/// Bands for cells `c * days + d`, gathering each cell's stocks over every block.
private func stockBands(cells: Range<Int>, blocks: [Block], days: Int, runs: Int) -> [StockBand] {
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
