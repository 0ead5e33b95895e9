import ArgumentParser
import CordonCore
import CordonGeometry
import CordonSiege
import CordonSources
import Foundation

struct AccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Safe roads in and out of each pocket, and how far people are from a way out.",
        discussion: """
        ROADS is a line network: GeoJSON, a GeoPackage, or an OpenStreetMap extract (`city.osm.pbf`; its `lines` layer, roads by their `highway` tag). Roads are joined where they cross or where one ends on another, except where `bridge`, `tunnel` or `layer` says they pass over or under each other. One-way roads (`oneway`, roundabouts) are driven forward only: every time is that of driving from a place towards the way out or an entry the way the roads allow.

        On each date a road with more than 1 m inside hostile ground (neither besieged, allied nor --neutral) is cut; a road within --fire-range of hostile ground is exposed: it costs its exposed length, and with --avoid-fire it is not used at all. Fire range is a model assumption: a distance, not line of sight or weapons.

        For each pocket: `road_way_out`, whether a road leads to the way out (the study area's edge, or --bases) without crossing hostile ground; the safest such road (least exposed length, then least time) as a line with `length_km`, `exposed_km`, `minutes` and `ends_in` (whose ground it reaches); and, when there is none, the road out with the least length inside hostile ground (`reopen_cut_km`): the cut that would reopen it.

        With --districts (polygons or population points with `population`): each one's minutes and km by road to the nearest entry of a corridor declared open that day (--corridors, a routes file) and to the way out; each pocket's residents within 15, 30 and 60 minutes of an entry.

        Every empty answer says why, in words: `why_no_road_way_out` on a pocket, `why_no_way_out` and `why_no_corridor` on a place (no road within --max-to-road, the road segment it meets is cut whole because part of it crosses hostile ground, or is under fire with --avoid-fire, every road out crosses hostile ground, no corridor declared open that day, ...). A base is joined to its nearest road within --max-to-road (1000 m unless given): one farther off is named on standard error, and none within reach is an error. Places and corridor entries are joined to their nearest road however far unless --max-to-road is given.

        Speeds (km/h) come from the road class (OpenStreetMap `highway`, or `class`), or a road's `maxspeed`; the defaults assume a city under siege (see docs/design.md#roads). --speeds FILE replaces them class by class: JSON {"primary": 40} or CSV rows `primary,40`.

        A one-line JSON summary goes to standard error: for one date its counts; for --timeline the whole run: `periods`, the dates on which a pocket `lost_last_safe_road` or `regained_safe_road`, the most pockets, the periods with a pocket without a safe road, the roads cut or exposed in any period, and `last_period`'s counts.

        Output layers, every feature with `date` or `from`/`until`: access_pockets (pockets with their answers), access_paths (safest and reopen paths), access_roads (cut and exposed roads), access_places (districts with their times); with --timeline each feature is written once for the run of periods in which it does not change. In one GeoJSON file each feature says its `layer`; -o FILE.gpkg or PG:... writes one table each.

        Examples:
          cordon access geodata/aleppo-2016/map.geojson \\
              geodata/aleppo-2016/roads.geojson --besieged opposition \\
              --date 2016-07-10 --districts geodata/aleppo-2016/districts.geojson \\
              --corridors geodata/aleppo-2016/routes.geojson
          cordon access map.geojson city.osm.pbf --besieged city \\
              --timeline --fire-range 2000 --avoid-fire -o access.gpkg
          cordon access map.geojson roads.gpkg --besieged opposition \\
              --date 2016-11-01 --speeds speeds.csv  # class,kmh rows
          cordon access map.geojson roads.geojson --besieged town \\
              --date 2016-01-10 --bases crossings.geojson --max-to-road 300
        """)

    @OptionGroup var siege: SiegeOptions
    @Argument(help: "The road network: lines, GeoJSON or any GDAL source; an .osm.pbf reads its `lines` layer.") var roads: String
    // Numbers take the next argument whatever it looks like: `--fire-range -3` is told the range, not that a value is missing.
    @Option(name: .customLong("fire-range"), parsing: .unconditional, help: "Metres from hostile ground that count as under fire (0 to 300000).")
    var fireRange: Double = 1500
    @Option(name: .customLong("max-to-road"), parsing: .unconditional,
            help: ArgumentHelp("Metres a base, place or corridor entry may lie from its nearest road and be joined to it (0 to 300000).",
                               discussion: "Unless given: a base within 1000 m, a place or entry however far (`to_road_m` says how far). A base farther off is no way out by road (the command names it; no base within reach is an error); a place farther off gets no minutes (`why_no_way_out` says so); an entry farther off is not reached."))
    var maxToRoad: Double?
    @Flag(name: .customLong("avoid-fire"), help: "Leave out roads under fire instead of counting their exposed length.") var avoidFire = false
    @Option(help: "Speeds per road class in km/h: JSON {\"class\": kmh} or CSV `class,kmh`.") var speeds: String?
    @Option(help: "Ways out (points or polygons) instead of the study area's edge.") var bases: String?
    @Option(help: "Districts (polygons) or population points, with `name` and `population`.") var districts: String?
    @Option(help: "A routes file; its corridors' entries count on the days they are declared open.") var corridors: String?
    @OptionGroup(title: "Evidence") var evidence: EvidenceOptions

    func validate() throws {
        if let maxToRoad, !(maxToRoad.isFinite && AccessOptions.maxToRoadAllowed.contains(maxToRoad)) {
            throw ValidationError("--max-to-road: must be a number of metres from 0 to 300000, got "
                                  + (maxToRoad.isFinite ? JSONValue.number(maxToRoad).jsonText : "\(maxToRoad)"))
        }
        if evidence.evidenceStatus != nil {
            throw ValidationError("--evidence-status judges routes: use it with `cordon routes` or a scenario's evidence_status")
        }
    }

    func run() async throws {
        try await reporting {
            let inputs = [siege.map, roads] + [speeds, bases, districts, corridors].compactMap { $0 } + evidence.inputs
            try OutputTarget.refuseReplacingTables(AccessLayers.names, inputs: inputs.map { ($0, nil) }, output: siege.output)
            try OutputTarget.refuseReplacing(inputs: inputs, with: siege.output)
            let ctx = try GEOSContext()
            let input = InputLayers(context: ctx)
            let day = try siege.day()
            // The roads are read and noded, and the places met with them, on a side thread (in a
            // GEOS context of its own) while this one reads the map: neither needs the other.
            let (roads, speeds, districts) = (self.roads, self.speeds, self.districts)
            let roadSide = SideTask { () throws -> (RoadNetwork, PlacesOnRoads) in
                let sideInput = InputLayers(context: try GEOSContext())
                let network = try Self.network(roads, speeds: speeds, input: sideInput, context: sideInput.context)
                let places = try districts.map { try AccessPlace.read(sideInput.features($0), file: InputLayers.shown($0)) } ?? []
                return (network, try PlacesOnRoads(places, network: network))
            }
            defer { roadSide.wait() }  // on an error here, no thread is left working on the roads at exit
            let controlMap = try siege.controlMap(input)
            // The map, roads, analysis, days and features are kept until exit: freeing a large
            // network's edges and a timeline's features one by one costs more than the exit.
            ProcessSetup.keepUntilExit(controlMap)
            var options = AccessOptions(besieged: siege.besieged, allies: siege.alliesList, neutral: siege.neutralList,
                                        fireRange: fireRange, snap: siege.snap, avoidFire: avoidFire)
            options.maxToRoad = maxToRoad
            options.basesMaxToRoad = maxToRoad ?? AccessOptions.defaultBasesMaxToRoad
            let baseList = try bases.map(input.bases)
            let routes = try corridors.map { try RouteFile.load(file: InputLayers.shown($0), features: input.features($0)) } ?? []
            // The roads when the side thread has them, with a word on the classes driven as `road`.
            let roadsMade = { () throws -> (network: RoadNetwork, places: PlacesOnRoads) in
                let (network, places) = try roadSide.value()
                ProcessSetup.keepUntilExit(network)
                ProcessSetup.keepUntilExit(places)
                if !network.assumedClasses.isEmpty {
                    printError("cordon: \(InputLayers.shown(roads)): classes without a speed, driven as `road`: "
                               + network.assumedClasses.joined(separator: ", "))
                }
                return (network, places)
            }
            let analysis: AccessAnalysis
            let days: [AccessDay]
            if siege.timeline {
                let (network, places) = try roadsMade()
                analysis = try AccessAnalysis(map: controlMap, network: network, options: options, bases: baseList,
                                              placesOnRoads: places, corridors: routes, context: ctx)
                try warnOffRoad(analysis, baseList, options)
                let progress = siege.progress
                days = try await analysis.timeline(jobs: siege.jobs, progress: { progress.report($0, $1) })
            } else {
                // The map's pockets are found here while the side thread still makes the network.
                let one = try AccessAnalysis.access(on: day, map: controlMap, options: options, bases: baseList,
                                                    corridors: routes, context: ctx, roads: roadsMade)
                analysis = one.analysis
                try warnOffRoad(analysis, baseList, options)
                days = [one.day]
            }
            ProcessSetup.keepUntilExit(analysis)
            let network = analysis.network
            ProcessSetup.keepUntilExit(days)
            var layers = try AccessLayers.features(days, network: network, tagged: LayerOutput(siege.output) == nil)
            // Events are evidence beside the roads: counted in each pocket of each date, as `enclosure` counts them.
            let pockets = days.flatMap { $0.pockets.map(\.pocket) }
            if let events = try evidence.index(context: ctx), let i = layers.firstIndex(where: { $0.layer == "access_pockets" }) {
                let counts = try await EventTally.pockets(pockets, events: events, jobs: siege.jobs)
                layers[i].features = zip(layers[i].features, counts).map { $0.adding($1.properties) }
            }
            if let out = evidence.pricesOutput {
                try OutputTarget.refuseReplacing(inputs: inputs, with: out)
                try OutputTarget.refuseReplacing(inputs: inputs, with: String(out.dropLast(4)) + ".json")
            }
            try evidence.writePrices(pockets: pockets, map: controlMap)
            // A timeline writes each feature once per run of periods in which it does not change,
            // as `enclosure` and `routes` do (roads are already grouped by run).
            ProcessSetup.keepUntilExit(layers)  // those the timeline's spans replace too
            if siege.timeline { layers = try layers.map { ($0.layer, try FeatureSpans.merged($0.features)) } }
            ProcessSetup.keepUntilExit(layers)
            if let target = LayerOutput(siege.output) {
                try LayerSetWriter().write(layers: layers.map { OutputLayer(name: $0.layer, features: $0.features) },
                                           tables: [], to: target)
            } else {
                try GeoJSONWriter(reals: FractionalFields.names).write(layers.flatMap(\.features), to: siege.output)
            }
            printError(JSONValue.object(try AccessSummary.json(days, roadEdges: network.edgeCount)).jsonText)
        }
    }

    /// `warn(offRoad:of:in:maxToRoad:)` for the bases given, if any.
    private func warnOffRoad(_ analysis: AccessAnalysis, _ baseList: [Geometry]?, _ options: AccessOptions) throws {
        if let bases, let baseList { try Self.warn(offRoad: analysis.basesOffRoad, of: baseList.count, in: bases, maxToRoad: options.basesMaxToRoad) }
    }

    /// One line per base no road comes near enough to join; an error when that is every base,
    /// since then no pocket could have a way out by road.
    static func warn(offRoad: [BaseOffRoad], of count: Int, in file: String, maxToRoad: Double) throws {
        let shown = InputLayers.shown(file), limit = JSONValue.number(maxToRoad).jsonText
        func nearest(_ b: BaseOffRoad) -> String {
            b.nearestMetres.map { "the nearest is \(JSONValue.number($0.rounded()).jsonText) m away" } ?? "none within 300 km"
        }
        if count > 0, offRoad.count == count {
            let first = offRoad[0]
            throw SiegeInputError(file: shown, feature: count == 1 ? first.base : nil,
                                  "no base is within \(limit) m of a road (\(count == 1 ? nearest(first) : "feature \(first.base): " + nearest(first))); "
                                  + "give a larger --max-to-road or bases on the roads")
        }
        for b in offRoad {
            printError("cordon: \(shown): feature \(b.base): warning: no road within \(limit) m (\(nearest(b))): not a way out by road (--max-to-road)")
        }
    }

    /// The roads read, checked and noded; an OpenStreetMap file's `lines` layer unless another is named.
    static func network(_ given: String, speeds: String?, input: InputLayers, context: GEOSContext) throws -> RoadNetwork {
        let (source, named) = InputLayers.split(given)
        let osm = source.hasSuffix(".osm.pbf") || source.hasSuffix(".osm")
        let features = try input.layer(given, layer: named ?? (osm ? "lines" : nil)).features
        let file = InputLayers.shown(given)
        let lines = try RoadLine.read(osm ? features.filter { $0.properties["highway"]?.stringValue != nil } : features, file: file)
        var table = RoadSpeeds()
        if let speeds {
            // Bounded before reading: a speeds table is a few hundred bytes.
            let size = (try? FileManager.default.attributesOfItem(atPath: speeds)[.size] as? Int) ?? nil
            guard let size, size <= 1 << 20, let text = try? String(contentsOfFile: speeds, encoding: .utf8) else {
                throw SiegeInputError(file: speeds, "cannot be read as a speeds table (UTF-8 text up to 1 MiB)")
            }
            table = try RoadSpeeds(text: text, file: speeds, networkClasses: Set(lines.map(\.roadClass)))
        }
        return try RoadNetwork(lines: lines, speeds: table, file: file, context: context)
    }
}
