import CordonCore

/// Keeps every day, the first date each ration band is reached, and the periods of shortfall.
private struct FullRecorder: DayRecorder {
    let start: Day
    let kcal: [Double?]
    var days: [DayRecord] = []
    var firstReached: [[RationBand: Day]]
    /// Per commodity, the first day of the shortage under way (day index), or nil.
    private var shortSince: [Int?]
    var shortages: [[Period]]

    init(start: Day, supplies: [Supply], days: Int) {
        self.start = start
        kcal = supplies.map(\.kcalPerUnit)
        firstReached = Array(repeating: [:], count: supplies.count)
        shortSince = Array(repeating: nil, count: supplies.count)
        shortages = Array(repeating: [], count: supplies.count)
        self.days.reserveCapacity(days)
        blank = Array(repeating: CommodityDay(stock: 0, ration: 0, daysLeft: 0, inflow: 0, spoiled: 0,
                                              consumed: 0, shortfall: 0, met: 0), count: supplies.count)
    }

    private let blank: [CommodityDay]

    mutating func population(day: Int, population: Double, evacuated: Double) {
        let moved = days.last?.moved ?? PeopleMoved()
        days.append(DayRecord(date: start + day, population: population, evacuated: evacuated, commodities: blank,
                              moved: moved, kcalPerPerson: nil))
    }

    mutating func commodity(_ c: Int, day: Int, _ record: CommodityDay) {
        days[day].commodities[c] = record
        let band = RationBand(met: record.met)
        for worse in RationBand.shortages where worse <= band && firstReached[c][worse] == nil {
            firstReached[c][worse] = start + day
        }
        if record.shortfall > 0 {
            if shortSince[c] == nil { shortSince[c] = day }
        } else if let since = shortSince[c] {
            shortages[c].append(Period(from: start + since, until: start + day))
            shortSince[c] = nil
        }
        if let perUnit = kcal[c] {
            let eaters = days[day].population
            // Only with someone inside: energy per nobody is no figure.
            if eaters > 0 { days[day].kcalPerPerson = (days[day].kcalPerPerson ?? 0) + record.consumed * perUnit / eaters }
        }
    }

    mutating func endOfDay(_ day: Int, population: Double, moved: PeopleMoved) {
        days[day].population = population
        days[day].moved = moved
    }

    /// Closes the shortages still under way on the last day.
    mutating func finish() {
        for c in shortSince.indices { if let since = shortSince[c] { shortages[c].append(Period(from: start + since, until: nil)) } }
    }
}

extension SupplyScenario {
    /// Runs the scenario once at the values it holds.
    ///
    /// - Parameter access: the status of each route per day; needed when an inflow names a route.
    /// - Throws: `SupplyError` when an inflow names an unstocked commodity or an unknown route,
    ///   or `SupplyError.tooLarge` when its days and supplies would not fit in `SupplyLimits`.
    ///
    /// - Returns: Every day of the run, and for each commodity the day it runs out, the first
    ///   day of each ration band and its shortages.
    public func simulate(access: AccessTimeline? = nil) throws -> SupplyRun {
        try checkSize(runs: 0)
        let plan = try DayPlan(self, access: access)
        var ws = Workspace()
        var recorder = FullRecorder(start: start, supplies: supplies, days: plan.days)
        plan.run(self, &ws, &recorder)
        recorder.finish()
        let outcomes = supplies.indices.map { c in
            CommodityOutcome(commodity: supplies[c].commodity,
                             depleted: ws.depleted[c] >= 0 ? start + ws.depleted[c] : nil,
                             firstReached: recorder.firstReached[c], shortages: recorder.shortages[c])
        }
        var run = SupplyRun(scenario: self, days: recorder.days, outcomes: outcomes)
        run.delivered = try deliveries(access: access, days: plan.days)
        run.inflows = zip(inflows, run.delivered).map { InflowDelivery($0, daily: $1) }
        return run
    }

    /// What each inflow brings on each day, each worked out on its own by the same day plan the
    /// run uses, so the figures are the run's own whatever gates the inflow.
    func deliveries(access: AccessTimeline?, days: Int) throws -> [[Double]] {
        try inflows.indices.map { i in
            var alone = self
            alone.inflows = [inflows[i]]
            let plan = try DayPlan(alone, access: access)
            var buffer: [Double] = []
            plan.fillInflows(alone, days: 0..<days, into: &buffer)
            let c = plan.inflowTarget[0]
            return Array(buffer[c * days..<(c + 1) * days])
        }
    }
}
