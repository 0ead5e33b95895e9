import CordonCore
import CordonSupply

/// Outcomes (``ObservationModel``) in words and JSON: a date, a number, "never", "not modelled".
enum OutcomeText {
    /// The day an outcome day index stands for; nil when it is not a day of the scenario.
    static func day(_ x: Double, start: Day) -> Day? {
        guard x.isFinite, abs(x) < 1e7 else { return nil }
        return start + Int(x)
    }

    /// A date, "never" (not by the end) or a number; "not modelled" for NaN.
    static func text(_ x: Double, _ observation: Observation, start: Day) -> String {
        if x.isNaN { return "not modelled" }
        if observation.isDated { return day(x, start: start)?.description ?? "never" }
        if x.isInfinite { return "never" }
        return value(x, observation)
    }

    /// A number as the observation counts it: people whole, price multiples to 2 decimals.
    static func value(_ x: Double, _ observation: Observation) -> String {
        observation.what == .population ? NumberText.grouped(x) : NumberText.fixed(x, places: 2)
    }

    /// An error with its sign and unit: "+12 days", "−0.40", "never".
    static func error(_ e: Double?, _ observation: Observation) -> String {
        guard let e else { return "–" }
        if e.isInfinite { return "never" }
        let sign = e > 0 ? "+" : e < 0 ? "−" : "±"
        if observation.isDated { return "\(sign)\(NumberText.fixed(abs(e), places: 0)) d" }
        return sign + value(abs(e), observation)
    }

    /// JSON for an outcome: a date string, a number, "never" or null (not modelled).
    static func json(_ x: Double, _ observation: Observation, start: Day) -> JSONValue {
        if x.isNaN { return .null }
        if x.isInfinite { return "never" }
        if observation.isDated { return day(x, start: start).map { .string($0.description) } ?? "never" }
        return .number(x)
    }

    /// JSON for an error: a number, "never" or null.
    static func json(_ e: Double?) -> JSONValue {
        guard let e else { return .null }
        return e.isInfinite ? "never" : .number(e)
    }

    /// The observed date or value, in words.
    static func observed(_ observation: Observation) -> String {
        observation.isDated ? observation.date.description
            : "\(value(observation.value ?? 0, observation)) on \(observation.date)"
    }
}
