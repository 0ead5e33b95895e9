import ArgumentParser
import CordonCore
import CordonGeometry
import CordonSiege
import CordonSources
import CordonSupply
import Foundation

/// The options `cordon enclosure` and `cordon routes` share: which map, whose siege, which date.
struct SiegeOptions: ParsableArguments {
    @Argument(help: "The control map: GeoJSON, or any vector source GDAL reads (GeoPackage, Shapefile, KML/KMZ, FlatGeobuf, CSV, ESRI JSON, GML, PG:...).")
    var map: String
    @OptionGroup(title: "Map source") var source: FieldMappingOptions
    @Option(help: "The besieged controller.") var besieged: String
    @Option(help: "Allied controllers, comma-separated: their ground counts as passable.") var allies: String = ""
    @Option(help: ArgumentHelp("Neutral controllers, comma-separated: their ground is not hostile (no hostile share, never cuts a route or puts it under fire) but not passable unless also an ally.", discussion: "Example: --neutral un,icrc"))
    var neutral: String = ""
    @Option(help: "Take the map valid on this day (YYYY-MM-DD). A dated map needs --date or --timeline.") var date: String?
    @Flag(help: "Evaluate every period between the map's change dates.") var timeline = false
    @Option(help: "Join areas across gaps narrower than this many metres.") var snap: Double = 0
    @Flag(help: "Mend invalid geometry (GEOS MakeValid) and say which features were mended.") var repair = false
    @Option(name: .customLong("jobs"), help: "Parallel workers; the default is every core. Results do not depend on it.")
    var jobsAsked: Int?
    @Option(name: .shortAndLong, help: "Output: a GeoJSON file, - for standard output, FILE.gpkg (a GeoPackage), or PG:... (PostGIS).") var output: String = "-"
    @Flag(help: "No progress bar.") var quiet = false

    /// The workers to use: `--jobs`, else every core.
    var jobs: Int { jobsAsked ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if date != nil && timeline { throw ValidationError("give --date or --timeline, not both") }
        if let jobsAsked, jobsAsked < 1 { throw ValidationError("--jobs must be at least 1") }
        if neutralList.contains(besieged) { throw ValidationError("--neutral: '\(besieged)' is the besieged side, not a neutral party") }
    }

    var alliesList: [String] { allies.split(separator: ",").map(String.init).filter { !$0.isEmpty } }
    var neutralList: [String] { neutral.split(separator: ",").map(String.init).filter { !$0.isEmpty } }

    /// The day asked with --date, if any.
    func day() throws -> Day? { try parseDay(date, option: "--date") }

    /// The control map; a dated map needs --date or --timeline.
    func controlMap(_ input: InputLayers) throws -> ControlMap {
        let controlMap: ControlMap
        do {
            controlMap = try input.controlMap(map, layer: source.layer, mapping: source.mapping(), repair: repair)
        } catch let e as SiegeInputError where e.repairable {
            throw SiegeInputError(file: e.file, feature: e.feature, e.reason + " (use --repair to mend it)")
        }
        if controlMap.isDated && date == nil && !timeline {
            throw SiegeInputError(file: controlMap.file, "the map has `from`/`until` dates: give --date YYYY-MM-DD or --timeline")
        }
        return controlMap
    }

    var progress: Progress { Progress("periods", quiet: quiet) }
}
