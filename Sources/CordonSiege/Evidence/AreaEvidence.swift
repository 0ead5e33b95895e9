import CordonCore
import CordonGeometry

/// What the events say of one area (a pocket) over one period (docs/design.md#evidence).
public struct AreaEvidence: Sendable, Equatable {
    /// Events placed inside it during the period.
    public var events = 0
    /// Their deaths together.
    public var fatalities = 0.0
    /// Events by type, in the order the types first appear in the file.
    public var byType: [(String, Int)] = []
    /// Events by `type/sub-type`, when the file gives sub-types.
    public var bySubType: [(String, Int)] = []
    /// Days of the period counted (the period cut to the evidence window).
    public var days = 0
    /// Events per km² per day: `events / (area_km2 × days)`; nil when the area or the days are 0.
    public var perKm2Day: Double?
    /// The last day with an event inside it during the period.
    public var lastEvent: Day?
    /// Days from ``lastEvent`` to the period's last counted day; nil when there was no event.
    public var daysSinceEvent: Int?

    /// Nothing counted yet.
    public init() {}

    public static func == (a: AreaEvidence, b: AreaEvidence) -> Bool {
        a.events == b.events && a.fatalities == b.fatalities && a.byType.map(\.0) == b.byType.map(\.0)
            && a.byType.map(\.1) == b.byType.map(\.1) && a.bySubType.map(\.0) == b.bySubType.map(\.0)
            && a.bySubType.map(\.1) == b.bySubType.map(\.1) && a.days == b.days && a.perKm2Day == b.perKm2Day
            && a.lastEvent == b.lastEvent && a.daysSinceEvent == b.daysSinceEvent
    }

    /// The properties a pocket feature gains: `events`, `fatalities`, `events_by_type`,
    /// `events_by_sub_type`, `events_per_km2_day`, `days_since_event`.
    public var properties: JSONObject {
        var p = JSONObject()
        p["events"] = .number(Double(events))
        p["fatalities"] = .number(fatalities)
        p["events_by_type"] = .object(JSONObject(byType.map { ($0.0, JSONValue.number(Double($0.1))) }))
        p["events_by_sub_type"] = .object(JSONObject(bySubType.map { ($0.0, JSONValue.number(Double($0.1))) }))
        p["events_per_km2_day"] = perKm2Day.map { .number(NumberText.rounded($0, places: 9)) } ?? .null
        p["days_since_event"] = daysSinceEvent.map { .number(Double($0)) } ?? .null
        return p
    }
}

/// Events sorted by day once, for counting against many areas and routes (docs/design.md#evidence).
///
/// Only placed events (precise enough) in the window count; the rest are tallied apart.
public struct EventIndex: Sendable {
    /// The events as read.
    public let set: EventSet
    /// The days counted: events outside it are left out (``outsideWindow``).
    public let window: Period
    /// Placed events in the window, by day (file order within a day): positions in `set.events`.
    let order: [Int]
    /// order[dayStart[d]..<dayStart[d+1]] are the events of day `first + d`.
    let dayStart: [Int]
    let first: Day
    /// Events too imprecise to place (`--max-precision`).
    public let imprecise: Int
    /// Placed events outside the window (before the scenario or after it).
    public let outsideWindow: Int

    /// Sorts the placed events of `set` inside `window` by day.
    /// - Parameters:
    ///   - set: The events read.
    ///   - window: The days to count; an open end takes the first or last event's day.
    public init(_ set: EventSet, window: Period = Period(from: nil, until: nil)) {
        self.set = set
        let span = set.span
        let from = window.from ?? span?.first ?? Day(ordinal: 0)
        let until = window.until ?? span.map { $0.last + 1 } ?? from
        self.window = Period(from: from, until: max(from, until))
        first = from
        let days = max(0, until - from)
        var counts = [Int](repeating: 0, count: days + 1)
        var imprecise = 0, outside = 0
        for e in set.events {
            guard e.placed else { imprecise += 1; continue }
            let d = e.day - from
            guard d >= 0, d < days else { outside += 1; continue }
            counts[d + 1] += 1
        }
        for d in 0..<days { counts[d + 1] += counts[d] }
        var fill = counts
        var order = [Int](repeating: 0, count: counts[days])
        for (i, e) in set.events.enumerated() where e.placed {
            let d = e.day - from
            guard d >= 0, d < days else { continue }
            order[fill[d]] = i
            fill[d] += 1
        }
        self.order = order
        dayStart = counts
        self.imprecise = imprecise
        outsideWindow = outside
    }

    /// Placed events counted (inside the window).
    public var placedCount: Int { order.count }

    /// Days in the window: the day offsets of ``EventTally/counted(_:events:jobs:daily:)`` run below it.
    public var dayCount: Int { dayStart.count - 1 }

    /// The window's days that `period` covers, as offsets from the window's first day: [a, b).
    func days(of period: Period?) -> Range<Int> {
        let n = dayStart.count - 1
        let a = period?.from.map { max(0, min(n, $0 - first)) } ?? 0
        let b = period?.until.map { max(0, min(n, $0 - first)) } ?? n
        return a..<max(a, b)
    }

    func day(_ offset: Int) -> Day { first + offset }
}
