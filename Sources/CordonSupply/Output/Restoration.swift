import CordonCore

/// A shortage that ended before the last day: when supplies came back, and which inflows did it.
public struct Restoration: Sendable, Equatable {
    /// The commodity.
    public var commodity: String
    /// The first day of the shortage.
    public var shortFrom: Day
    /// The first day without a shortfall again.
    public var restored: Day
    /// The inflows that brought the commodity on `restored`; when none did, the one that brought
    /// the most during the shortage. Empty when nothing came in (need fell instead).
    public var inflows: [String]

    /// "by food by Castello Road", or "with no inflow (need fell)".
    public var by: String {
        inflows.isEmpty ? "with no inflow (need fell)" : "by " + inflows.joined(separator: " and ")
    }

    /// "food: short from 2016-08-06, restored on 2016-08-20 by food by Castello Road."
    public var line: String { "\(commodity): short from \(shortFrom), restored on \(restored) \(by)." }
}

extension SupplyRun {
    /// Every shortage that ended before the last day, by commodity in supply order, then by date.
    public var restorations: [Restoration] {
        outcomes.enumerated().flatMap { c, outcome in
            outcome.shortages.compactMap { period -> Restoration? in
                guard let from = period.from, let until = period.until else { return nil }
                return Restoration(commodity: outcome.commodity, shortFrom: from, restored: until,
                                   inflows: restoringInflows(commodity: c, from: from, restored: until))
            }
        }
    }

    /// The inflows of supply `c` that brought something on `restored`, in file order; else the
    /// one that brought the most over [`from`, `restored`], the first on a tie.
    private func restoringInflows(commodity c: Int, from: Day, restored: Day) -> [String] {
        let name = scenario.supplies[c].commodity
        let own = scenario.inflows.indices.filter { scenario.inflows[$0].commodity == name && $0 < delivered.count }
        let day = restored - scenario.start, first = max(0, from - scenario.start)
        guard day >= 0 else { return [] }
        let that = own.filter { day < delivered[$0].count && delivered[$0][day] > 0 }
        if !that.isEmpty { return that.map { scenario.inflows[$0].name } }
        var best: (i: Int, total: Double)?
        for i in own {
            let last = min(day, delivered[i].count - 1)
            guard first <= last else { continue }
            let total = delivered[i][first...last].reduce(0, +)
            if total > 0, total > (best?.total ?? 0) { best = (i, total) }
        }
        return best.map { [scenario.inflows[$0.i].name] } ?? []
    }
}
