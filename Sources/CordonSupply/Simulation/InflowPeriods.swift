import CordonCore

extension SupplyScenario {
    /// For each inflow in file order, the periods on which it brings something in, at the values
    /// the scenario holds (the central run). Worked out inflow by inflow through the same daily
    /// plan the simulation uses, so every rule that gates an inflow (its dates, its route's
    /// status, any later gate) shapes the periods exactly as it shapes the stock.
    ///
    /// - Parameter access: the status of each route per day, as for ``simulate(access:)``.
    /// - Returns: Per inflow, its flowing periods in order; `until` is exclusive and nil when
    ///   the inflow still flows on the last day.
    /// - Throws: `SupplyError` as ``simulate(access:)`` does.
    public func inflowPeriods(access: AccessTimeline? = nil) throws -> [[Period]] {
        try checkSize(runs: 0)
        var amounts: [Double] = []
        return try inflows.indices.map { i in
            // The scenario with this inflow alone: the day plan then holds its amounts only.
            var alone = self
            alone.inflows = [inflows[i]]
            let plan = try DayPlan(alone, access: access)
            plan.fillInflows(alone, days: 0..<plan.days, into: &amounts)
            let base = (plan.inflowTarget.first ?? 0) * plan.days
            var periods: [Period] = [], from: Int?
            for d in 0..<plan.days {
                let flowing = amounts[base + d] > 0
                if flowing, from == nil { from = d }
                if !flowing, let f = from {
                    periods.append(Period(from: start + f, until: start + d))
                    from = nil
                }
            }
            if let f = from { periods.append(Period(from: start + f, until: nil)) }
            return periods
        }
    }
}
