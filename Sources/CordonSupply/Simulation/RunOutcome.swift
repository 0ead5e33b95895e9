/// What one run says, in plain numbers: for each commodity the day it ran out and its days short,
/// and the lowest food energy per person. Sensitivity analysis and calibration compare these
/// across runs with different values of the uncertain inputs.
public struct RunOutcome: Sendable, Equatable {
    /// Per commodity, in supply order: the day index (0 = start) whose stock first ends at 0; nil if it lasts.
    public var depletedDay: [Int?]
    /// Per commodity: the days with a shortfall (a cut ration or an empty stock).
    public var daysShort: [Int]
    /// The lowest food energy handed out per person in a day, over the days with someone inside;
    /// nil when no supply has `kcalPerUnit` or nobody is ever inside.
    public var lowestKcal: Double?
}

/// Keeps only what a `RunOutcome` needs: days short per commodity and each day's food energy.
private struct OutcomeRecorder: DayRecorder {
    let kcal: [Double?]
    let countsKcal: Bool
    var daysShort: [Int]
    var lowest: Double?
    private var eaters = 0.0
    private var today = 0.0
    private var day = -1

    init(supplies: [Supply]) {
        kcal = supplies.map(\.kcalPerUnit)
        countsKcal = kcal.contains { $0 != nil }
        daysShort = Array(repeating: 0, count: supplies.count)
    }

    mutating func population(day: Int, population: Double, evacuated: Double) {
        close()
        self.day = day
        eaters = population
        today = 0
    }

    @inline(__always)
    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay) {
        if record.shortfall > 0 { daysShort[c] += 1 }
        if let perUnit = kcal[c] { today += record.consumed * perUnit }
    }

    /// Ends the day under way: its energy per person counts when someone was inside (as in the timeline).
    mutating func close() {
        guard day >= 0, countsKcal, eaters > 0 else { return }
        let perPerson = today / eaters
        lowest = min(lowest ?? perPerson, perPerson)
    }
}

extension SupplyScenario {
    /// Runs the scenario once for each row of `values`, with `values[r][p]` set into `parameters[p]`
    /// (by ``set(_:to:)``) and every other number as the scenario holds it.
    ///
    /// Each run depends on its row alone, so the result is the same whatever `jobs` is.
    ///
    /// - Parameters:
    ///   - parameters: The numbers to replace, the same in every run.
    ///   - values: One row per run, each with one value per parameter, in the parameter's own unit.
    ///   - access: The status of each route per day; needed when an inflow names a route.
    ///   - jobs: Runs simulated at once (1 keeps to one core).
    /// - Returns: One outcome per row, in row order.
    /// - Throws: ``SupplyError/tooLarge(_:)`` past ``SupplyLimits``; ``SupplyError`` when an
    ///   inflow names an unstocked commodity or an unknown route.
    public func outcomes(setting parameters: [Parameter], to values: [[Double]], access: AccessTimeline? = nil,
                         jobs: Int = 1) async throws -> [RunOutcome] {
        try checkSize(runs: values.count)
        let plan = try DayPlan(self, access: access)
        let scenario = self
        let parts = await inBlocks(count: values.count, block: 256, jobs: jobs) { runs, ws in
            runs.map { r in scenario.with(parameters, values: values[r]).outcome(plan: plan, &ws) }
        }
        return parts.flatMap { $0 }
    }

    /// One run at the values this scenario holds, on a plan made from a scenario of the same shape.
    func outcome(plan: DayPlan, _ ws: inout Workspace) -> RunOutcome {
        var recorder = OutcomeRecorder(supplies: supplies)
        plan.run(self, &ws, &recorder)
        recorder.close()
        return RunOutcome(depletedDay: ws.depleted.map { $0 >= 0 ? $0 : nil }, daysShort: recorder.daysShort,
                          lowestKcal: recorder.lowest)
    }
}
