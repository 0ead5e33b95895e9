import ArgumentParser
import CordonCore
import CordonGeometry
import CordonSiege
import CordonSupply
import Foundation

struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Which supply routes and corridors are open, under fire or cut, and where they lead.",
        discussion: """
        ROUTES is a GeoJSON file of LineString/MultiLineString features with `name`, `kind` (`supply` or `corridor`) and, for corridors, optional `capacity_per_day`, `hours_per_day`, `from` and `until` (the days it is declared open).

        A route is `cut` where it runs inside hostile ground (neither besieged, allied nor --neutral), `under_fire` where it comes within the fire range of it, `open` otherwise, and `unknown` where the map does not cover it. Lengths are geodesic; distances and the fire range are true distances on the ellipsoid (fire zones are grown in local transverse Mercator planes, within 0.1 % of the geodesic). Fire range is a model assumption: a distance, not line of sight or weapons.

        Output: one feature per route per date (or period with --timeline), `segment`: whole, then its stretches inside hostile ground (`segment`: hostile) and under fire (`segment`: exposed, outside hostile ground), for map styling; a stretch carries its route's `status`. Every feature has a stable `id`, such as `Castello Road@2016-07-17/whole`.

        Examples:
          cordon routes map.geojson routes.geojson --besieged opposition \\
              --date 2016-07-10
          cordon routes map.geojson routes.geojson --besieged opposition \\
              --timeline --fire-range 2000
          cordon routes map.geojson routes.geojson --besieged city \\
              --neutral un --date 1993-06-01  # UN ground neither cuts nor fires
          cordon routes map.geojson routes.geojson --besieged opposition \\
              --timeline -o siege.gpkg        # table `routes` in a GeoPackage
          cordon routes map.geojson routes.geojson --besieged opposition \\
              --timeline --events acled.csv --evidence-status 3/7

        With --events FILE (ACLED or UCDP GED CSV), each route gains `events_in_range` (events within the fire range of its line in the period), `event_days` and `event_day_share` (the share of the period's days with one). With --evidence-status N/D as well, a route also counts as under fire on each day with at least N events in range over the D days ending that day: periods split where that changes, `geometric_status` and `evidence_status` are both written, `status` is the worse of the two and `status_from` says which one won (docs/design.md#evidence).

        With -o FILE.gpkg or -o PG:... (PostGIS) the features go into one table, `routes`, as `cordon enclosure` describes.
        """)

    @OptionGroup var siege: SiegeOptions
    @Argument(help: "The routes and corridors: lines, GeoJSON or any GDAL source ('data.gpkg|layername=roads').") var routes: String
    // Numbers take the next argument whatever it looks like: `--fire-range -3` is told the range.
    @Option(name: .customLong("fire-range"), parsing: .unconditional, help: "Metres from hostile ground that count as under fire.") var fireRange: Double = 1500
    @Option(help: "A population layer (polygons with `population`) instead of the map's own.") var population: String?
    @Option(parsing: .unconditional, help: "Metres people walk to a corridor's entry, for reach_population.") var walk: Double = 3000
    @OptionGroup(title: "Evidence") var evidence: EvidenceOptions

    func run() async throws {
        try await reporting {
            if evidence.prices != nil { throw ValidationError("--prices: market prices go with `cordon enclosure` (pockets) or `cordon run`") }
            try OutputTarget.refuseReplacingTables(
                ["routes"], inputs: [(siege.map, siege.source.layer), (routes, nil)] + [population].compactMap { $0 }.map { ($0, nil) },
                output: siege.output)
            try OutputTarget.refuseReplacing(inputs: [siege.map, routes] + [population].compactMap { $0 } + evidence.inputs,
                                             with: siege.output)
            let ctx = try GEOSContext()
            let input = InputLayers(context: ctx)
            let day = try siege.day()
            let controlMap = try siege.controlMap(input)
            let routeList = try RouteFile.load(file: routes, features: input.features(routes))
            let layers = EnclosureLayers(population: try population.map(input.population))
            let options = RouteOptions(
                besieged: siege.besieged, allies: siege.alliesList, neutral: siege.neutralList, fireRange: fireRange,
                snap: siege.snap, walk: walk)
            var states: [RouteState]
            if siege.timeline {
                let progress = siege.progress
                states = try await RouteTimeline.run(map: controlMap, routes: routeList, options: options, layers: layers,
                                                     jobs: siege.jobs, progress: { progress.report($0, $1) })
            } else {
                states = try await RouteTimeline.states(on: day, map: controlMap, routes: routeList, options: options,
                                                        layers: layers, jobs: siege.jobs)
            }
            var features = states.flatMap { $0.features(date: day) }
            if let events = try evidence.index(context: ctx) {
                let near = RouteEventDays(routes: routeList, events: events, range: fireRange)
                if let rule = try evidence.statusRule() {
                    states = EvidenceStatus(near: near, events: rule.events, days: rule.days).apply(to: states, date: day)
                }
                features = states.flatMap { s in
                    let extra = near.evidence(route: s.route.feature, period: s.period).properties
                        .merging(s.evidenceProperties)
                    return s.features(date: day).map { $0.properties["segment"]?.stringValue == "whole" ? $0.adding(extra) : $0 }
                }
            }
            // A route unchanged from one period to the next is one feature spanning both.
            try OutputTarget.write(siege.timeline ? FeatureSpans.merged(features) : features, layer: "routes", to: siege.output)
            var tally: [String: Int] = [:]
            for s in states where s.period == states.last?.period { tally[s.condition.rawValue, default: 0] += 1 }
            var summary = JSONObject()
            for c in RouteCondition.allCases { summary[c.rawValue] = .number(Double(tally[c.rawValue] ?? 0)) }
            printError(JSONValue.object(summary).jsonText)
        }
    }
}
