import ArgumentParser
import CordonCore
import CordonGeometry
import CordonSiege
import Foundation

struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Count conflict events in pockets already found, period by period.",
        discussion: """
        POCKETS is a layer of pockets as `cordon enclosure --timeline` writes them (Polygon/MultiPolygon features with optional `from`/`until` and `area_km2`; any source GDAL reads). Each gains what --events says of it in its period: `events`, `fatalities`, `events_by_type`, `events_by_sub_type`, `events_per_km2_day`, `days_since_event` (docs/design.md#evidence). So a new event file can be counted without finding the pockets again.

        An event is counted in the pocket that covers it on its day; on a boundary two pockets of one period share, the one listed first takes it. Events coarser than --max-precision, or outside the days from the file's first event to its last, are counted apart (one line on standard error). Evidence, not model.

        Examples:
          cordon enclosure map.geojson --besieged opposition --timeline -o pockets.geojson
          cordon evidence pockets.geojson --events acled.csv -o pockets-events.geojson
        """)

    @Argument(help: "The pockets: `cordon enclosure --timeline` output, GeoJSON or any GDAL source.") var pockets: String
    @OptionGroup(title: "Evidence") var evidence: EvidenceOptions
    @Option(name: .customLong("jobs"), help: "Parallel workers; the default is every core. Results do not depend on it.")
    var jobsAsked: Int?
    @Option(name: .shortAndLong, help: "Output: a GeoJSON file, - for standard output, FILE.gpkg, or PG:... (table `pockets`).")
    var output: String = "-"

    func validate() throws {
        if let jobsAsked, jobsAsked < 1 { throw ValidationError("--jobs must be at least 1") }
        if evidence.events == nil { throw ValidationError("--events: give the event file to count") }
        if evidence.prices != nil || evidence.evidenceStatus != nil {
            throw ValidationError("--prices and --evidence-status go with `cordon enclosure` and `cordon routes`")
        }
    }

    func run() async throws {
        try await reporting {
            try OutputTarget.refuseReplacingTables(["pockets"], inputs: [(pockets, nil)] + evidence.inputs.map { ($0, nil) }, output: output)
            try OutputTarget.refuseReplacing(inputs: [pockets] + evidence.inputs, with: output)
            let ctx = try GEOSContext()
            let features = try InputLayers(context: ctx).features(pockets)
            let file = InputLayers.shown(pockets)
            let areas = try features.enumerated().map { i, f -> EventTally.Area in
                guard let g = f.geometry, g.type.isPolygonal else {
                    throw SiegeInputError(file: file, feature: i, "a pocket must be a Polygon or MultiPolygon")
                }
                func day(_ key: String) throws -> Day? {
                    guard let v = f.properties[key], !v.isNull else { return nil }
                    guard let text = v.stringValue, let d = Day(iso: text) else {
                        throw SiegeInputError(file: file, feature: i, "`\(key)` must be a date YYYY-MM-DD, got \(v.jsonText)")
                    }
                    return d
                }
                let from = try day("from"), until = try day("until")
                let dated = from != nil || until != nil
                let area = f.properties["area_km2"]?.numberValue.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? Geodesic.area(g) / 1e6
                return EventTally.Area(geometry: g, period: dated ? Period(from: from, until: until) : nil, areaKm2: area)
            }
            guard let index = try evidence.index(context: ctx, jobs: jobsAsked) else { return }
            let counts = try await EventTally.areas(areas, events: index,
                                                    jobs: jobsAsked ?? ProcessInfo.processInfo.activeProcessorCount)
            try OutputTarget.write(zip(features, counts).map { $0.adding($1.properties) }, layer: "pockets", to: output)
        }
    }
}
