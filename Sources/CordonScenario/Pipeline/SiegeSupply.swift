import CordonCore
import CordonSiege
import CordonSupply

extension Scenario {
    /// The supply model as the map sets it: the people inside the focus pocket at `start` when
    /// the file gives no `population`, and evacuation through a named corridor only while the
    /// corridor is declared open (its `from`/`until`, not its geometric status: a corridor
    /// crosses the front by design, so by the route rule it always reads `cut`), at the
    /// corridor's daily capacity when the rule gives no `per_day`.
    func supplyModel(populationAtStart: Double, routes: [Route]) throws -> SupplyScenario {
        var model = supply
        model.population = population ?? populationAtStart
        // The map's figures are only checked to be ≥ 0; their sum must still be a number the model carries.
        guard model.population <= SupplyLimits.maxAmount else {
            throw ScenarioError(file: file, path: "population", message: "missing, and by the map's figures the focus "
                + "pocket holds more than 1e15 people on \(supply.start), more than the model carries: check them")
        }
        for (i, rule) in model.evacuation.enumerated() {
            guard let name = rule.corridor, let corridor = routes.first(where: { $0.name == name }) else { continue }
            model.evacuation[i].from = Self.later(rule.from, corridor.from)
            model.evacuation[i].until = Self.earlier(rule.until, corridor.until)
            if let from = model.evacuation[i].from, let until = model.evacuation[i].until, until < from {
                model.evacuation[i].until = from  // the corridor is never open in the rule's window
            }
            if evacuationAtCapacity.contains(i) {
                guard let capacity = corridor.dailyCapacity else {
                    throw ScenarioError(file: file, path: "evacuation[\(i)].per_day",
                                        message: "missing, and corridor '\(name)' has no capacity_per_day to take instead")
                }
                model.evacuation[i].perDay = capacity
            }
        }
        return model
    }

    private static func later(_ a: Day?, _ b: Day?) -> Day? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }

    private static func earlier(_ a: Day?, _ b: Day?) -> Day? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }
}

extension RouteCondition {
    /// For the supply simulation: what the map cannot say (`unknown`) is taken as cut, the
    /// cautious reading. See docs/design.md#routes.
    var supplyStatus: RouteStatus {
        switch self {
        case .open: return .open
        case .underFire: return .underFire
        case .cut, .unknown: return .cut
        }
    }
}

/// Building the supply model's access timeline from the siege model's route states.
extension AccessTimeline {
    /// Each route's status from the first day of each period of a route timeline.
    ///
    /// Cut and unknown both read as cut, the cautious reading.
    /// - Parameter states: Route states with their periods, as `RouteTimeline` gives them.
    public init(routeStates states: [RouteState]) {
        self.init()
        for s in states {
            // The first period has no start: its status holds from the beginning.
            let day = s.period?.from ?? .distantPast
            set(s.route.name, s.condition.supplyStatus, from: day)
        }
    }
}
