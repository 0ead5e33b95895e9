import CordonCore
import CordonGeometry

/// What a whole run of road access found, in a few numbers (the one line `cordon access`
/// prints on standard error): the dates and counts of every period, not just the last.
public enum AccessSummary {
    /// A day on which a pocket lost its last safe road out or gained one back.
    public struct Change: Equatable, Sendable {
        /// The first day of the period in which the pocket is without (or again with) a safe road.
        public var date: Day
        /// The pocket's position in that period's `pockets` (by area).
        public var pocket: Int
        /// True when a safe road out came back, false when the last one was lost.
        public var regained: Bool
    }

    /// Each pocket, period by period, whose `road_way_out` differs from that of a pocket of the
    /// period just before that shares ground with it (more than a boundary): a pocket without a
    /// safe road on ground that had one the period before lost its last safe road there; one
    /// with a safe road on ground that had none regained one. Periods that do not follow on
    /// (a gap) compare nothing. In date order, then by pocket.
    public static func changes(_ days: [AccessDay]) throws -> [Change] {
        var out: [Change] = []
        for (before, now) in zip(days, days.dropFirst()) {
            guard let b = before.period, let p = now.period, b.until == p.from, p.from != nil else { continue }
            // Found already by the timeline's worker that analysed both periods.
            if let found = now.changesSince, found.before == b { out += found.changes; continue }
            out += try changes(from: before, to: now)
        }
        return out
    }

    /// The changes between two consecutive periods (`now` starting the day `before` ends).
    static func changes(from before: AccessDay, to now: AccessDay) throws -> [Change] {
        guard let date = now.period?.from else { return [] }
        var out: [Change] = []
        // The pockets of one period share no ground with each other, so a pocket carried
        // from the period before (the same geometry) shares ground with that pocket alone.
        var beforeAt: [ObjectIdentifier: Int] = [:]
        for (j, q) in before.pockets.enumerated() { beforeAt[ObjectIdentifier(q.pocket.geometry)] = j }
        let carriedFrom = now.pockets.map { beforeAt[ObjectIdentifier($0.pocket.geometry)] }
        let carried = Set(carriedFrom.compactMap { $0 })
        for (k, a) in now.pockets.enumerated() {
            guard let box = a.pocket.geometry.bounds else { continue }
            let shares: Bool
            if let j = carriedFrom[k] {
                shares = before.pockets[j].roadWayOut != a.roadWayOut
            } else {
                // Only pockets of the other answer can make a change: most dates compare none.
                shares = try before.pockets.indices.contains { j in
                    let q = before.pockets[j]
                    guard q.roadWayOut != a.roadWayOut, !carried.contains(j), let qb = q.pocket.geometry.bounds,
                          qb.intersects(box), try q.pocket.geometry.intersects(a.pocket.geometry) else { return false }
                    return try sharesArea(q.pocket.geometry.intersection(a.pocket.geometry))
                }
            }
            if shares { out.append(Change(date: date, pocket: k, regained: a.roadWayOut)) }
        }
        return out
    }

    private static func sharesArea(_ g: Geometry) -> Bool {
        if g.isEmpty { return false }
        if g.type.isPolygonal { return true }
        return g.type.isCollection && g.parts.contains(where: sharesArea)
    }

    /// The summary of `days` (one date, or a timeline's periods) on a network of `roadEdges` edges.
    ///
    /// One date: its `date` (on a dated map), `pockets`, `with_road_way_out`, `cut_roads`,
    /// `exposed_roads` and, with places, `places_without_way_out`. A timeline: `periods`, `from`/`until` of the whole run, the
    /// dates a pocket `lost_last_safe_road` and `regained_safe_road`, the most pockets in a
    /// period, the periods in which some pocket had no safe road, the roads cut or exposed in
    /// any period, and the same counts as for one date for its `last_period`.
    public static func json(_ days: [AccessDay], roadEdges: Int) throws -> JSONObject {
        let places = days.contains { !$0.places.isEmpty }
        func counts(_ d: AccessDay) -> JSONObject {
            var c: JSONObject = ["pockets": .number(Double(d.pockets.count)),
                                 "with_road_way_out": .number(Double(d.pockets.filter(\.roadWayOut).count)),
                                 "cut_roads": .number(Double(d.cutEdges.count)),
                                 "exposed_roads": .number(Double(d.exposedEdges.count))]
            if places { c["places_without_way_out"] = .number(Double(d.places.filter { $0.wayOutSeconds == nil }.count)) }
            return c
        }
        func day(_ d: Day?) -> JSONValue { d.map { .string($0.description) } ?? .null }
        var out = JSONObject()
        if days.count == 1, let only = days.first, only.period == nil {
            if let date = only.date { out["date"] = .string(date.description) }
            for (k, v) in counts(only) { out[k] = v }
        } else {
            let changes = try changes(days)
            let dates = { (regained: Bool) -> JSONValue in
                .array(Array(Set(changes.filter { $0.regained == regained }.map(\.date))).sorted().map { .string($0.description) })
            }
            out["periods"] = .number(Double(days.count))
            out["from"] = day(days.first?.period?.from)
            out["until"] = day(days.last?.period?.until)
            out["lost_last_safe_road"] = dates(false)
            out["regained_safe_road"] = dates(true)
            out["pockets_most"] = .number(Double(days.map(\.pockets.count).max() ?? 0))
            out["periods_with_a_pocket_without_road_way_out"] = .number(Double(days.filter { $0.pockets.contains { !$0.roadWayOut } }.count))
            out["cut_roads_any_period"] = .number(Double(Set(days.flatMap(\.cutEdges)).count))
            out["exposed_roads_any_period"] = .number(Double(Set(days.flatMap(\.exposedEdges)).count))
            if let last = days.last {
                var l = counts(last)
                l["from"] = day(last.period?.from)
                out["last_period"] = .object(l)
            }
        }
        out["road_edges"] = .number(Double(roadEdges))
        return out
    }
}
