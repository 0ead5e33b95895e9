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
    }

    /// What the events say of each pocket in its period.
    public static func pockets(_ pockets: [Pocket], events: EventIndex, jobs: Int) async throws -> [AreaEvidence] {
        try await areas(pockets.map { Area(geometry: $0.geometry, period: $0.period, areaKm2: $0.areaKm2) },
                        events: events, jobs: jobs)
    }

    /// Counts the placed events inside each area during its period. An event on the boundary
    /// of two areas of one period goes to the one listed first; areas of different periods
    /// never compete, as an event has one day.
    /// - Returns: One ``AreaEvidence`` per area, in order.
    public static func areas(_ areas: [Area], events: EventIndex, jobs: Int) async throws -> [AreaEvidence] {
        // Areas of one period are located together; rings are read here, on one thread.
        var groups: [Period?: [Int]] = [:]
        var periodOrder: [Period?] = []
        for (i, a) in areas.enumerated() {
            if groups[a.period] == nil { periodOrder.append(a.period) }
            groups[a.period, default: []].append(i)
        }
        let jobsWork = Handover(value: periodOrder.map { period -> (Period?, [Int], PointLocator) in
            let members = groups[period]!
            return (period, members, PointLocator(members.map { areas[$0].geometry }))
        })
        let sizes = areas.map(\.areaKm2)
        let results = try await ParallelWorkers.run(
            count: periodOrder.count, jobs: jobs, progress: nil, make: { () },
            work: { _, k in
                let (period, members, locator) = jobsWork.value[k]
                return count(events: events, days: events.days(of: period), locator: locator,
                             sizes: members.map { sizes[$0] })
            })
        var out = [AreaEvidence](repeating: AreaEvidence(), count: areas.count)
        for (k, r) in results.enumerated() {
            for (j, member) in jobsWork.value[k].1.enumerated() { out[member] = r[j] }
        }
        return out
    }

    static func count(events: EventIndex, days: Range<Int>, locator: PointLocator, sizes: [Double]) -> [AreaEvidence] {
        let n = sizes.count
        var counts = [Int](repeating: 0, count: n)
        var deaths = [Double](repeating: 0, count: n)
        var last = [Int](repeating: -1, count: n)
        let typeCount = events.set.types.count
        var byType = [[Int32: Int]](repeating: [:], count: n)
        var bySub = [[Int64: Int]](repeating: [:], count: n)
        var scratch = [UInt8](repeating: 0, count: n)
        let list = events.set.events
        if !days.isEmpty {
            for d in days {
                for i in events.dayStart[d]..<events.dayStart[d + 1] {
                    let e = list[events.order[i]]
                    guard let a = locator.locate(e.lon, e.lat, scratch: &scratch) else { continue }
                    counts[a] += 1
                    deaths[a] += e.fatalities
                    last[a] = d
                    byType[a][e.type, default: 0] += 1
                    if e.subType >= 0 { bySub[a][Int64(e.type) * Int64(typeCount) + Int64(e.subType), default: 0] += 1 }
                }
            }
        }
        let names = events.set.types
        return (0..<n).map { a in
            var r = AreaEvidence()
            r.events = counts[a]
            r.fatalities = deaths[a]
            r.byType = byType[a].keys.sorted().map { (names[Int($0)], byType[a][$0]!) }
            r.bySubType = bySub[a].keys.sorted().map { key in
                let t = Int(key / Int64(typeCount)), s = Int(key % Int64(typeCount))
                return ("\(names[t])/\(names[s])", bySub[a][key]!)
            }
            r.days = days.count
            if sizes[a] > 0, days.count > 0 { r.perKm2Day = Double(counts[a]) / (sizes[a] * Double(days.count)) }
            if last[a] >= 0 {
                r.lastEvent = events.day(last[a])
                r.daysSinceEvent = days.upperBound - 1 - last[a]
            }
            return r
        }
    }
}
