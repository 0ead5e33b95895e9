/// A scenario the simulation cannot run as given.
public enum SupplyError: Error, Equatable, CustomStringConvertible {
    /// An inflow names a commodity that has no supply.
    case unstocked(inflow: Int, commodity: String)
    /// An inflow names a route the access timeline does not know (or there is no timeline).
    case unknownRoute(inflow: Int, route: String)
    /// An inflow names a corridor or an airport the access timeline does not know.
    case unknownPassage(inflow: Int, passage: Passage)
    /// A population change's `while_short` names a commodity that has no supply.
    case unstockedShortage(change: Int, commodity: String)
    /// Simulating it would take more memory or work than `SupplyLimits` allows.
    case tooLarge(SimulationSize)
    /// Every run's outcome of every observation would take `bytes`, more than `SupplyLimits.maxMemory`
    /// (``SupplyScenario/outcomeBytes(runs:kept:)``).
    case tooManyOutcomes(runs: Int, observations: Int, bytes: Int)

    /// The one-line message, naming the inflow by its position in the scenario.
    public var description: String {
        switch self {
        case .unstocked(let i, let c): return "inflows[\(i)].commodity: '\(c)' is not among the supplies"
        case .unknownRoute(let i, let r): return "inflows[\(i)].route: no access timeline for route '\(r)'"
        case .unknownPassage(let i, let p): return "inflows[\(i)]: no access timeline for \(p)"
        case .unstockedShortage(let i, let c): return "population_changes[\(i)].while_short: '\(c)' is not among the supplies"
        case .tooLarge(let size): return size.excess ?? "the simulation is too large"
        case .tooManyOutcomes(let runs, let observations, let bytes):
            return "\(runs) runs × \(observations) observations would hold about \(SimulationSize.gibibytes(bytes)) of outcomes, "
                + "more than the limit of \(SimulationSize.gibibytes(SupplyLimits.maxMemory))"
        }
    }
}
