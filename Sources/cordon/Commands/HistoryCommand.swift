import ArgumentParser
import CordonCore
import CordonGeometry
import CordonSiege
import CordonSources
import Foundation

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Turn a series of dated snapshots into one dated control map.",
        discussion: """
        Each SNAPSHOT is one day's control map: a file of any format GDAL reads (GeoJSON, GeoPackage, \
        Shapefile, KML, ...), or, with --all-layers, each layer of the sources given. Its date is read \
        from the file's name (without extension) or the layer's name by --date-pattern, or from a \
        field of each feature by --date-field.

        Polygons drawn again with the same outline cost nothing: only ground that changes hands is \
        written again. Each feature of the output is a piece of one controller's ground with `from` \
        and `until`; on every snapshot date the pieces held that day make up exactly that \
        snapshot's ground (within --tolerance-m). A missing day is a gap: the snapshot before \
        holds until the next one. The last snapshot holds until the day after it. `cordon \
        enclosure`, `routes` and `run` read the output as any dated map. Pieces carry only \
        `controller`, `from` and `until`: give residents with `enclosure --population`.

        Examples:
          cordon history snapshots/*.geojson -o history.geojson
          cordon history series.gpkg --all-layers --date-pattern 'day_%Y%m%d' -o history.geojson
          cordon history all-days.geojson --date-field date -o history.geojson
          cordon history deepstate/*.geojson --controller-field fill \\
              --values '#a52714=occupied,#0f9d58=liberated,#bcaaa4=ignore' -o history.geojson

        A one-line JSON summary goes to standard error: snapshots, changes, spans, features.
        """)

    @Argument(help: "Snapshot files, or sources whose layers are snapshots (--all-layers).") var snapshots: [String] = []
    @Option(name: .customLong("date-pattern"),
            help: "How the date is written in a file or layer name (or --date-field's values): %Y %m %d, %j, %b.")
    var datePattern = "%Y-%m-%d"
    @Option(name: .customLong("date-field"), help: "Take each feature's date from this field instead of the name.")
    var dateField: String?
    @Flag(name: .customLong("all-layers"), help: "Every layer of each source is a snapshot.") var allLayers = false
    @OptionGroup(title: "Snapshot fields") var fields: FieldMappingOptions
    @Option(name: .customLong("tolerance-m"), help: "Differences thinner than this (metres) are not changes.")
    var tolerance: Double = 0
    @Option(name: .customLong("jobs"), help: "Snapshots read in parallel; the default is every core. Results do not depend on it.")
    var jobsAsked: Int?
    @Option(name: .shortAndLong, help: "Output: a GeoJSON file (- for standard output), a GeoPackage (FILE.gpkg, table history) or PG:... (table history).") var output: String = "-"

    func validate() throws {
        if snapshots.isEmpty { throw ValidationError("give at least one snapshot") }
        if !tolerance.isFinite || tolerance < 0 { throw ValidationError("--tolerance-m must be a number ≥ 0") }
        if let jobsAsked, jobsAsked < 1 { throw ValidationError("--jobs must be at least 1") }
        if allLayers && fields.layer != nil { throw ValidationError("--all-layers and --layer cannot go together") }
    }

    func run() async throws {
        try await reporting {
            try OutputTarget.refuseReplacingTables(["history"], inputs: snapshots.map { ($0, fields.layer) }, output: output)
            try OutputTarget.refuseReplacing(inputs: snapshots, with: output)
            let pattern = try DatePattern(datePattern)
            let jobs = jobsAsked ?? ProcessInfo.processInfo.activeProcessorCount
            let series = try SnapshotSeries(paths: snapshots, allLayers: allLayers, layer: fields.layer,
                                            mapping: try fields.mapping())
            let builder = HistoryBuilder(tolerance: tolerance, context: try GEOSContext())
            if let dateField {
                for s in try await series.byField(dateField, pattern: pattern, jobs: jobs) { try builder.add(s) }
            } else {
                try await series.byName(pattern, jobs: jobs) { try builder.add($0) }
            }
            let (pieces, summary) = builder.finish()
            try writeHistory(pieces, to: output)
            var json = summary.json
            json["until"] = summary.last.map { .string(($0 + 1).description) } ?? .null
            json["features"] = .number(Double(pieces.count))
            printError(JSONValue.object(json).jsonText)
        }
    }

    /// The one place the history is written, so other output targets can take its place.
    /// GeoJSON is streamed; a GeoPackage or database gets table `history`.
    private func writeHistory(_ pieces: [HistoryPiece], to path: String) throws {
        if LayerOutput(path) != nil {
            try OutputTarget.write(HistoryPiece.features(pieces), layer: "history", to: path)
            return
        }
        try GeoJSONWriter(reals: FractionalFields.names).stream(to: path) { add in
            var numbering = PieceNumbering()
            for p in pieces { try add(numbering.feature(of: p)) }
        }
    }
}
