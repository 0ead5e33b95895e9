import ArgumentParser
import CordonCore
import CordonScenario
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild report.html, map.html and cordon.qgz from the output folder of cordon run or cordon demo.",
        discussion: """
        `cordon run` and `cordon demo` already write report.html, map.html (an interactive \
        map) and cordon.qgz (a QGIS project of the folder's layers) into their output folder. \
        This command builds all three again from the folder's own files, with no need for the \
        scenario or its inputs: summary.json (the siege, routes, supplies and the basis: \
        input files, sources, assumptions), timeline.csv and the GeoJSON layers. A run \
        without districts has no districts.geojson; its maps then show the besieged side's \
        pockets, and say so. The same folder always gives the same bytes.

        The report is one self-contained HTML page: inline SVG and CSS, no scripts, no web \
        fonts, no map tiles, nothing fetched from the network. It opens offline, from an \
        e-mail attachment, and prints. It holds:
          - the scenario, its period and besieged side, and what the figures rest on;
          - maps in UTM at the key dates (before the siege, each encirclement, each
            reopening, the last day): districts by controller, besieged ground hatched,
            the pocket's fronts, routes by condition, corridors as labelled arrows,
            with a scale bar, north arrow, legend and date on each;
          - charts against time: each commodity's stock with its P5-P95 band, rations,
            days of supply, people inside and evacuated, key dates marked;
          - tables: siege periods, depletion dates with percentiles, routes with their
            status history, pockets with area and population.

        map.html, rebuilt beside it from the same files, is the run on one interactive \
        map: a date slider and play button over the whole run with the key dates marked, \
        only what is true on the day shown, in the layers' colours, and each feature's \
        properties on a click. It too is self-contained and fetches nothing.

        Examples:
          cordon run geodata/aleppo-2016/scenario.yaml -o aleppo
          cordon report aleppo                    rewrites aleppo/report.html, map.html and cordon.qgz
          cordon report aleppo -o briefing.html   writes the page alone elsewhere (its link to
                                                  map.html then needs the map beside it)

        Everything in the report is a model estimate from the scenario's inputs, not an observation.
        """)

    @Argument(help: "Output folder of cordon run or cordon demo.") var folder: String
    @Option(name: .shortAndLong, help: "Where to write the page (default: FOLDER/report.html).") var output: String?

    func run() throws {
        try reporting {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw NotAnOutputFolder(folder: folder)
            }
            // The page is built from the folder's files; -o must not replace one of them.
            let inputs = ScenarioOutput.files.filter { $0 != ScenarioReport.fileName }
                .map { (folder as NSString).appendingPathComponent($0) }
            try OutputChecks.refuseReplacing(inputs: inputs, with: output.map { [$0] } ?? [])
            let file = { (name: String) in (folder as NSString).appendingPathComponent(name) }
            let path = output ?? file(ScenarioReport.fileName)
            // All the files or none. The map and the project go only into the folder: the
            // project opens the layers beside it, and the report links to the map beside it.
            var outputs = OutputSet()
            try outputs.add(Array(ScenarioReport.html(folder: folder).utf8), to: path)
            if output == nil {
                try outputs.add(Array(InteractiveMap.html(folder: folder).utf8), to: file(InteractiveMap.fileName))
                try outputs.add(QGISProject.bytes(folder: folder), to: file(QGISProject.fileName))
            }
            try outputs.commit()
            printError("Report written to \(path)" + (output == nil
                ? "; interactive map to \(file(InteractiveMap.fileName)); QGIS project to \(file(QGISProject.fileName))." : "."))
        }
    }
}

private struct NotAnOutputFolder: BadInput {
    let folder: String
    var description: String { "\(folder): not a folder; give the output folder of cordon run or cordon demo" }
}
