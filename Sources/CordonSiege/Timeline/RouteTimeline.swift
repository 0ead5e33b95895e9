import CordonCore
import CordonGeometry

/// Route states over every period in which neither the map nor a corridor's declared
/// opening changes, in parallel.
public enum RouteTimeline {
    /// The periods in which neither the map nor any route's declared opening changes.
    public static func periods(map: ControlMap, routes: [Route]) -> [Period] {
        Period.between(map.changeDates + routes.flatMap { [$0.from, $0.until].compactMap { $0 } })
    }

    /// Every route's state in every period of ``periods(map:routes:)``.
    /// - Parameters:
    ///   - map: The control map.
    ///   - routes: The supply routes and corridors.
    ///   - options: What each period's route analysis is asked.
    ///   - layers: Layers that come with the map, as for ``RouteAnalysis``.
    ///   - jobs: Workers to run at once; one per core is usual.
    ///   - progress: Told the periods done and the total, from any thread.
    /// - Returns: The states, period by period in date order, routes in file order within each;
    ///   their pockets numbered as ``EnclosureTimeline`` numbers them, following the ground.
    /// - Throws: What ``RouteAnalysis`` throws, for the first period that fails.
    public static func run(map: ControlMap, routes: [Route], options: RouteOptions,
                           layers: EnclosureLayers = EnclosureLayers(), jobs: Int,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [RouteState] {
        try await run(map: map, routes: routes, options: options, layers: layers, jobs: jobs, incremental: true,
                      progress: progress)
    }

    /// As the public `run`; `incremental` false judges every period afresh (the tests compare the two).
    ///
    /// Incrementally, each worker takes runs of consecutive periods (as ``EnclosureTimeline``),
    /// each judged from the period before (`IncrementalRoutes`).
    static func run(map: ControlMap, routes: [Route], options: RouteOptions, layers: EnclosureLayers = EnclosureLayers(),
                    jobs: Int, incremental: Bool, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [RouteState] {
        let periods = periods(map: map, routes: routes)
        _ = map.bounds  // caches every envelope before threads share the geometries
        for r in routes { _ = r.geometry.bounds }
        let shared = Unchecked((map, routes, layers))
        let runs = incremental ? EnclosureTimeline.runs(periods.count) : periods.indices.map { $0..<($0 + 1) }
        let done = Counter()
        let byRun = try await ParallelWorkers.run(
            count: runs.count, jobs: jobs, progress: nil,
            make: {
                let (map, routes, layers) = shared.value
                return IncrementalRoutes(try RouteAnalysis(map: map, routes: routes, options: options, layers: layers,
                                                           context: try GEOSContext()))
            },
            work: { routes, r in
                routes.forget()
                return try runs[r].map { k in
                    var states = try routes.states(on: periods[k].sampleDay)
                    for i in states.indices { states[i].period = periods[k] }
                    progress?(done.increment(), periods.count)
                    return (states, routes.lastFound)
                }
            })
        // Each route's pocket by the number that follows its ground, as `enclosure --timeline` numbers it.
        let byPeriod = byRun.flatMap { $0 }
        let numbers = try PocketNumbers.numbers(byPeriod.map(\.1))
        return zip(byPeriod, numbers).flatMap { period, number in
            period.0.map { s in
                var s = s
                s.pocket = s.pocket.map { number[$0] }
                return s
            }
        }
    }

    /// Every route's state on one date, with the routes shared out among `jobs` workers.
    ///
    /// - Parameters:
    ///   - day: The day whose map is read; nil takes every area (for a map without dates).
    ///   - map: The control map.
    ///   - routes: The supply routes and corridors.
    ///   - options: What the route analysis is asked.
    ///   - layers: Layers that come with the map, as for ``RouteAnalysis``.
    ///   - jobs: The most workers to run at once; fewer for few routes, as each copies the map.
    /// - Returns: The states, routes in file order.
    /// - Throws: What ``RouteAnalysis`` throws.
    public static func states(on day: Day?, map: ControlMap, routes: [Route], options: RouteOptions,
                              layers: EnclosureLayers = EnclosureLayers(), jobs: Int) async throws -> [RouteState] {
        let workers = max(1, min(jobs, routes.count / 50 + 1))  // a worker costs a copy of the map
        _ = map.bounds
        for r in routes { _ = r.geometry.bounds }
        let shared = Unchecked((map, routes, layers))
        let total = routes.count
        let parts = try await ParallelWorkers.run(
            count: workers, jobs: workers, progress: nil,
            make: { try RouteAnalysis(map: shared.value.0, routes: shared.value.1, options: options,
                                      layers: shared.value.2, context: try GEOSContext()) },
            work: { analysis, w in
                // Worker w takes every `workers`-th route from the w-th.
                try analysis.states(of: stride(from: w, to: total, by: workers), on: day)
            })
        var out = [RouteState?](repeating: nil, count: routes.count)
        for (w, part) in parts.enumerated() {
            for (k, s) in part.enumerated() { out[w + k * workers] = s }
        }
        return out.map { $0! }
    }

}
