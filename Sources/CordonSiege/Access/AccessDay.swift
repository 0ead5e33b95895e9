import CordonCore
import CordonGeometry

/// A pocket's roads on one date.
public struct PocketAccess {
    /// The pocket, as enclosure finds it, but for its `hostileShare`: road access does not
    /// measure it, and leaves it NaN.
    public var pocket: Pocket
    /// Road nodes inside the pocket.
    public var roadNodes: Int
    /// Whether a road leads from the pocket to the way out without crossing hostile ground
    /// (nor fire range, with avoid-fire).
    public var roadWayOut = false
    /// The safest road out: least exposed length, then least time.
    public var safest: RoadPath?
    /// Without a safe road: the road out with the least length inside hostile ground, the cut
    /// that would reopen the pocket.
    public var reopen: RoadPath?
    /// Residents of the places in the pocket within 15, 30 and 60 minutes of an open corridor's entry.
    public var residentsWithin: [Int: Double] = [:]
    /// Why there is no safe road out, in words (`why_no_road_way_out`); nil when there is one.
    public var whyNoRoadWayOut: String?

    init(pocket: Pocket, roadNodes: Int) {
        self.pocket = pocket
        self.roadNodes = roadNodes
    }
}

/// A district's or population point's travel times on one date.
public struct PlaceAccess {
    /// The place.
    public var place: AccessPlace
    /// Metres from its point to the nearest road (a place farther than `AccessOptions.maxToRoad` gets no times).
    public var toRoadMetres: Double
    /// The pocket it lies in, by its position in its day's `pockets` (written as that pocket's number).
    public var pocket: Int?
    /// The name of the open corridor whose entry is quickest to reach by road.
    public var corridor: String?
    /// Seconds by road to that entry.
    public var corridorSeconds: Double?
    /// Metres by road to that entry.
    public var corridorMetres: Double?
    /// Seconds to the way out by the quickest road that crosses no hostile ground.
    public var wayOutSeconds: Double?
    /// Metres to the way out along that road.
    public var wayOutMetres: Double?
    /// Why there are no minutes to an open corridor's entry, in words (`why_no_corridor`); nil when there are.
    public var whyNoCorridor: String?
    /// Why there are no minutes to the way out, in words (`why_no_way_out`); nil when there are.
    public var whyNoWayOut: String?

    init(place: AccessPlace, toRoadMetres: Double) {
        self.place = place
        self.toRoadMetres = toRoadMetres
    }
}

/// Road access on one date or period.
public struct AccessDay {
    /// The period it holds for (timeline), or nil.
    public var period: Period?
    /// The date asked, on single-date answers.
    public var date: Day?
    /// Pockets, by descending area.
    public var pockets: [PocketAccess] = []
    /// Places, in file order.
    public var places: [PlaceAccess] = []
    /// Edges with more than t metres inside hostile ground.
    public var cutEdges: [Int] = []
    /// Edges, not cut, with more than t metres within fire range.
    public var exposedEdges: [Int] = []
    /// The pockets that lost or regained their last safe road since the period `before`, which
    /// ends the day this one starts: found by the timeline's worker that analysed both, in its
    /// own GEOS context, so `AccessSummary.changes` need not compare them again on one thread.
    var changesSince: (before: Period, changes: [AccessSummary.Change])?
    /// For each pocket, the position of the pocket on the same ground in the period before,
    /// where the worker that analysed both knew it: numbering then needs no comparison of them.
    var sameAs: [Int?] = []
}

/// The output layers of road access (docs/design.md#roads).
public enum AccessLayers {
    /// Layer names, in the order they are written.
    public static let names = ["access_pockets", "access_paths", "access_roads", "access_places"]

    /// Every feature of `days`, by layer, each stamped with its `date` or `from`/`until`.
    ///
    /// - Parameters:
    ///   - days: The days or periods, as ``AccessAnalysis`` gives them.
    ///   - network: The roads they were found on (the cut and exposed roads' lines and lengths).
    ///   - tagged: Whether each feature's first property is its `layer` (one GeoJSON file holds them all).
    public static func features(_ days: [AccessDay], network: RoadNetwork, tagged: Bool = false) throws -> [(layer: String, features: [Feature])] {
        // Pockets, paths and places are plain values: made on two threads from a few thousand
        // on, each taking a run of the days' pockets and blocks of places, joined in order.
        var jobs: [(day: Int, places: Range<Int>?)] = []
        var weights: [Int] = []
        for (k, d) in days.enumerated() {
            jobs.append((k, nil))
            weights.append(2 * d.pockets.count + 1)
            for lo in stride(from: 0, to: d.places.count, by: 4096) {
                jobs.append((k, lo..<min(d.places.count, lo + 4096)))
                weights.append(min(d.places.count, lo + 4096) - lo)
            }
        }
        let total = weights.reduce(0, +)
        var split = 0, sum = 0
        while split < jobs.count, 2 * sum < total { sum += weights[split]; split += 1 }
        let ranges = total >= 4096 ? [0..<split, split..<jobs.count] : [0..<jobs.count]
        // The roads' lines are made on a side thread, in a GEOS context of their own, meanwhile.
        let roadsMade = SideTask { () throws -> [Feature] in
            let ctx = try GEOSContext()
            return try roadRuns(days).map { run in
                let lines = try ctx.collection(.multiLineString, try network.stretches(run.edges).map { try ctx.lineString($0) })
                let rows = PropertyRows(layer: tagged ? names[2] : nil, ["status", "edges", "length_km"], period: run.period, date: run.date)
                return rows.feature(lines, "roads", part: run.status, [
                    .string(run.status), .number(Double(run.edges.count)), km(run.edges.reduce(0) { $0 + network.lengths[$1] }),
                ])
            }
        }
        let shared = Unchecked(days)
        let made: [Made]
        do {
            made = try SideTask<Made>.pieces(ranges.count) { r in
                var m = Made(tagged: tagged)
                for (k, places) in jobs[ranges[r]] {
                    if let places { m.add(places: shared.value[k], places) } else { m.add(pockets: shared.value[k]) }
                }
                return m
            }
        } catch {
            roadsMade.wait()
            throw error
        }
        let roads = try roadsMade.value()
        return [(names[0], made.flatMap(\.pockets)), (names[1], made.flatMap(\.paths)), (names[2], roads),
                (names[3], made.flatMap(\.places))]
    }

    private static func km(_ m: Double) -> JSONValue { .number(NumberText.rounded(m / 1000, places: 6)) }
    private static func minutes(_ s: Double) -> JSONValue { .number(NumberText.rounded(s / 60, places: 3)) }
    private static func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    private static let pocketNames = ["pocket", "status", "road_way_out", "road_nodes", "length_km", "exposed_km", "minutes",
                                      "ends_in", "reopen_cut_km", "why_no_road_way_out"]
        + accessThresholds.map { "residents_within_\($0)_min" } + ["population"]
    private static let pathNames = ["pocket", "kind", "length_km", "exposed_km", "hostile_km", "minutes", "ends_in"]
    private static let placeNames = ["name", "population", "pocket", "to_road_m", "corridor", "minutes_to_corridor",
                                     "km_to_corridor", "minutes_to_way_out", "km_to_way_out", "why_no_corridor", "why_no_way_out"]

    /// The pocket, path and place features of some days, in order.
    private struct Made {
        let tagged: Bool
        var pockets: [Feature] = [], paths: [Feature] = [], places: [Feature] = []

        init(tagged: Bool) { self.tagged = tagged }

        mutating func add(pockets d: AccessDay) {
            let pocketRows = PropertyRows(layer: tagged ? names[0] : nil, pocketNames, period: d.period, date: d.date)
            let pathRows = PropertyRows(layer: tagged ? names[1] : nil, pathNames, period: d.period, date: d.date)
            for a in d.pockets {
                let name = "pocket-\(a.pocket.index)", number = JSONValue.number(Double(a.pocket.index))
                var p: [JSONValue] = [number, .string(a.pocket.status), .bool(a.roadWayOut), .number(Double(a.roadNodes)),
                                      a.safest.map { km($0.metres) } ?? .null, a.safest.map { km($0.exposedMetres) } ?? .null,
                                      a.safest.map { minutes($0.seconds) } ?? .null, text(a.safest?.endsIn),
                                      a.reopen.map { km($0.hostileMetres) } ?? .null, text(a.whyNoRoadWayOut)]
                for th in accessThresholds { p.append(.number((a.residentsWithin[th] ?? 0).rounded())) }
                p.append(.number(a.pocket.population.rounded()))
                pockets.append(pocketRows.feature(a.pocket.geometry, name, p))
                for (kind, path) in [("safest", a.safest), ("reopen", a.reopen)] {
                    guard let path else { continue }
                    paths.append(pathRows.feature(path.geometry, name, part: kind, [
                        number, .string(kind), km(path.metres), km(path.exposedMetres), km(path.hostileMetres),
                        minutes(path.seconds), text(path.endsIn),
                    ]))
                }
            }
        }

        mutating func add(places d: AccessDay, _ range: Range<Int>) {
            let rows = PropertyRows(layer: tagged ? names[3] : nil, placeNames, period: d.period, date: d.date)
            for pl in d.places[range] {
                places.append(rows.feature(pl.place.geometry, pl.place.name, [
                    .string(pl.place.name), pl.place.population.map { .number($0.rounded()) } ?? .null,
                    pl.pocket.map { .number(Double(d.pockets[$0].pocket.index)) } ?? .null, .number(pl.toRoadMetres.rounded()),
                    text(pl.corridor), pl.corridorSeconds.map(minutes) ?? .null, pl.corridorMetres.map(km) ?? .null,
                    pl.wayOutSeconds.map(minutes) ?? .null, pl.wayOutMetres.map(km) ?? .null,
                    text(pl.whyNoCorridor), text(pl.whyNoWayOut),
                ]))
            }
        }
    }

    /// Cut and exposed roads, each written once per run of consecutive periods in which it
    /// keeps its status: the roads whose runs start and end together make one MultiLineString
    /// (a road cut for a month is one feature, not thirty), each stretch of a road one line in
    /// it. A single date gives one per status.
    static func roadRuns(_ days: [AccessDay]) -> [(status: String, period: Period?, date: Day?, edges: [Int])] {
        var out: [(status: String, period: Period?, date: Day?, edges: [Int])] = []
        let statuses = [("cut", \AccessDay.cutEdges), ("exposed", \AccessDay.exposedEdges)]
        // One day: one run per status, as the runs below would give it (edges ascending).
        if days.count == 1, let d = days.first {
            return statuses.compactMap { name, edges in d[keyPath: edges].isEmpty ? nil : (name, d.period, d.date, d[keyPath: edges].sorted()) }
        }
        // Per status, each edge in a run and the day (index) the run began.
        var open = [[Int: Int]](repeating: [:], count: statuses.count)
        var closed: [(start: Int, end: Int, status: Int, edge: Int)] = []
        for (i, d) in days.enumerated() {
            let follows = i > 0 && d.period != nil && days[i - 1].period != nil && days[i - 1].period!.until == d.period!.from
            for (k, (_, edges)) in statuses.enumerated() {
                let now = Set(d[keyPath: edges])
                for (e, start) in open[k] where !follows || !now.contains(e) {
                    closed.append((start, i - 1, k, e))
                    open[k][e] = nil
                }
                for e in d[keyPath: edges] where open[k][e] == nil { open[k][e] = i }
            }
        }
        for k in open.indices { for (e, start) in open[k] { closed.append((start, days.count - 1, k, e)) } }
        closed.sort { ($0.start, $0.status, $0.end, $0.edge) < ($1.start, $1.status, $1.end, $1.edge) }
        var i = 0
        while i < closed.count {
            var j = i
            while j < closed.count, closed[j].start == closed[i].start, closed[j].end == closed[i].end,
                  closed[j].status == closed[i].status { j += 1 }
            let first = days[closed[i].start], last = days[closed[i].end]
            let period = first.period.map { Period(from: $0.from, until: last.period?.until) }
            out.append((statuses[closed[i].status].0, period, first.date, closed[i..<j].map(\.edge)))
            i = j
        }
        return out
    }
}
