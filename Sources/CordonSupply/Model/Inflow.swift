import CordonCore

/// Supplies that come in: a steady flow along a route, or a single delivery (convoy, airdrop).
public struct Inflow: Sendable, Equatable {
    /// When and how much comes in.
    public enum Schedule: Sendable, Equatable {
        /// `perDay` on every day of [`from`, `until`). With a `route`, scaled by the route's
        /// status that day: open 1, under fire `underFireFactor`, cut 0.
        case daily(perDay: Double, route: String?, from: Day?, until: Day?, underFireFactor: Double)
        /// `amount` on `date` only.
        case once(date: Day, amount: Double)
    }

    /// The supply it adds to, by ``Supply/commodity``.
    public var commodity: String
    /// When and how much comes in.
    public var schedule: Schedule

    /// An inflow of `commodity` on `schedule`.
    public init(commodity: String, schedule: Schedule) {
        self.commodity = commodity
        self.schedule = schedule
    }

    /// A steady flow; `underFireFactor` defaults to 0 (nothing passes a route under fire).
    ///
    /// - Parameters:
    ///   - commodity: The supply it adds to.
    ///   - perDay: Amount a day while the route is open, in the supply's unit.
    ///   - route: The route it comes by; nil for a flow that no route gates.
    ///   - from: The first day it flows; nil for from the start.
    ///   - until: The first day it no longer flows; nil for until the end.
    ///   - underFireFactor: Share of `perDay` that gets through while the route is under fire, 0 to 1.
    public static func daily(_ commodity: String, perDay: Double, route: String? = nil, from: Day? = nil,
                             until: Day? = nil, underFireFactor: Double = 0) -> Inflow {
        Inflow(commodity: commodity, schedule: .daily(perDay: perDay, route: route, from: from, until: until,
                                                      underFireFactor: underFireFactor))
    }

    /// A one-off delivery landing on `date`.
    public static func once(_ commodity: String, date: Day, amount: Double) -> Inflow {
        Inflow(commodity: commodity, schedule: .once(date: date, amount: amount))
    }

    /// The route this inflow depends on, if any.
    public var route: String? {
        if case .daily(_, let route, _, _, _) = schedule { return route }
        return nil
    }
}
