/// Why the supply model says nothing about an observation, so a hindcast shows it as not
/// modelled and calibration does not compare it.
public enum Unmodelled: Sendable, Equatable {
    /// `siege.start` or `siege.end`: an input of the scenario, not an outcome of the supply model.
    case input
    /// A price multiple of a supply with no `price` index.
    case noPriceIndex(String)
    /// Something of a commodity the scenario does not stock.
    case unstocked(String)
}

extension SupplyScenario {
    /// Why the model says nothing about `observation`; nil when a run gives an outcome for it
    /// (``ObservationModel``). The one rule hindcast, calibration and their messages follow.
    public func unmodelled(_ observation: Observation) -> Unmodelled? {
        switch observation.what {
        case .siegeStart, .siegeEnd: return .input
        case .population: return nil
        case .depleted(let c), .restored(let c), .priceMultiple(let c):
            guard let i = supplyIndex(of: c) else { return .unstocked(c) }
            if case .priceMultiple = observation.what, supplies[i].price == nil { return .noPriceIndex(c) }
            return nil
        }
    }

    /// Whether a run gives an outcome for `observation` (``unmodelled(_:)`` is nil).
    public func models(_ observation: Observation) -> Bool { unmodelled(observation) == nil }
}

extension SupplyScenario {
    /// Bytes that `runs` runs' outcomes take when each run keeps a number per observation and
    /// `kept` more (its drawn values in calibration and `cordon hindcast`, its recorder's state in
    /// ``ObservationModel/monteCarlo(runs:seed:jobs:progress:)``), 8 bytes each. Saturates at `Int.max`.
    public func outcomeBytes(runs: Int, kept: Int) -> Int {
        max(0, runs).times(max(0, kept).plus(observations.count)).times(8)
    }

    /// Refuses runs whose outcomes would not fit in `SupplyLimits.maxMemory`, before any is made.
    /// - Throws: ``SupplyError/tooManyOutcomes(runs:observations:bytes:)``.
    public func checkOutcomes(runs: Int, kept: Int) throws {
        let bytes = outcomeBytes(runs: runs, kept: kept)
        if bytes > SupplyLimits.maxMemory {
            throw SupplyError.tooManyOutcomes(runs: runs, observations: observations.count, bytes: bytes)
        }
    }
}
