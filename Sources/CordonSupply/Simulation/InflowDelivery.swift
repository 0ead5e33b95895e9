/// What one inflow brought in over a run.
public struct InflowDelivery: Sendable, Equatable {
    /// The inflow's name.
    public var name: String
    /// The supply it adds to.
    public var commodity: String
    /// Everything it brought in, in the supply's unit.
    public var delivered: Double
    /// Days on which it brought in more than nothing.
    public var daysFlowing: Int

    /// What `name` brought in of `commodity`: `delivered` in all, over `daysFlowing` days.
    public init(name: String, commodity: String, delivered: Double, daysFlowing: Int) {
        self.name = name
        self.commodity = commodity
        self.delivered = delivered
        self.daysFlowing = daysFlowing
    }
}

extension DayPlan {
    /// Each inflow's total over every day and the days it flowed, by the same rule as
    /// `fillInflows`. Inflows do not depend on stocks, so this needs no run.
    func deliveries(_ scenario: SupplyScenario) -> [InflowDelivery] {
        scenario.inflows.enumerated().map { i, rule in
            var total = 0.0, flowing = 0
            for d in inflowDays[i] {
                let amount: Double
                switch (rule.schedule, routeStatus[i]?[d] ?? .open) {
                case (_, .cut): amount = 0
                case (.once(_, let a), _): amount = a
                case (.daily(let perDay, _, _, _, _), .open): amount = perDay
                case (.daily(let perDay, _, _, _, let k), .underFire): amount = perDay * k
                }
                total += amount
                if amount > 0 { flowing += 1 }
            }
            return InflowDelivery(name: rule.name, commodity: rule.commodity, delivered: total, daysFlowing: flowing)
        }
    }
}
