import CordonCore

/// How large simulating a scenario would be, worked out before anything is allocated, so a
/// scenario that cannot fit is refused with what it would need rather than exhausting memory.
/// Every product saturates at `Int.max`, so absurd counts still compare, never trap.
public struct SimulationSize: Sendable, Equatable {
    /// Simulated days, `start` to `end` included.
    public var days: Int
    /// Supplies in the scenario.
    public var commodities: Int
    /// Monte Carlo runs (0: the central run alone).
    public var runs: Int
    /// Inflows, evacuation rules and population changes: each is visited on the days of every run.
    public var rules: Int
    /// Numbers each Monte Carlo run keeps beside its simulation (its observations' outcomes and
    /// its recorder's state), 8 bytes each, held with everything else.
    public var keptPerRun: Int
    /// Peak memory in bytes, an upper estimate (see `init`).
    public var bytes: Int
    /// (runs + 1) × days × (commodities + rules): what the day loop does.
    public var steps: Int

    /// What a scenario needs with `runs` Monte Carlo runs.
    ///
    /// Memory, per day of the central run: its records and the text of timeline.csv and of the
    /// report's charts, about 512 bytes plus 1 KiB per commodity; one byte per route an inflow
    /// follows. Per Monte Carlo run: its depletion days and its state between stretches of days
    /// (held twice while a stretch runs), 48 bytes per commodity and 16 per rule, plus 160, and
    /// 8 bytes per number it keeps beside (`keptPerRun`). The stocks of one stretch of days
    /// (`SupplyLimits.stockBuffer`, or one day when a day alone is larger) and the bands, 24 bytes
    /// per day and commodity.
    ///
    /// - Parameters:
    ///   - scenario: The scenario to size up; only its counts matter, not its figures.
    ///   - runs: Monte Carlo runs, 0 for the central run alone.
    ///   - keptPerRun: Numbers each run keeps beside its simulation, held at the same time
    ///     (``ObservationModel/keptInMonteCarlo(_:)`` and the outcomes, when it records observations).
    public init(_ scenario: SupplyScenario, runs: Int, keptPerRun: Int = 0) {
        days = scenario.dayCount
        commodities = scenario.supplies.count
        self.runs = max(0, runs)
        rules = scenario.inflows.count + scenario.evacuation.count + scenario.populationChanges.count
        self.keptPerRun = max(0, keptPerRun)
        let routes = scenario.routes.count
        let c = commodities, r = rules, n = self.runs, d = days
        let central = d.times(512.plus(c.times(1024)).plus(routes))
        var monteCarlo = 0
        if n > 0 {
            let perRun = c.times(48).plus(r.times(16)).plus(160).plus(self.keptPerRun.times(8))
            let stretch = max(SupplyLimits.stockBuffer, n.times(c).times(8))
            monteCarlo = n.times(perRun).plus(stretch).plus(d.times(c).times(24))
        }
        bytes = central.plus(monteCarlo)
        steps = n.plus(1).times(d).times(c.plus(r))
    }

    /// Whether it stays within `SupplyLimits`.
    public var fits: Bool {
        runs <= SupplyLimits.maxRuns && bytes <= SupplyLimits.maxMemory && steps <= SupplyLimits.maxSteps
    }

    /// "1.5 GiB": the memory, for messages.
    public var memoryText: String { Self.gibibytes(bytes) }

    static func gibibytes(_ bytes: Int) -> String {
        NumberText.grouped(Double(bytes) / Double(1 << 30), places: 1) + " GiB"
    }

    /// What is too large, in words without key names, or nil when it fits.
    public var excess: String? {
        let what = "runs × days × commodities = \(runs) × \(days) × \(commodities)"
        if runs > SupplyLimits.maxRuns {
            return "\(runs) Monte Carlo runs are more than the limit of \(SupplyLimits.maxRuns)"
        }
        if bytes > SupplyLimits.maxMemory {
            let kept = keptPerRun > 0 ? ", with \(keptPerRun) numbers kept per run for the observations," : ""
            return "\(what)\(kept) would need about \(memoryText) of memory, more than the limit of "
                + Self.gibibytes(SupplyLimits.maxMemory)
        }
        if steps > SupplyLimits.maxSteps {
            return "\(what) with \(rules) inflows, evacuation rules and population changes come to \(steps) simulated steps, "
                + "more than the limit of \(SupplyLimits.maxSteps)"
        }
        return nil
    }
}

extension SupplyScenario {
    /// Refuses a scenario too large to simulate, before anything is allocated.
    ///
    /// - Parameters:
    ///   - runs: The Monte Carlo runs that will be made; 0 for the central run alone.
    ///   - keptPerRun: Numbers each run keeps beside its simulation (``SimulationSize/keptPerRun``).
    /// - Throws: ``SupplyError/tooLarge(_:)`` when the simulation would not fit within ``SupplyLimits``.
    public func checkSize(runs: Int, keptPerRun: Int = 0) throws {
        let size = SimulationSize(self, runs: runs, keptPerRun: keptPerRun)
        if !size.fits { throw SupplyError.tooLarge(size) }
    }
}

/// Saturating arithmetic for sizes: a count past `Int.max` stays there.
extension Int {
    func times(_ other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }

    func plus(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
