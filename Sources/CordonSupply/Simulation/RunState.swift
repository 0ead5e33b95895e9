/// Where a run stands between two stretches of days, packed into plain numbers so a block of
/// runs keeps its state in one array: each supply's stock, the people each evacuation rule has
/// taken, the population and everyone evacuated so far. Days run out are kept apart, as `Int`.
extension Workspace {
    /// Numbers in one run's state.
    static func stateWidth(commodities: Int, evacuationRules: Int) -> Int { commodities + evacuationRules + 2 }

    /// Writes this run's state at `state[at...]` and its depletion days at `depleted[depletedAt...]`.
    func save(into state: inout [Double], at: Int, depleted days: inout [Int], depletedAt: Int) {
        var i = at
        for x in stock { state[i] = x; i += 1 }
        for x in taken { state[i] = x; i += 1 }
        state[i] = population
        state[i + 1] = evacuated
        for (k, d) in depleted.enumerated() { days[depletedAt + k] = d }
    }

    /// Takes up the run whose state `save` wrote; `stock`, `taken` and `depleted` must already
    /// have their sizes (from `DayPlan.begin`).
    mutating func restore(from state: [Double], at: Int, depleted days: [Int], depletedAt: Int) {
        var i = at
        for k in stock.indices { stock[k] = state[i]; i += 1 }
        for k in taken.indices { taken[k] = state[i]; i += 1 }
        population = state[i]
        evacuated = state[i + 1]
        for k in depleted.indices { depleted[k] = days[depletedAt + k] }
    }
}
