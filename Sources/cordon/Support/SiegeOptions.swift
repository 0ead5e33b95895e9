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
    @Option(help: "Take the map valid on this day (YYYY-MM-DD), within the map's dates. A dated map needs --date or --timeline.") var date: String?
    @Flag(help: "Evaluate every period between the map's change dates.") var timeline = false
    // Numbers take the next argument whatever it looks like, so `--snap -3` is told it must be ≥ 0
    // rather than that a value is missing (docs/design.md#errors-and-exit-status).
    @Option(parsing: .unconditional, help: "Join areas across gaps narrower than this many metres.") var snap: Double = 0
    @Flag(help: "Mend invalid geometry (GEOS MakeValid) and say which features were mended.") var repair = false
    @Option(name: .customLong("jobs"), parsing: .unconditional, help: "Parallel workers; the default is every core. Results do not depend on it.")
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
        if let day = try day() { try Self.require(day, within: controlMap) }
        return controlMap
    }

    /// A --date before the map's first `from` or on or after its last `until` would find an empty
    /// map and write an empty layer as if nothing were besieged: an error naming both instead.
    static func require(_ day: Day, within map: ControlMap) throws {
        let froms = map.areas.map(\.from), untils = map.areas.map(\.until)
        let first = froms.contains(nil) ? nil : froms.compactMap { $0 }.min()
        let end = untils.contains(nil) ? nil : untils.compactMap { $0 }.max()
        guard first.map({ day < $0 }) ?? false || end.map({ day >= $0 }) ?? false else { return }
        let range = (first.map { "from \($0)" } ?? "from the start") + " "
            + (end.map { "until \($0) (the last day \($0 - 1))" } ?? "on")
        throw SiegeInputError(file: "--date", "\(day) is outside the dates of the map \(map.file): \(range)")
    }

    var progress: Progress { Progress("periods", quiet: quiet) }
}
