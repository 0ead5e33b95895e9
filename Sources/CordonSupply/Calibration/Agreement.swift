import CordonCore

/// When a run agrees with an observation: a date within ±`days` of the day observed; a number
/// (`population`, `price_multiple`) within `tolerance` of the value observed, as a share of it.
public struct Agreement: Sendable, Equatable {
    /// Days either side of a dated observation a run may miss it by.
    public var days: Double
    /// Relative miss allowed on a value: 0.25 accepts 3 to 5 for an observed 4.
    public var tolerance: Double

    /// Within `days` days of each date and `tolerance` of each value.
    public init(days: Double = 14, tolerance: Double = 0.25) {
        self.days = days
        self.tolerance = tolerance
    }

    /// The miss of `outcome` on `observation`: days (model minus observed) for a date, model minus
    /// observed for a value; infinity when the event never happens in the run; nil when the model
    /// says nothing about it.
    ///
    /// - Parameters:
    ///   - outcome: The run's outcome (``ObservationModel``).
    ///   - observation: What was observed.
    ///   - start: The scenario's first day, day index 0.
    public static func miss(_ outcome: Double, _ observation: Observation, start: Day) -> Double? {
        guard !outcome.isNaN else { return nil }
        return outcome - observation.target(start: start)
    }

    /// Whether a miss is within the rule; nil when there is nothing to compare.
    public func accepts(miss: Double?, _ observation: Observation) -> Bool? {
        guard let miss else { return nil }
        if observation.isDated { return abs(miss) <= days }
        return abs(miss) <= tolerance * abs(observation.value ?? 0)
    }
}
