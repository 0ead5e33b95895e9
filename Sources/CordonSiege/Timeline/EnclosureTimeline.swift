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

    /// As the public `run`; `incremental` false analyses every period afresh (the tests compare the two).
    static func run(map: ControlMap, options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers(),
                    jobs: Int, incremental: Bool, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [Pocket] {
        let periods = map.periods
        _ = map.bounds  // computes and caches every envelope before threads share the geometries
        let shared = Unchecked((map, layers))
        let runs = incremental ? Self.runs(periods.count) : periods.indices.map { $0..<($0 + 1) }
        let done = Counter()
        let byRun = try await ParallelWorkers.run(
            count: runs.count, jobs: jobs, progress: nil,
            make: {
                IncrementalEnclosure(try EnclosureAnalysis(map: shared.value.0, options: options, layers: shared.value.1,
                                                           context: try GEOSContext()))
            },
            work: { analysis, r in
                analysis.forget()
                return try runs[r].map { k in
                    var pockets = try analysis.pockets(on: periods[k].sampleDay)
                    for i in pockets.indices { pockets[i].pocket.period = periods[k] }
                    progress?(done.increment(), periods.count)
                    return pockets
                }
            })
        return try traceSince(byRun.flatMap { $0 }, periods: periods)
    }

    /// Runs of consecutive periods, each worked from its first period on by one worker. Their
    /// length depends on the number of periods alone, so the output never depends on `jobs`.
    static func runs(_ count: Int) -> [Range<Int>] {
        let length = max(8, (count + 7) / 8)
        return stride(from: 0, to: count, by: length).map { $0..<min($0 + length, count) }
    }

    /// `since`: the first day of the current, unbroken encirclement of the pocket that holds
    /// most of this one's area in the previous period.
    /// A pocket kept unchanged from the previous period (`sameAs`) shares all its ground with
    /// that pocket and none with the others, so it takes its date without an overlay.
    static func traceSince(_ byPeriod: [[(pocket: Pocket, sameAs: Int?)]], periods: [Period]) throws -> [Pocket] {
        var out: [Pocket] = []
        var previous: [Pocket] = []
        for (k, pockets) in byPeriod.enumerated() {
            var current = pockets.map(\.pocket)
            for i in current.indices where current[i].encircled {
                var best: (area: Double, pocket: Pocket)?
                if let j = pockets[i].sameAs, j < previous.count {
                    let q = previous[j]
                    current[i].since = q.encircled ? q.since ?? q.period?.from : periods[k].from
                    continue
                }
                let box = current[i].geometry.bounds
                for q in previous where box.map({ b in q.geometry.bounds.map(b.intersects) ?? false }) ?? false {
                    let shared = try current[i].geometry.intersection(q.geometry).planarArea()
                    if shared > 0, shared > (best?.area ?? 0) { best = (shared, q) }
                }
                if let q = best?.pocket, q.encircled {
                    current[i].since = q.since ?? q.period?.from
                } else {
                    current[i].since = periods[k].from
                }
            }
            out += current
            previous = current
        }
        return out
    }
}
