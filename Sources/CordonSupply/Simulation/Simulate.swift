import CordonCore

/// Keeps every day, and the first date each ration band is reached.
private struct FullRecorder: DayRecorder {
    let start: Day
    var days: [DayRecord] = []
    var firstReached: [[RationBand: Day]]

    init(start: Day, commodities: Int, days: Int) {
        self.start = start
        firstReached = Array(repeating: [:], count: commodities)
        self.days.reserveCapacity(days)
        blank = Array(repeating: CommodityDay(stock: 0, ration: 0, daysLeft: 0, inflow: 0, spoiled: 0,
                                              consumed: 0, shortfall: 0, met: 0), count: commodities)
    }

    private let blank: [CommodityDay]

    mutating func population(day: Int, population: Double, evacuated: Double) {
        days.append(DayRecord(date: start + day, population: population, evacuated: evacuated, commodities: blank))
    }

    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay) {
        days[day].commodities[c] = record
        let band = RationBand(met: record.met)
        for worse in RationBand.shortages where worse <= band && firstReached[c][worse] == nil {
            firstReached[c][worse] = start + day
        }
    }
}

extension SupplyScenario {
    /// Runs the scenario once at the values it holds.
    ///
    /// - Parameter access: the status of each route per day; needed when an inflow names a route.
    /// - Throws: `SupplyError` when an inflow names an unstocked commodity or an unknown route,
    ///   or `SupplyError.tooLarge` when its days and supplies would not fit in `SupplyLimits`.
    ///
    /// - Returns: Every day of the run, and for each commodity the day it runs out and the first
    ///   day of each ration band.
    public func simulate(access: AccessTimeline? = nil) throws -> SupplyRun {
        try checkSize(runs: 0)
        let plan = try DayPlan(self, access: access)
        var ws = Workspace()
        var recorder = FullRecorder(start: start, commodities: supplies.count, days: plan.days)
        plan.run(self, &ws, &recorder)
        let outcomes = supplies.indices.map { c in
            CommodityOutcome(commodity: supplies[c].commodity,
                             depleted: ws.depleted[c] >= 0 ? start + ws.depleted[c] : nil,
                             firstReached: recorder.firstReached[c])
        }
        var run = SupplyRun(scenario: self, days: recorder.days, outcomes: outcomes)
        run.inflows = plan.deliveries(self)
        return run
    }
}
