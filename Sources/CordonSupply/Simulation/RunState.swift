/// Where a run stands between two stretches of days, packed into plain numbers so a block of
/// runs keeps its state in one array: each supply's stock, the people each evacuation rule and
/// population change has moved, the population, and everyone evacuated, dead, arrived and
/// departed so far. Days run out are kept apart, as `Int`.
extension Workspace {
    /// Numbers in one run's state.
    static func stateWidth(commodities: Int, evacuationRules: Int, populationChanges: Int = 0) -> Int {
        commodities + evacuationRules + populationChanges + 5
    }

    /// Writes this run's state at `state[at...]` and its depletion days at `depleted[depletedAt...]`.
    func save(into state: inout [Double], at: Int, depleted days: inout [Int], depletedAt: Int) {
        var i = at
        for x in stock { state[i] = x; i += 1 }
        for x in taken { state[i] = x; i += 1 }
        for x in changed { state[i] = x; i += 1 }
        state[i] = population
        state[i + 1] = evacuated
        state[i + 2] = moved.deaths
        state[i + 3] = moved.arrivals
        state[i + 4] = moved.departures
        for (k, d) in depleted.enumerated() { days[depletedAt + k] = d }
    }

    /// Takes up the run whose state `save` wrote; `stock`, `taken` and `depleted` must already
    /// have their sizes (from `DayPlan.begin`).
    mutating func restore(from state: [Double], at: Int, depleted days: [Int], depletedAt: Int) {
        var i = at
        for k in stock.indices { stock[k] = state[i]; i += 1 }
        for k in taken.indices { taken[k] = state[i]; i += 1 }
        for k in changed.indices { changed[k] = state[i]; i += 1 }
        population = state[i]
        evacuated = state[i + 1]
        moved.deaths = state[i + 2]
        moved.arrivals = state[i + 3]
        moved.departures = state[i + 4]
        for k in depleted.indices { depleted[k] = days[depletedAt + k] }
    }
}
