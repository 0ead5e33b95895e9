import Foundation
import CordonCore
import CordonGeometry

/// The events within fire range of one route over one period (docs/design.md#evidence).
public struct RouteEvidence: Sendable, Equatable {
    /// Placed events within range of the route during the period.
    public var eventsInRange = 0
    /// Days of the period with at least one of them.
    public var eventDays = 0
    /// Days of the period counted (the period cut to the evidence window).
    public var days = 0
    /// `eventDays / days`; nil when no day is counted.
    public var eventDayShare: Double? { days > 0 ? Double(eventDays) / Double(days) : nil }

    /// The properties a route feature gains: `events_in_range`, `event_days`, `event_day_share`.
    public var properties: JSONObject {
        ["events_in_range": .number(Double(eventsInRange)), "event_days": .number(Double(eventDays)),
         "event_day_share": eventDayShare.map { .number(NumberText.rounded($0, places: 6)) } ?? .null]
    }
}

/// Each route's events within range, day by day, over the whole window: the ground of the
/// per-period counts and of the evidence status. A route's line does not change, so this is
/// computed once per route.
public struct RouteEventDays: Sendable {
    /// For each route, the window's day offsets with events in range and how many, by day.
    public let byRoute: [[(day: Int, count: Int)]]
    /// The events counted.
    public let events: EventIndex

    /// Finds the placed events within `range` metres of each route.
    ///
    /// Distance is measured from the event to each segment in a plane tangent at the event
    /// (WGS84 meridian and prime-vertical radii at its latitude): within 0.01 % of the geodesic
    /// at fire ranges of a few kilometres.
    public init(routes: [Route], events: EventIndex, range: Double) {
        self.events = events
        // Placed events of the window, sorted by longitude, for a slab search per route.
        let list = events.set.events
        var dayOf = [Int](repeating: 0, count: list.count)
        for d in 0..<(events.dayStart.count - 1) {
            for i in events.dayStart[d]..<events.dayStart[d + 1] { dayOf[events.order[i]] = d }
        }
        let byLon = events.order.sorted { list[$0].lon < list[$1].lon || (list[$0].lon == list[$1].lon && $0 < $1) }
        let lons = byLon.map { list[$0].lon }
        byRoute = routes.map { route in
            let lines = route.geometry.parts.map(\.coordinates)
            guard let b = route.geometry.bounds else { return [] }
            let dLat = range / 110_574 * 1.01
            let maxLat = min(89.0, max(abs(b.minY), abs(b.maxY)) + dLat)
            let dLon = range / (111_320 * cos(maxLat * .pi / 180)) * 1.01
            var lo = 0, hi = lons.count
            // First index with lon >= b.minX - dLon.
            var a = 0, z = lons.count
            while a < z { let m = (a + z) / 2; if lons[m] < b.minX - dLon { a = m + 1 } else { z = m } }
            lo = a
            a = lo; z = lons.count
            while a < z { let m = (a + z) / 2; if lons[m] <= b.maxX + dLon { a = m + 1 } else { z = m } }
            hi = a
            var perDay: [Int: Int] = [:]
            for k in lo..<hi {
                let e = list[byLon[k]]
                guard e.lat >= b.minY - dLat, e.lat <= b.maxY + dLat else { continue }
                if Self.within(e.lon, e.lat, lines, range) { perDay[dayOf[byLon[k]], default: 0] += 1 }
            }
            return perDay.keys.sorted().map { ($0, perDay[$0]!) }
        }
    }

    /// Whether (lon, lat) lies within `range` metres of any segment of `lines`.
    static func within(_ lon: Double, _ lat: Double, _ lines: [[Coordinate]], _ range: Double) -> Bool {
        let a = 6_378_137.0, e2 = 0.00669437999014
        let phi = lat * .pi / 180
        let s = sin(phi)
        let w = 1 - e2 * s * s
        let n = a / w.squareRoot()
        let m = a * (1 - e2) / (w * w.squareRoot())
        let kx = n * cos(phi) * .pi / 180, ky = m * .pi / 180
        let r2 = range * range
        for line in lines {
            for i in 0..<max(0, line.count - 1) {
                let ax = (line[i].x - lon) * kx, ay = (line[i].y - lat) * ky
                let bx = (line[i + 1].x - lon) * kx, by = (line[i + 1].y - lat) * ky
                let dx = bx - ax, dy = by - ay
                let len2 = dx * dx + dy * dy
                var t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0
                t = max(0, min(1, t))
                let px = ax + t * dx, py = ay + t * dy
                if px * px + py * py <= r2 { return true }
            }
        }
        return false
    }

    /// The counts of route `r` over `period` (nil: the whole window).
    public func evidence(route r: Int, period: Period?) -> RouteEvidence {
        let days = events.days(of: period)
        var out = RouteEvidence()
        out.days = days.count
        for (d, c) in byRoute[r] where days.contains(d) {
            out.eventsInRange += c
            out.eventDays += 1
        }
        return out
    }

    /// The days route `r` counts as under fire by the evidence: at least `events` events in range
    /// over the `days` days ending on that day (that day included).
    public func underFireDays(route r: Int, events need: Int, days span: Int) -> [Day] {
        var out: [Day] = []
        let n = events.dayStart.count - 1
        var perDay = [Int](repeating: 0, count: n)
        for (d, c) in byRoute[r] { perDay[d] = c }
        var sum = 0
        for d in 0..<n {
            sum += perDay[d]
            if d - span >= 0 { sum -= perDay[d - span] }
            if sum >= need { out.append(events.day(d)) }
        }
        return out
    }
}
