import CordonCore
import CordonSiege
import CordonSupply

/// The days a scenario covers, [start, end + 1), and the map's periods cut to them, so every
/// feature written carries both `from` and `until` for a map tool's time slider.
struct ScenarioWindow {
    let start: Day
    /// The first day after the scenario.
    let until: Day

    init(_ scenario: SupplyScenario) {
        start = scenario.start
        until = scenario.end + 1
    }

    /// The part of `period` inside the scenario, or nil when none is.
    func clip(_ period: Period?) -> Period? {
        let from = max(period?.from ?? start, start), to = min(period?.until ?? until, until)
        return from < to ? Period(from: from, until: to) : nil
    }

    /// The items whose period meets the scenario, each with its period cut to it.
    func clip<Item>(_ items: [Item], _ period: WritableKeyPath<Item, Period?>) -> [Item] {
        items.compactMap { item in
            guard let cut = clip(item[keyPath: period]) else { return nil }
            var copy = item
            copy[keyPath: period] = cut
            return copy
        }
    }
}
