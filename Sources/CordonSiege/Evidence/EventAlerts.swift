import CordonCore
import CordonGeometry

/// A day on which a pocket's deaths over the last 30 days reached their highest so far
/// (docs/design.md#evidence), in the manner of OCHA's HDX Signals.
public struct EventAlert: Sendable, Equatable {
    /// The day.
    public var day: Day
    /// Deaths in the pocket over the `days` days ending that day.
    public var fatalities: Double
    /// The highest such sum on any earlier day of the series (0 at its start).
    public var previousHigh: Double
}

/// Finding ``EventAlert``s.
public enum EventAlerts {
    /// The days whose `days`-day sum of `daily` is higher than on every earlier day and at least
    /// `minimum`. Days before the window's `days`-th count what the window holds of them.
    /// - Parameters:
    ///   - daily: Deaths per day, from `first`.
    ///   - first: The first day of the series.
    ///   - days: The span summed, 30 by default.
    ///   - minimum: The least sum that raises an alert, 100 by default.
    public static func find(daily: [Double], first: Day, days: Int = 30, minimum: Double = 100) -> [EventAlert] {
        var out: [EventAlert] = []
        var sum = 0.0, high = 0.0
        for d in daily.indices {
            sum += daily[d]
            if d >= days { sum -= daily[d - days] }
            if sum > high {
                if sum >= minimum { out.append(EventAlert(day: first + d, fatalities: sum, previousHigh: high)) }
                high = sum
            }
        }
        return out
    }
}

extension EventAlerts {
    /// An alert on one pocket of a timeline, and the area (pocket of one period) that holds on its day.
    public struct PocketAlert: Sendable, Equatable {
        /// The pocket's number in the series (`pocket` in `cordon enclosure`'s output).
        public var pocket: Int
        /// The position, among the areas counted, of the pocket's area on the alert's day.
        public var area: Int
        /// The day, the 30-day deaths and the high before.
        public var alert: EventAlert
    }

    /// The alerts of each pocket of a timeline (docs/design.md#evidence). A pocket's series is
    /// its areas (`series[i]` names the pocket area `i` belongs to), each counted on the days
    /// of its period; its deaths per day are summed from `daily` (``EventTally/counted(_:events:jobs:daily:)``).
    /// - Parameters:
    ///   - series: The pocket each area belongs to, by position.
    ///   - periods: Each area's period (nil: the whole window).
    ///   - daily: Each area's placed events: day offset and deaths.
    ///   - events: The index counted, for its window.
    ///   - days: The span summed, 30 by default.
    ///   - minimum: The least sum that raises an alert, 100 by default.
    /// - Returns: The alerts by pocket number, then day.
    public static func find(series: [Int], periods: [Period?], daily: [[(day: Int, fatalities: Double)]], events: EventIndex,
                            days: Int = 30, minimum: Double = 100) -> [PocketAlert] {
        let window = events.dayStart.count - 1
        guard let first = events.window.from, window > 0 else { return [] }
        var members: [Int: [Int]] = [:]
        for (i, s) in series.enumerated() where !daily[i].isEmpty { members[s, default: []].append(i) }
        var out: [PocketAlert] = []
        for pocket in members.keys.sorted() {
            let areas = members[pocket]!
            var deaths = [Double](repeating: 0, count: window)
            for a in areas { for (d, f) in daily[a] { deaths[d] += f } }
            for alert in find(daily: deaths, first: first, days: days, minimum: minimum) {
                let d = alert.day - first
                // Deaths rose that day, so an area of the pocket holds on it.
                guard let area = areas.first(where: { events.days(of: periods[$0]).contains(d) }) else { continue }
                out.append(PocketAlert(pocket: pocket, area: area, alert: alert))
            }
        }
        return out
    }
}

extension EventAlerts.PocketAlert {
    /// The properties of an alert feature: `pocket`, `date`, `fatalities_30_days`, `previous_high`,
    /// `alert_minimum`.
    public func properties(minimum: Double) -> JSONObject {
        var p = JSONObject()
        p["pocket"] = .number(Double(pocket))
        p["date"] = .string(alert.day.description)
        p["fatalities_30_days"] = .number(alert.fatalities)
        p["previous_high"] = .number(alert.previousHigh)
        p["alert_minimum"] = .number(minimum)
        return p
    }

    /// The alert as a feature on `ground`, the pocket's area on its day, with ``properties(minimum:)``
    /// and the id `alert-pocket-N-<date>`.
    public func feature(on ground: Geometry, minimum: Double) -> Feature {
        Feature(geometry: ground, properties: properties(minimum: minimum))
            .identified(FeatureID.make("alert-pocket-\(pocket)", period: nil, date: alert.day))
    }
}
