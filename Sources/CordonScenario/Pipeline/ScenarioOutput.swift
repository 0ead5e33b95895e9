import CordonCore
import CordonGeometry
import CordonSiege
import Foundation

/// Writes a scenario run's files into a folder, each atomically: the map layers, the daily
/// timeline and the summary.
public struct ScenarioOutput {
    public let result: ScenarioResult

    public init(_ result: ScenarioResult) {
        self.result = result
    }

    /// The file names, in the order written.
    public static let files = ["pockets.geojson", "fronts.geojson", "routes.geojson", "districts.geojson",
                               "timeline.csv", "summary.json", ScenarioReport.fileName]

    /// Writes every file into `folder`, creating it if needed; returns their paths.
    @discardableResult
    public func write(to folder: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputFolderError(folder: folder)
        }
        let siege = result.scenario.siege!
        let palette = Palette(besieged: siege.besieged, allies: siege.allies, controllers: result.inputs.map.controllers)
        let layers = [pocketLayer(result, palette: palette), try frontLayer(result, palette: palette),
                      try routeLayer(result), districtLayer(result, palette: palette)]
        let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        for (name, features) in zip(Self.files, layers) {
            try GeoJSONWriter().write(features, to: path(name))
        }
        try AtomicFile.write(Array(result.supply.timelineCSV(monteCarlo: result.monteCarlo).utf8), to: path("timeline.csv"))
        try AtomicFile.write(Array(result.summaryJSON.utf8), to: path("summary.json"))
        // Built from the files just written, so `cordon report DIR` gives the same bytes.
        try ScenarioReport.write(folder: folder)
        return Self.files.map(path)
    }
}

/// The output folder could not be made (a file is in the way, or no permission).
public struct OutputFolderError: Error, CustomStringConvertible {
    public let folder: String
    public var description: String { "cannot create the output folder \(folder)" }
}
