import CordonCore
import CordonGeometry

/// Counting events in areas and near routes, period by period (docs/design.md#evidence). Any
/// command that has pockets or routes per period can call it.
public enum EventTally {
    /// One area to count in: its ground, the period it holds for, its area.
    public struct Area {
        /// Polygon or MultiPolygon, lon/lat.
        public let geometry: Geometry
        /// The period the ground holds for; nil: the whole window.
        public let period: Period?
        /// Geodesic area, km², for `events_per_km2_day`.
        public let areaKm2: Double

        /// An area to count events in.
        public init(geometry: Geometry, period: Period?, areaKm2: Double) {
            self.geometry = geometry
            self.period = period
            self.areaKm2 = areaKm2
        }

        /// A pocket's ground in its period.
        public init(_ pocket: Pocket) {
            self.init(geometry: pocket.geometry, period: pocket.period, areaKm2: pocket.areaKm2)
        }
    }

    /// What the events say of each pocket in its period.
    public static func pockets(_ pockets: [Pocket], events: EventIndex, jobs: Int) async throws -> [AreaEvidence] {
        try await areas(pockets.map(Area.init), events: events, jobs: jobs)
    }

    /// What the events say of each pocket in its period, and the alerts of each pocket's series
    /// (``EventAlerts/find(series:periods:daily:events:days:minimum:)``), each on the pocket's
    /// ground that day: `cordon enclosure --timeline --events` and `cordon run` write both.
    /// `daily` is each pocket's placed events, as ``counted(_:events:jobs:daily:)`` gives them.
    public static func pockets(_ pockets: [Pocket], events: EventIndex, jobs: Int, alertMinimum: Double) async throws
        -> (evidence: [AreaEvidence], alerts: [Feature], daily: [[(day: Int, fatalities: Double)]]) {
        let counted = try await counted(pockets.map(Area.init), events: events, jobs: jobs, daily: true)
        let alerts = EventAlerts.find(series: pockets.map(\.index), periods: pockets.map(\.period), daily: counted.daily,
                                      events: events, minimum: alertMinimum)
        return (counted.evidence, alerts.map { $0.feature(on: pockets[$0.area].geometry, minimum: alertMinimum) }, counted.daily)
    }

    /// Counts the placed events inside each area during its period. An event on the boundary
    /// of two areas that both hold on its day goes to the one listed first.
    ///
    /// The window is cut into spans in which the same areas hold (between consecutive `from`
    /// and `until` days), so each event is located once, among the areas of its day, whatever
    /// the periods: one per map period, or long ones that last over many.
    /// - Returns: One ``AreaEvidence`` per area, in order.
    public static func areas(_ areas: [Area], events: EventIndex, jobs: Int) async throws -> [AreaEvidence] {
        try await counted(areas, events: events, jobs: jobs, daily: false).evidence
    }

    /// ``areas(_:events:jobs:)``, and with `daily`, the deaths of each event placed in each area,
    /// in day order (days as offsets from the window's first; a day may come more than once), for
    /// ``EventAlerts``.
    public static func counted(_ areas: [Area], events: EventIndex, jobs: Int, daily: Bool)
        async throws -> (evidence: [AreaEvidence], daily: [[(day: Int, fatalities: Double)]]) {
        let dayCount = events.dayCount
        let spans = areas.map { events.days(of: $0.period) }
        var cuts = Set([0, dayCount])
        for r in spans where !r.isEmpty { cuts.insert(r.lowerBound); cuts.insert(r.upperBound) }
        let bounds = cuts.sorted()
        // Rings are read here, once per area, on one thread; locators are built by the workers.
        let rings = Unchecked(areas.map { PointLocator.rings(of: $0.geometry) })
        var pieces: [(days: Range<Int>, members: [Int])] = []
        for (a, b) in zip(bounds, bounds.dropFirst()) where a < b {
            let members = spans.indices.filter { spans[$0].lowerBound <= a && b <= spans[$0].upperBound }
            if !members.isEmpty { pieces.append((a..<b, members)) }
        }
        let work = pieces
        let typeCount = events.set.types.count
        let results = try await ParallelWorkers.run(
            count: work.count, jobs: jobs, progress: nil, make: { () },
            work: { _, k in
                let (days, members) = work[k]
                let locator = PointLocator(rings: members.map { rings.value[$0] })
                return tally(events: events, days: days, locator: locator, typeCount: typeCount, daily: daily)
            })
        // Each area's spans added up.
        var counts = [Int](repeating: 0, count: areas.count)
        var deaths = [Double](repeating: 0, count: areas.count)
        var last = [Int](repeating: -1, count: areas.count)
        var byType = [[Int32: Int]](repeating: [:], count: areas.count)
        var bySub = [[Int64: Int]](repeating: [:], count: areas.count)
        var perDay = [[(day: Int, fatalities: Double)]](repeating: [], count: daily ? areas.count : 0)
        for (k, r) in results.enumerated() {
            for (j, day, deaths) in r.hits { perDay[work[k].members[j]].append((day, deaths)) }
            for (j, member) in work[k].members.enumerated() {
                counts[member] += r.counts[j]
                deaths[member] += r.deaths[j]
                last[member] = max(last[member], r.last[j])
                for (t, n) in r.byType[j] { byType[member][t, default: 0] += n }
                for (t, n) in r.bySub[j] { bySub[member][t, default: 0] += n }
            }
        }
        let names = events.set.types
        let evidence = areas.indices.map { a in
            var e = AreaEvidence()
            e.events = counts[a]
            e.fatalities = deaths[a]
            e.byType = byType[a].keys.sorted().map { (names[Int($0)], byType[a][$0]!) }
            e.bySubType = bySub[a].keys.sorted().map { key in
                let t = Int(key / Int64(typeCount)), s = Int(key % Int64(typeCount))
                return ("\(names[t])/\(names[s])", bySub[a][key]!)
            }
            let days = spans[a]
            e.days = days.count
            if areas[a].areaKm2 > 0, days.count > 0 { e.perKm2Day = Double(counts[a]) / (areas[a].areaKm2 * Double(days.count)) }
            if last[a] >= 0 {
                e.lastEvent = events.day(last[a])
                e.daysSinceEvent = days.upperBound - 1 - last[a]
            }
            return e
        }
        return (evidence, perDay)
    }

    /// What one span's events say of its areas, by position among them.
    struct SpanTally {
        var counts: [Int], deaths: [Double], last: [Int]
        var byType: [[Int32: Int]], bySub: [[Int64: Int]]
        /// With `daily`: each event placed, by area (position) and day, with its deaths.
        var hits: [(area: Int, day: Int, fatalities: Double)] = []
    }

    static func tally(events: EventIndex, days: Range<Int>, locator: PointLocator, typeCount: Int, daily: Bool = false) -> SpanTally {
        let n = locator.count
        var t = SpanTally(counts: [Int](repeating: 0, count: n), deaths: [Double](repeating: 0, count: n),
                          last: [Int](repeating: -1, count: n), byType: [[Int32: Int]](repeating: [:], count: n),
                          bySub: [[Int64: Int]](repeating: [:], count: n))
        // Types and type/sub-type pairs are counted in flat tables (a few hundred numbers per
        // area), unless a file has so many types that the pairs' table would be large.
        let flatTypes = n.multipliedReportingOverflow(by: typeCount).partialValue <= 1 << 22 && typeCount <= 1 << 11
        let pairs = flatTypes ? typeCount * typeCount : 0
        let flatPairs = flatTypes && n * pairs <= 1 << 22
        var types = [Int](repeating: 0, count: flatTypes ? n * typeCount : 0)
        var subs = [Int](repeating: 0, count: flatPairs ? n * pairs : 0)
        var scratch = [UInt8](repeating: 0, count: n)
        let list = events.set.events
        for d in days {
            for i in events.dayStart[d]..<events.dayStart[d + 1] {
                let e = list[events.order[i]]
                guard let a = locator.locate(e.lon, e.lat, scratch: &scratch) else { continue }
                t.counts[a] += 1
                t.deaths[a] += e.fatalities
                t.last[a] = d
                if flatTypes { types[a * typeCount + Int(e.type)] += 1 } else { t.byType[a][e.type, default: 0] += 1 }
                if e.subType >= 0 {
                    let pair = Int(e.type) * typeCount + Int(e.subType)
                    if flatPairs { subs[a * pairs + pair] += 1 } else { t.bySub[a][Int64(pair), default: 0] += 1 }
                }
                if daily { t.hits.append((a, d, e.fatalities)) }
            }
        }
        for a in 0..<n where t.counts[a] > 0 {
            if flatTypes {
                for k in 0..<typeCount where types[a * typeCount + k] > 0 { t.byType[a][Int32(k)] = types[a * typeCount + k] }
            }
            if flatPairs {
                for k in 0..<pairs where subs[a * pairs + k] > 0 { t.bySub[a][Int64(k)] = subs[a * pairs + k] }
            }
        }
        return t
    }
}
