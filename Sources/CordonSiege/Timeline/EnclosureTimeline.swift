import CordonCore
import CordonGeometry

/// The enclosure of every period of a map, in parallel (one worker per core, each with its
/// own contexts and copy of the map); then `since` is traced forward through the periods.
public enum EnclosureTimeline {
    /// The pockets of every period of `map`, each with its period and, when encircled, its `since`.
    /// - Parameters:
    ///   - map: The control map.
    ///   - options: What each period's enclosure analysis is asked.
    ///   - layers: Bases, population and districts that come with the map.
    ///   - jobs: Workers to run at once; one per core is usual.
    ///   - progress: Told the periods done and the total, from any thread.
    /// - Returns: The pockets, period by period in date order, each period's numbered by area.
    /// - Throws: What ``EnclosureAnalysis`` throws, for the first period that fails.
    public static func run(map: ControlMap, options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers(),
                           jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [Pocket] {
        try await run(map: map, options: options, layers: layers, jobs: jobs, incremental: true, progress: progress)
    }

    /// As the public `run`; `incremental` false analyses every period afresh (the tests compare
    /// the two); `shortestRun` is the fewest periods a run holds (tests ask for short runs, to
    /// cross their borders).
    static func run(map: ControlMap, options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers(),
                    jobs: Int, incremental: Bool, shortestRun: Int = 30,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [Pocket] {
        let periods = map.periods
        _ = map.bounds  // computes and caches every envelope before threads share the geometries
        let shared = Unchecked((map, layers))
        let runs = incremental ? Self.runs(periods.count, shortest: shortestRun) : periods.indices.map { $0..<($0 + 1) }
        let done = Counter()
        let byRun = try await ParallelWorkers.run(
            count: runs.count, jobs: jobs, progress: nil,
            make: {
                IncrementalEnclosure(try EnclosureAnalysis(map: shared.value.0, options: options, layers: shared.value.1,
                                                           context: try GEOSContext()))
            },
            work: { analysis, r in
                analysis.forget()
                var previous: Previous?  // the period before, when this worker analysed it
                return try runs[r].map { k in
                    var pockets = try analysis.pockets(on: periods[k].sampleDay)
                    for i in pockets.indices { pockets[i].pocket.period = periods[k] }
                    let members = analysis.lastMembers
                    let traced = try pockets.enumerated().map { i, p in
                        (p.pocket, try predecessor(of: p.pocket, sameAs: p.sameAs, members: i < members.count ? members[i] : nil,
                                                   in: previous, areas: analysis.analysis.ws.areas,
                                                   area: analysis.analysis.ws.planarArea))
                    }
                    previous = Previous(pockets.map(\.pocket), members: members)
                    progress?(done.increment(), periods.count)
                    return traced
                }
            })
        return try traceSince(byRun.flatMap { $0 }, periods: periods)
    }

    /// What a pocket continues in the period before (docs/design.md#since).
    enum Predecessor: Equatable {
        /// The pocket of that index, on the same ground.
        case same(Int)
        /// The pocket of that index holding most of its area; nil when none shares any.
        case overlapping(Int?)
        /// Not looked for yet (the period before was another worker's, or the pocket is open).
        case unknown
    }

    /// A worker's period before: its pockets, and which of them holds each area, when every
    /// pocket's areas are known.
    struct Previous {
        let pockets: [Pocket]
        let holder: [Int: Int]?

        init(_ pockets: [Pocket], members: [[Int]?]) {
            self.pockets = pockets
            var holder: [Int: Int]? = [:]
            for (j, m) in members.enumerated() {
                guard let m, members.count == pockets.count else { holder = nil; break }
                for i in m { holder?[i] = j }
            }
            self.holder = holder
        }
    }

    /// The predecessor of `pocket`, looked for in `previous` (the period before) when known and
    /// the pocket is encircled: only an encircled pocket takes a `since`. When the areas of
    /// both periods' pockets are known, the shared area is summed area by area: an area that
    /// was in a pocket the period before lies wholly in it (`area`: its planar area, as the
    /// overlay measures it); only an area new this period (a cell that changed hands is a new
    /// feature) is overlaid with the pockets its box meets. An overlay of the whole pockets
    /// decides where two come within 1e-9 of each other.
    static func predecessor(of pocket: Pocket, sameAs: Int?, members: [Int]?, in previous: Previous?,
                            areas: [ControlArea], area: (Int) throws -> Double) throws -> Predecessor {
        if let sameAs { return .same(sameAs) }
        guard pocket.encircled, let previous else { return .unknown }
        if let members, let holder = previous.holder {
            var shared: [Int: Double] = [:]
            for i in members {
                if let j = holder[i] {
                    shared[j, default: 0] += try area(i)
                    continue
                }
                let cell = areas[i].geometry
                guard let box = cell.bounds else { continue }
                for (j, q) in previous.pockets.enumerated() where q.geometry.bounds.map(box.intersects) ?? false {
                    shared[j, default: 0] += try q.geometry.cut(to: box).intersection(cell).planarArea()
                }
            }
            let ranked = shared.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            guard let best = ranked.first else { return .overlapping(nil) }
            if ranked.count == 1 || best.value - ranked[1].value > 1e-9 * best.value { return .overlapping(best.key) }
        }
        return .overlapping(try largestOverlap(of: pocket, in: previous.pockets))
    }

    /// The pocket of `previous` sharing most area with `pocket`; nil when none shares any. Only
    /// pockets whose box meets its box and that touch it are overlaid (prepared, indexed).
    static func largestOverlap(of pocket: Pocket, in previous: [Pocket]) throws -> Int? {
        guard let box = pocket.geometry.bounds else { return nil }
        var prepared: PreparedGeometry?
        var best: (area: Double, index: Int)?
        for (j, q) in previous.enumerated() where q.geometry.bounds.map(box.intersects) ?? false {
            if prepared == nil { prepared = try PreparedGeometry(pocket.geometry) }
            guard try prepared!.intersects(q.geometry) else { continue }
            let shared = try pocket.geometry.intersection(q.geometry).planarArea()
            if shared > 0, shared > (best?.area ?? 0) { best = (shared, j) }
        }
        return best?.index
    }

    /// Runs of consecutive periods, each worked from its first period on by one worker. Their
    /// length depends on the number of periods alone, so the output never depends on `jobs`:
    /// an eighth of them, and at least `shortest` (each run's first period is analysed whole,
    /// its closure searches from scratch; 120 periods take 4 runs, a year 8).
    static func runs(_ count: Int, shortest: Int = 30) -> [Range<Int>] {
        let length = max(shortest, (count + 7) / 8)
        return stride(from: 0, to: count, by: length).map { $0..<min($0 + length, count) }
    }

    /// `since`: the first day of the current, unbroken encirclement of the pocket that holds
    /// most of this one's area in the previous period. A pocket on the same ground as one of
    /// the previous period shares all its ground with it and none with the others, so it takes
    /// its date without an overlay; the others were mostly looked up by the workers.
    static func traceSince(_ byPeriod: [[(pocket: Pocket, before: Predecessor)]], periods: [Period]) throws -> [Pocket] {
        var out: [Pocket] = []
        var previous: [Pocket] = []
        for (k, pockets) in byPeriod.enumerated() {
            var current = pockets.map(\.pocket)
            for i in current.indices where current[i].encircled {
                var before = pockets[i].before
                if case .same(let j) = before, j >= previous.count { before = .unknown }
                if before == .unknown { before = .overlapping(try largestOverlap(of: current[i], in: previous)) }
                switch before {
                case .same(let j):
                    let q = previous[j]
                    current[i].since = q.encircled ? q.since ?? q.period?.from : periods[k].from
                case .overlapping(let j?) where previous[j].encircled:
                    current[i].since = previous[j].since ?? previous[j].period?.from
                default:
                    current[i].since = periods[k].from
                }
            }
            out += current
            previous = current
        }
        return out
    }
}
