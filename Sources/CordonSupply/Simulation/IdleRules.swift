import CordonCore

extension SupplyScenario {
    /// One line for each inflow that brings in nothing, each evacuation rule that takes nobody
    /// and each population change that moves nobody over the whole scenario, naming it and saying why. Such a rule is legal but
    /// almost always a mistake (a corridor never open, a window outside the dates), so the
    /// command line and `cordon validate` report it rather than let it pass silently.
    ///
    /// - Parameter access: The status of each route, corridor and airport, as for ``simulate(access:)``.
    /// - Throws: ``SupplyError`` when an inflow names an unstocked commodity or an unknown passage.
    public func idleRules(access: AccessTimeline? = nil) throws -> [String] {
        let plan = try DayPlan(self, access: access)
        var lines: [String] = []
        for (i, days) in try deliveries(access: access, days: plan.days).enumerated() where days.allSatisfy({ $0 <= 0 }) {
            lines.append("inflows[\(i)] '\(inflows[i].name)' brings in nothing between \(start) and \(end): "
                + idleReason(inflow: i, plan: plan, access: access))
        }
        for (i, rule) in evacuation.enumerated() {
            let corridor = rule.corridor.map { " through '\($0)'" } ?? ""
            let reason: String
            if plan.evacuationDays[i].isEmpty {
                reason = rule.corridor == nil ? "its from/until hold no day of the scenario"
                    : "its from/until hold no day of the scenario on which the corridor is declared open"
            } else if rule.perDay == 0 {
                reason = "its per_day is 0"
            } else if rule.maxTotal == 0 {
                reason = "its max_total is 0"
            } else {
                continue
            }
            lines.append("evacuation[\(i)]\(corridor) takes nobody between \(start) and \(end): \(reason)")
        }
        for (i, change) in populationChanges.enumerated() {
            let reason: String
            if let from = change.from, from > end {
                reason = "its from is after the end"
            } else if let until = change.until, until <= start || (change.from.map { until <= $0 } ?? false) {
                reason = "its from/until hold no day of the scenario"
            } else if change.rate == 0 {
                reason = "its \(change.basis.rawValue) is 0"
            } else if change.maxTotal == 0 {
                reason = "its max_total is 0"
            } else {
                continue
            }
            lines.append("population_changes[\(i)] (\(change.kind.rawValue)) moves nobody between \(start) and \(end): \(reason)")
        }
        return lines
    }

    private func idleReason(inflow i: Int, plan: DayPlan, access: AccessTimeline?) -> String {
        let rule = inflows[i], days = plan.inflowDays[i]
        switch rule.schedule {
        case .daily(let perDay, _, _, _, _) where perDay == 0: return "its per_day is 0"
        case .once(_, let amount) where amount == 0: return "its amount is 0"
        default: break
        }
        if days.isEmpty { return "its from/until hold no day of the scenario" }
        // The first passage cut on every day the inflow would flow, else the suspensions or fire.
        for passage in rule.allPassages {
            guard let access else { break }
            if days.allSatisfy({ access.status(of: passage, on: start + $0) == .cut }) {
                return "\(passage) is \(Self.cutMeaning(passage)) on every day it would flow"
            }
        }
        if !rule.suspended.isEmpty,
           days.allSatisfy({ d in rule.suspended.contains { $0.contains(start + d) } }) {
            return "it is suspended on every day it would flow"
        }
        return "its ways in are never open together, and under_fire_factor is 0 while under fire"
    }

    private static func cutMeaning(_ passage: Passage) -> String {
        switch passage {
        case .route: return "cut"
        case .corridor: return "not declared open, or its entry not held,"
        case .airport: return "not held by the besieged side, an ally or a neutral party"
        }
    }
}
