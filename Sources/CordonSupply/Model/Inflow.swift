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

    /// The name the assumptions, the Monte Carlo text and `summary.json` use: unique in a
    /// scenario, "food by Castello Road" unless the file names it.
    public var name: String
    /// The supply it adds to, by ``Supply/commodity``.
    public var commodity: String
    /// When and how much comes in.
    public var schedule: Schedule
    /// Ways in besides the schedule's `route` (the rest of a chain, a corridor, an airport).
    /// On each day the worst status among all of them, the route included, applies.
    public var passages: [Passage]
    /// Windows with no flow, each [from, until); an open `until` runs to the end.
    public var suspended: [Period]

    /// An inflow of `commodity` on `schedule`.
    ///
    /// - Parameters:
    ///   - name: Its name; nil for the default, ``defaultName(commodity:schedule:passages:)``.
    ///   - commodity: The supply it adds to.
    ///   - schedule: When and how much.
    ///   - passages: Further ways in that must all pass; the worst status wins.
    ///   - suspended: Windows with no flow.
    public init(name: String? = nil, commodity: String, schedule: Schedule, passages: [Passage] = [],
                suspended: [Period] = []) {
        self.commodity = commodity
        self.schedule = schedule
        self.passages = passages
        self.suspended = suspended
        self.name = name ?? Self.defaultName(commodity: commodity, schedule: schedule, passages: passages)
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

    /// The route of the schedule, if any (the first link of a chain given in Swift this way).
    public var route: String? {
        if case .daily(_, let route, _, _, _) = schedule { return route }
        return nil
    }

    /// Every way in the inflow depends on: the schedule's route, then ``passages``.
    public var allPassages: [Passage] { (route.map { [Passage.route($0)] } ?? []) + passages }

    /// The names of every route it follows, the schedule's first.
    public var routes: [String] {
        allPassages.compactMap { if case .route(let name) = $0 { return name } else { return nil } }
    }

    /// `<commodity> by <route or corridor>`: "food by Castello Road", "food by A + B" for a
    /// chain, "food by air" for an airport, "food inflow" for a flow nothing gates, "food on
    /// 2016-08-01" for a single delivery.
    public static func defaultName(commodity: String, schedule: Schedule, passages: [Passage]) -> String {
        if case .once(let date, _) = schedule { return "\(commodity) on \(date)" }
        var ways: [String] = []
        if case .daily(_, let route?, _, _, _) = schedule { ways.append(route) }
        for p in passages {
            switch p {
            case .route(let name), .corridor(let name): ways.append(name)
            case .airport: ways.append("air")
            }
        }
        return ways.isEmpty ? "\(commodity) inflow" : "\(commodity) by " + ways.joined(separator: " + ")
    }
}
