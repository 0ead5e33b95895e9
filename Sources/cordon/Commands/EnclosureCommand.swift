import ArgumentParser
import CordonCore
import CordonGeometry
import CordonSiege
import CordonSources
import CordonSupply
import Foundation

struct EnclosureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enclosure",
        abstract: "Find the besieged side's pockets: encircled or open, size, population, closure distance.",
        discussion: """
        MAP is a layer of Polygon/MultiPolygon areas, each with a `controller` and optional `from`/`until` dates (from inclusive, until exclusive), `name`, `population`. It may be GeoJSON or any source GDAL reads (GeoPackage, Shapefile, KML/KMZ, FlatGeobuf, CSV, ESRI JSON, GML, PG:...), reprojected to WGS84; --layer picks a layer, and --controller-field, --values and the other field options read maps drawn in another schema. Every other input takes the same sources, a layer named as QGIS does: 'data.gpkg|layername=bases'.

        A pocket is a connected part of the besieged side's ground. It is encircled when the ground the besieged and its allies hold around it comes no closer than the tolerance (max(snap, 1 m)) to the way out: the edge of the study area, or --bases. Areas are geodesic (WGS84); population is weighted by geodesic area; snap closings are grown in local transverse Mercator planes and agree with the geodesic to within 0.1 %. `closure_m` is how far hostile ground would have to advance to encircle an open pocket. Ground held by a --neutral controller (a UN-held airport, say) is not hostile: it does not count in `hostile_share` and does not advance in the closure search, but the besieged may not cross it unless it is also in --allies, so encirclement is unchanged. All of it is a model of the map you give, not an observation.

        Pockets are numbered by area on one date. With --timeline a pocket keeps its number while it holds the same ground, so a pocket another outgrows is not renamed; the larger piece of a split keeps the number and new ground takes the next unused one (docs/design.md#pocket-numbers).

        Examples:
          cordon enclosure map.geojson --besieged opposition \\
              --date 2016-07-20 -o pockets.geojson
          cordon enclosure map.geojson --besieged opposition \\
              --allies kurdish --timeline
          cordon enclosure map.geojson --besieged city --neutral un \\
              --date 1993-06-01       # UN-held ground is not hostile
          cordon enclosure neighbourhoods.geojson --besieged opposition --snap 60
          cordon enclosure fronts.kml --controller-field fill \\
              --values '#a52714=occupied,#0f9d58=liberated,#bcaaa4=ignore' \\
              --besieged liberated --date 2022-11-11
          cordon enclosure map.geojson --besieged opposition --timeline \\
              -o siege.gpkg                   # table `pockets` in a GeoPackage
          cordon enclosure map.geojson --besieged opposition --timeline \\
              -o "PG:dbname=gis host=localhost active_schema=aleppo"

        A GeoPackage or PostGIS output gets one table, `pockets`: geometry column `geom` in EPSG:4326 with a spatial index, `from`/`until`/`since` as DATE columns (QGIS's temporal controller takes them as they are). A GeoPackage is written whole beside its place and renamed over it; a database gets it in one transaction that replaces a table of the same name; either is left as it was when the run fails. A password in PG:... is shown as ***.

        With --prices FILE (a WFP VAM or HDX food prices CSV) and --prices-output TABLE.csv, each quote's market is placed inside a pocket on its day, outside, or off the map, and TABLE.csv (and TABLE.json) get, per commodity and month, the median price inside, outside and their multiple; units are brought to 1 kg or 1 l where the file says how.

        With --events FILE (ACLED or UCDP GED CSV), each pocket gains what the events say of it in its period: `events`, `fatalities`, `events_by_type`, `events_by_sub_type`, `events_per_km2_day`, `days_since_event` (docs/design.md#evidence). Events are evidence, counted beside the model, never part of it.

        A one-line JSON summary goes to standard error (for --timeline: the last period).
        """)

    @OptionGroup var siege: SiegeOptions
    @Option(help: "A population layer (polygons with `population`) instead of the map's own.") var population: String?
    @Option(help: "Districts (polygons with `name`) to list inside each pocket.") var districts: String?
    @Option(help: "Ways out (points or polygons) instead of the study area's edge.") var bases: String?
    @Flag(name: .customLong("no-closure"), help: "Skip the closure distance search (the slowest step).") var noClosure = false
    @OptionGroup(title: "Evidence") var evidence: EvidenceOptions
    @Option(name: .customLong("alert-minimum"),
            help: "With --events and --timeline: the least 30-day deaths in a pocket that raise an alert (default 100).")
    var alertMinimum: Double?

    func validate() throws {
        if let alertMinimum {
            guard alertMinimum.isFinite, alertMinimum >= 0 else { throw ValidationError("--alert-minimum must be a number ≥ 0") }
            guard evidence.events != nil, siege.timeline else { throw ValidationError("--alert-minimum goes with --events and --timeline") }
        }
    }

    /// Where the alert layer goes beside a GeoJSON output: `pockets.geojson` → `pockets-alerts.geojson`.
    static func alertsPath(beside output: String) -> String {
        for ext in [".geojson", ".json"] where output.lowercased().hasSuffix(ext) {
            return String(output.dropLast(ext.count)) + "-alerts.geojson"
        }
        return output + "-alerts.geojson"
    }

    func run() async throws {
        try await reporting {
            let others = [population, districts, bases].compactMap { $0 } + evidence.inputs
            let alerting = evidence.events != nil && siege.timeline
            try OutputTarget.refuseReplacingTables(alerting ? ["pockets", "alerts"] : ["pockets"], inputs: [(siege.map, siege.source.layer)] + others.map { ($0, nil) },
                                                   output: siege.output)
            try OutputTarget.refuseReplacing(inputs: [siege.map] + others,
                                             with: siege.output)
            let alertsFile = alerting && LayerOutput(siege.output) == nil && siege.output != "-" ? Self.alertsPath(beside: siege.output) : nil
            if let alertsFile { try OutputTarget.refuseReplacing(inputs: [siege.map] + others, with: alertsFile) }
            if let out = evidence.pricesOutput {
                try OutputTarget.refuseReplacing(inputs: [siege.map] + others, with: out)
                try OutputTarget.refuseReplacing(inputs: [siege.map] + others, with: String(out.dropLast(4)) + ".json")
            }
            let ctx = try GEOSContext()
            let input = InputLayers(context: ctx)
            let day = try siege.day()
            let controlMap = try siege.controlMap(input)
            ProcessSetup.keepUntilExit(controlMap)
            let layers = EnclosureLayers(
                bases: try bases.map(input.bases), population: try population.map(input.population),
                districts: try districts.map(input.districts))
            let options = EnclosureOptions(
                besieged: siege.besieged, allies: siege.alliesList, neutral: siege.neutralList, snap: siege.snap,
                closure: !noClosure)

            var features: [Feature]
            let summary: EnclosureSummary
            let found: [Pocket]
            if siege.timeline {
                let progress = siege.progress
                let pockets = try await EnclosureTimeline.run(map: controlMap, options: options, layers: layers,
                                                              jobs: siege.jobs, progress: { progress.report($0, $1) })
                features = pockets.map { $0.feature() }
                summary = EnclosureSummary(lastPeriodOf: pockets, periods: controlMap.periods)
                found = pockets
            } else {
                let analysis = try EnclosureAnalysis(map: controlMap, options: options, layers: layers, context: ctx)
                analysis.splitsWork = siege.jobs >= 2
                ProcessSetup.keepUntilExit(analysis)
                let pockets = try analysis.pockets(on: day)
                features = pockets.map { $0.feature(date: day) }
                summary = EnclosureSummary(pockets)
                found = pockets
            }
            // Counts go on each pocket of each period (one feature per pocket), before unchanged
            // periods are joined: a pocket's counts are part of what must be unchanged.
            var alerts: [Feature] = []
            if let events = try evidence.index(context: ctx, jobs: siege.jobs) {
                let minimum = alertMinimum ?? 100
                if alerting {
                    let counted = try await EventTally.pockets(found, events: events, jobs: siege.jobs, alertMinimum: minimum)
                    features = zip(features, counted.evidence).map { $0.adding($1.properties) }
                    alerts = counted.alerts
                    printError("cordon: \(alerts.count) alerts (a pocket's 30-day deaths at a new high of at least \(JSONValue.number(minimum).jsonText))"
                               + (siege.output == "-" ? "; not written to standard output: give -o FILE" : ""))
                } else {
                    let counted = try await EventTally.pockets(found, events: events, jobs: siege.jobs)
                    features = zip(features, counted).map { $0.adding($1.properties) }
                }
            }
            if siege.timeline { features = try FeatureSpans.merged(features) }
            try evidence.writePrices(pockets: found, map: controlMap)
            if alerting, let target = LayerOutput(siege.output) {
                try LayerSetWriter().write(layers: [OutputLayer(name: "pockets", features: features),
                                                    OutputLayer(name: "alerts", features: alerts)], tables: [], to: target)
            } else if let alertsFile {
                let writer = GeoJSONWriter(reals: FractionalFields.names)
                var files = OutputSet()
                try files.add(writer.collection(features), to: siege.output)
                try files.add(writer.collection(alerts), to: alertsFile)
                try files.commit()
            } else {
                try OutputTarget.write(features, layer: "pockets", to: siege.output)
            }
            printError(JSONValue.object(summary.json).jsonText)
        }
    }
}
