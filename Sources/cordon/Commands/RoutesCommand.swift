import ArgumentParser
import CordonGeometry
import CordonSiege
import CordonSupply
import Foundation

struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Which supply routes and corridors are open, under fire or cut, and where they lead.",
        discussion: """
        ROUTES is a GeoJSON file of LineString/MultiLineString features with `name`, `kind`
        (`supply` or `corridor`) and, for corridors, optional `capacity_per_day`, `hours_per_day`,
        `from` and `until` (the days it is declared open).

        A route is `cut` where it runs inside hostile ground (neither besieged nor allied),
        `under_fire` where it comes within the fire range of it, `open` otherwise, and
        `unknown` where the map does not cover it. Lengths are geodesic; distances and the
        fire range are measured in the UTM zone of the map's centre. Fire range is a model
        assumption: a distance, not line of sight or weapons.

        Output: one feature per route per date (or period with --timeline), then its
        stretches inside hostile ground (`segment`: hostile) and under fire (`segment`:
        exposed, outside hostile ground), for map styling.

        Examples:
          cordon routes map.geojson routes.geojson --besieged opposition --date 2016-07-10
          cordon routes map.geojson routes.geojson --besieged opposition --timeline --fire-range 2000
        """)

    @Argument(help: "The control map (GeoJSON).") var map: String
    @Argument(help: "The routes and corridors (GeoJSON lines).") var routes: String
    @Option(help: "The besieged controller.") var besieged: String
    @Option(help: "Allied controllers, comma-separated.") var allies: String = ""
    @Option(name: .customLong("fire-range"), help: "Metres from hostile ground that count as under fire.") var fireRange: Double = 1500
    @Option(help: "Take the map valid on this day (YYYY-MM-DD).") var date: String?
    @Flag(help: "Evaluate every period between the map's and the corridors' change dates.") var timeline = false
    @Option(help: "Join areas across gaps narrower than this many metres (for pockets).") var snap: Double = 0
    @Option(help: "A population layer (polygons with `population`) instead of the map's own.") var population: String?
    @Option(help: "Metres people walk to a corridor's entry, for reach_population.") var walk: Double = 3000
    @Flag(help: "Mend invalid map geometry (GEOS MakeValid) and say which features were mended.") var repair = false
    @Option(help: "Parallel workers (default: every core).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .shortAndLong, help: "Output GeoJSON file; - for standard output.") var output: String = "-"
    @Flag(help: "No progress bar.") var quiet = false

    func validate() throws {
        if date != nil && timeline { throw ValidationError("give --date or --timeline, not both") }
        if snap < 0 || !snap.isFinite { throw ValidationError("--snap must be a number of metres ≥ 0") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        try await reporting {
            let ctx = GEOSContext()
            let input = InputLayers(context: ctx)
            let day = try parseDay(date, option: "--date")
            let controlMap = try input.controlMap(map, repair: repair)
            if controlMap.isDated && day == nil && !timeline {
                throw SiegeInputError(file: map, "the map has `from`/`until` dates: give --date YYYY-MM-DD or --timeline")
            }
            let routeList = try RouteFile.load(file: routes, features: input.features(routes))
            let layers = EnclosureLayers(population: try population.map(input.population))
            let options = RouteOptions(
                besieged: besieged, allies: allies.split(separator: ",").map(String.init).filter { !$0.isEmpty },
                fireRange: fireRange, snap: snap, walk: walk)
            let states: [RouteState]
            if timeline {
                let progress = Progress("periods", quiet: quiet)
                states = try await RouteTimeline.run(map: controlMap, routes: routeList, options: options, layers: layers,
                                                     jobs: jobs, progress: { progress.report($0, $1) })
            } else {
                states = try await RouteTimeline.states(on: day, map: controlMap, routes: routeList, options: options,
                                                        layers: layers, jobs: jobs)
            }
            try GeoJSONWriter().write(states.flatMap { $0.features(date: day) }, to: output)
            var tally: [String: Int] = [:]
            for s in states where s.period == states.last?.period { tally[s.condition.rawValue, default: 0] += 1 }
            var summary = JSONObject()
            for c in RouteCondition.allCases { summary[c.rawValue] = .number(Double(tally[c.rawValue] ?? 0)) }
            printError(JSONValue.object(summary).jsonText)
        }
    }
}
