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
    /// Events and deaths, day by day over the window, of the placed events inside `areas`
    /// (each on the days of its period): the series an alert is looked for in.
    public static func daily(in areas: [EventTally.Area], events: EventIndex) -> (events: [Int], fatalities: [Double]) {
        var out = [Double](repeating: 0, count: events.dayStart.count - 1)
        var count = [Int](repeating: 0, count: out.count)
        let list = events.set.events
        var scratch: [UInt8] = []
        for area in areas {
            let locator = PointLocator([area.geometry])
            for d in events.days(of: area.period) {
                for i in events.dayStart[d]..<events.dayStart[d + 1] {
                    let e = list[events.order[i]]
                    if locator.locate(e.lon, e.lat, scratch: &scratch) != nil {
                        out[d] += e.fatalities
                        count[d] += 1
                    }
                }
            }
        }
        return (count, out)
    }

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
