import CordonGeometry
import CordonSupply

/// Route states over every period in which neither the map nor a corridor's declared
/// opening changes, in parallel; and the access timeline they give the supply simulation.
public enum RouteTimeline {
    public static func periods(map: ControlMap, routes: [Route]) -> [Period] {
        Period.between(map.changeDates + routes.flatMap { [$0.from, $0.until].compactMap { $0 } })
    }

    public static func run(map: ControlMap, routes: [Route], options: RouteOptions,
                           layers: EnclosureLayers = EnclosureLayers(), jobs: Int,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [RouteState] {
        let periods = periods(map: map, routes: routes)
        _ = map.bounds  // caches every envelope before threads share the geometries
        for r in routes { _ = r.geometry.bounds }
        let shared = Handover(value: (map, routes, layers))
        let byPeriod = try await PeriodWorkers.run(
            periods, jobs: jobs, progress: progress,
            make: {
                let (map, routes, layers) = shared.value
                return Handover(value: try RouteAnalysis(map: map, routes: routes, options: options, layers: layers,
                                                         context: GEOSContext()))
            },
            work: { analysis, period in
                var states = try analysis.value.states(on: period.sampleDay)
                for i in states.indices { states[i].period = period }
                return Handover(value: states)
            })
        return byPeriod.flatMap(\.value)
    }

    /// Each route's status from the first day of each period (unknown counts as cut).
    public static func accessTimeline(_ states: [RouteState]) -> AccessTimeline {
        var timeline = AccessTimeline()
        for s in states {
            // The first period has no start: its status holds from the beginning of time.
            let day = s.period?.from ?? Day(ordinal: Int.min / 4)
            timeline.set(s.route.name, s.condition.supplyStatus, from: day)
        }
        return timeline
    }
}
