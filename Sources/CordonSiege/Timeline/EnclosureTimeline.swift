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
    /// - Returns: The pockets, period by period in date order, each period's by descending area;
    ///   their numbers follow their ground from period to period (docs/design.md#pocket-numbers).
    /// - Throws: What ``EnclosureAnalysis`` throws, for the first period that fails.
    public static func run(map: ControlMap, options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers(),
                           jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [Pocket] {
        try await run(map: map, options: options, layers: layers, jobs: jobs, incremental: true, progress: progress)
    }

    /// As the public `run`; `incremental` false analyses every period afresh (the tests compare
    /// the two); `shortestRun` is the fewest periods a run holds (tests ask for short runs, to
    /// cross their borders).
    static func run(map: ControlMap, options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers(),
                    jobs: Int, incremental: Bool, shortestRun: Int = 60,
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
                var before: PeriodBefore?  // the period before, when this worker analysed it
                return try runs[r].map { k in
                    let pockets = try analysis.pockets(on: periods[k].sampleDay)
                    let outlines = analysis.lastPockets.map(\.lonLat), members = analysis.lastMembers
                    var traced: [(pocket: Pocket, before: PeriodBefore.Link)] = []
                    for (i, p) in pockets.enumerated() {
                        var pocket = p.pocket
                        pocket.period = periods[k]
                        // A run's first period has no period before here (and no `sameAs`): `traceSince` links it.
                        traced.append((pocket, try before?.link(of: pocket, outline: outlines[i], sameAs: p.sameAs,
                                                                members: members[i], ws: analysis.analysis.ws) ?? .unknown))
                    }
                    before = PeriodBefore(traced.map(\.pocket), outlines: outlines, members: members)
                    progress?(done.increment(), periods.count)
                    return traced
                }
            })
        return try traceSince(byRun.flatMap { $0 }, periods: periods)
    }

    /// Runs of consecutive periods, each worked from its first period on by one worker. Their
    /// length depends on the number of periods alone, so the output never depends on `jobs`:
    /// an eighth of them, and at least `shortest` (each run's first period is analysed whole,
    /// its closure searches from scratch; 120 periods take 2 runs, a year 7).
    static func runs(_ count: Int, shortest: Int = 60) -> [Range<Int>] {
        let length = max(shortest, (count + 7) / 8)
        return stride(from: 0, to: count, by: length).map { $0..<min($0 + length, count) }
    }

    /// `since`: the first day of the current, unbroken encirclement of the pocket that holds
    /// most of this one's area in the previous period; then the numbers that follow each
    /// pocket's ground (`PocketNumbers`). A pocket on the same ground as one of the previous
    /// period shares all its ground with it and none with the others, so it is linked without
    /// an overlay; the others were mostly looked up by the workers.
    static func traceSince(_ byPeriod: [[(pocket: Pocket, before: PeriodBefore.Link)]], periods: [Period]) throws -> [Pocket] {
        var traced: [[Pocket]] = []
        var numbering: [[PeriodBefore.Link]] = []
        var previous: [Pocket] = []
        for (k, pockets) in byPeriod.enumerated() {
            var current = pockets.map(\.pocket)
            var links: [PeriodBefore.Link] = []
            for i in current.indices {
                var before = pockets[i].before
                if case .same(let j) = before, j >= previous.count { before = .unknown }
                if before == .unknown { before = .overlapping(try PeriodBefore.largestOverlap(of: current[i], in: previous)) }
                links.append(before)
                // In the first period, and after a pocket encircled since then, nil: the map does not
                // say when that encirclement began.
                guard current[i].encircled, k > 0 else { continue }
                if let j = before.pocket, previous[j].encircled {
                    current[i].since = previous[j].since
                } else {
                    current[i].since = periods[k].from
                }
            }
            traced.append(current)
            numbering.append(links)
            previous = current
        }
        try PocketNumbers.renumber(&traced, before: numbering)
        return traced.flatMap { $0 }
    }
}
