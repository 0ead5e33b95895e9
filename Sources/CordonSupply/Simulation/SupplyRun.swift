import CordonCore

/// One commodity on one day of a run.
public struct CommodityDay: Sendable, Equatable {
    /// Stock at the end of the day.
    public var stock: Double
    /// Share of full need handed out by the rationing policy.
    public var ration: Double
    /// Days of supply left when the ration was chosen: stock after inflows and spoilage over the
    /// day's full need; infinity when nobody needs anything.
    public var daysLeft: Double
    /// What came in that day, in the supply's unit.
    public var inflow: Double
    /// What was lost to spoilage that day.
    public var spoiled: Double
    /// What people were given that day.
    public var consumed: Double
    /// Full need not met: need − consumed.
    public var shortfall: Double
    /// Share of full need met: consumed / need (1 when nothing is needed).
    public var met: Double
}

/// One day of a run.
public struct DayRecord: Sendable, Equatable {
    /// The day.
    public var date: Day
    /// People inside at the end of the day.
    public var population: Double
    /// Everyone evacuated so far, this day included.
    public var evacuated: Double
    /// In the scenario's supply order.
    public var commodities: [CommodityDay]
    /// Deaths, arrivals and departures so far, this day included.
    public var moved = PeopleMoved()
    /// Food energy handed out per person inside that day (after evacuation, before the day's
    /// population changes), from the supplies with `kcalPerUnit`; nil without any such supply
    /// or with nobody inside.
    public var kcalPerPerson: Double?
}

/// What a run says about one commodity.
public struct CommodityOutcome: Sendable, Equatable {
    /// The commodity's name.
    public var commodity: String
    /// First day whose stock is 0 at the end of the day; nil if it lasts.
    public var depleted: Day?
    /// For each band worse than full, the first day that band or a worse one was reached.
    public var firstReached: [RationBand: Day]
    /// The stretches of days with a shortfall, in order; the last one's `until` is nil when it
    /// lasts to the end.
    public var shortages: [Period] = []
}

/// A single deterministic run: every day, and the dates that matter.
public struct SupplyRun: Sendable, Equatable {
    /// The scenario as run.
    public var scenario: SupplyScenario
    /// Every simulated day, in order.
    public var days: [DayRecord]
    /// The dates that matter for each commodity, in supply order.
    public var outcomes: [CommodityOutcome]
    /// What each inflow brought in, in the scenario's order.
    public var inflows: [InflowDelivery] = []
    /// `delivered[i][d]`: what inflow i brought on day d.
    public var delivered: [[Double]] = []

    /// Everyone evacuated by the last day.
    public var evacuated: Double { days.last?.evacuated ?? 0 }
}
