import CordonCore

/// The parts of a scenario that no Monte Carlo draw changes, turned into day indices once:
/// rule windows, which supply each inflow feeds, and each route's status per day.
struct DayPlan: Sendable {
    let days: Int
    let commodities: Int
    let inflowTarget: [Int]
    let inflowDays: [Range<Int>]
    /// Per inflow, the status of each day: the worst of its routes, corridor and airport, cut
    /// while suspended; nil for inflows that nothing gates.
    let routeStatus: [[RouteStatus]?]
    let evacuationDays: [Range<Int>]
    let policy: RationPolicy
    /// Who dies, arrives or leaves, and which supply's shortage gates each rule.
    let people: PeoplePlan

    init(_ scenario: SupplyScenario, access: AccessTimeline?) throws {
        days = scenario.dayCount
        commodities = scenario.supplies.count
        let start = scenario.start, days = self.days
        /// Day indices of [from, until), clipped to the simulated days.
        func window(_ from: Day?, _ until: Day?) -> Range<Int> {
            let lo = from.map { max(0, $0 - start) } ?? 0
            let hi = until.map { min(days, $0 - start) } ?? days
            return lo < hi ? lo..<hi : 0..<0
        }
        var target: [Int] = [], inflowDays: [Range<Int>] = [], status: [[RouteStatus]?] = []
        // One list of statuses per passage, shared by every inflow along it.
        var statusByPassage: [Passage: [RouteStatus]] = [:]
        for (i, inflow) in scenario.inflows.enumerated() {
            guard let c = scenario.supplyIndex(of: inflow.commodity) else {
                throw SupplyError.unstocked(inflow: i, commodity: inflow.commodity)
            }
            target.append(c)
            switch inflow.schedule {
            case .daily(_, _, let from, let until, _):
                inflowDays.append(window(from, until))
            case .once(let date, _):
                inflowDays.append(window(date, date + 1))
            }
            var days: [RouteStatus]?
            for passage in inflow.allPassages {
                guard let access, access.knows(passage) else {
                    if case .route(let route) = passage { throw SupplyError.unknownRoute(inflow: i, route: route) }
                    throw SupplyError.unknownPassage(inflow: i, passage: passage)
                }
                if statusByPassage[passage] == nil {
                    statusByPassage[passage] = (0..<self.days).map { access.status(of: passage, on: start + $0) }
                }
                let own = statusByPassage[passage]!
                // A chain passes what its worst link passes.
                days = days.map { zip($0, own).map(RouteStatus.worse) } ?? own
            }
            if !inflow.suspended.isEmpty {
                var list = days ?? Array(repeating: .open, count: self.days)
                for s in inflow.suspended { for d in window(s.from, s.until) { list[d] = .cut } }
                days = list
            }
            status.append(days)
        }
        inflowTarget = target
        self.inflowDays = inflowDays
        routeStatus = status
        evacuationDays = scenario.evacuation.map { window($0.from, $0.until) }
        policy = RationPolicy(scenario.rationing)
        people = try PeoplePlan(scenario, days: days, window: window)
    }

    /// Each supply's inflow on each day of `range` (`c * range.count + d - range.lowerBound`),
    /// for this run's amounts. Inflows add up in file order whatever the range, so a day's
    /// inflow is the same number however the days are cut.
    func fillInflows(_ scenario: SupplyScenario, days range: Range<Int>, into inflow: inout [Double]) {
        let stretch = range.count
        inflow.removeAll(keepingCapacity: true)
        inflow.append(contentsOf: repeatElement(0, count: commodities * stretch))
        for (i, rule) in scenario.inflows.enumerated() {
            let base = inflowTarget[i] * stretch - range.lowerBound
            let window = inflowDays[i].clamped(to: range)
            switch rule.schedule {
            case .once(_, let amount):
                for d in window where routeStatus[i]?[d] ?? .open != .cut { inflow[base + d] += amount }
            case .daily(let perDay, _, _, _, let underFire):
                if let status = routeStatus[i] {
                    for d in window {
                        switch status[d] {
                        case .open: inflow[base + d] += perDay
                        case .underFire: inflow[base + d] += perDay * underFire
                        case .cut: break
                        }
                    }
                } else {
                    for d in window { inflow[base + d] += perDay }
                }
            }
        }
    }
}
