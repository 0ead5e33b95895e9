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

extension InflowDelivery {
    /// The totals of `rule` from what it brought on each day of a run.
    init(_ rule: Inflow, daily: [Double]) {
        self.init(name: rule.name, commodity: rule.commodity, delivered: daily.reduce(0, +),
                  daysFlowing: daily.filter { $0 > 0 }.count)
    }
}
