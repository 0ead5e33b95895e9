import CordonCore

/// The parts of population changes and seasonal needs that no Monte Carlo draw changes, as day
/// indices: each change's window and gating supply, and each supply's need factor per day.
struct PeoplePlan: Sendable {
    /// Per population change, its days [from, until) clipped to the simulated days.
    let changeDays: [Range<Int>]
    /// Per population change, the supply whose shortage gates it; nil when it runs every day of its window.
    let whileShort: [Int?]
    /// Per population change, whether it adds people (arrivals) rather than taking them.
    let adds: [Bool]
    /// The month (1 to 12) of each simulated day, for `need_by_month`; empty when no supply has one.
    let month: [Int]

    init(_ scenario: SupplyScenario, days: Int, window: (Day?, Day?) -> Range<Int>) throws {
        changeDays = scenario.populationChanges.map { window($0.from, $0.until) }
        whileShort = try scenario.populationChanges.enumerated().map { i, change in
            guard let name = change.whileShort else { return nil }
            guard let c = scenario.supplyIndex(of: name) else {
                throw SupplyError.unstockedShortage(change: i, commodity: name)
            }
            return c
        }
        adds = scenario.populationChanges.map { $0.kind == .arrivals }
        let seasonal = scenario.supplies.contains { $0.needByMonth != nil }
        month = seasonal ? (0..<days).map { (scenario.start + $0).components.month } : []
    }

    /// The factor on `supply`'s need on day index `d`.
    @inline(__always)
    func needFactor(_ supply: Supply, day d: Int) -> Double {
        month.isEmpty ? 1 : supply.needFactor(month: month[d])
    }
}
