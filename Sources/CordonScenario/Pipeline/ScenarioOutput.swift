import CordonCore
import CordonGeometry
import CordonSiege
import Foundation

/// Writes a scenario run's files into a folder as one set: the map layers, the daily timeline,
/// the summary, the report and the QGIS project. The folder holds either the whole previous
/// set or the whole new one (`OutputFolder`), never an input of the run and never a mixture.
public struct ScenarioOutput {
    /// The run to write.
    public let result: ScenarioResult

    /// A writer for the files of `result`.
    public init(_ result: ScenarioResult) {
        self.result = result
    }

    /// Every file a run may write, in the order written. A run whose scenario names no districts
    /// writes no `districts.geojson` (``fileNames``).
    public static let files = ["pockets.geojson", "fronts.geojson", "routes.geojson", "districts.geojson",
                               "timeline.csv", "timeline.csvt", "summary.json", "sensitivity.csv", "sensitivity.json",
                               "hindcast.json"]
        + EvidenceFiles.names + [ScenarioReport.fileName, InteractiveMap.fileName, QGISProject.fileName]
        + AccessLayers.names.map { $0 + ".geojson" }

    /// The files this run writes: ``files`` without the districts layer when there are no
    /// districts, without the sensitivity files when no sensitivity analysis was made, and without
    /// `hindcast.json` when the scenario has no observations.
    public var fileNames: [String] {
        let evidence = Set(EvidenceFiles.names(for: result.evidence))
        return Self.files.filter {
            ($0 != "districts.geojson" || hasDistricts) && (!$0.hasPrefix("sensitivity.") || result.sensitivity != nil)
                && ($0 != "hindcast.json" || result.hindcast != nil)
                && (!$0.hasPrefix("access_") || hasRoads) && (!EvidenceFiles.names.contains($0) || evidence.contains($0))
        }
    }

    /// The files the run read, which no output may replace: the scenario and the files it names.
    public var inputFiles: [String] {
        Self.inputFiles(of: result.scenario)
    }

    /// The tables a run may write into a GeoPackage or database.
    public static let tables = ["pockets", "fronts", "routes", "districts", "timeline", "summary"] + AccessLayers.names

    /// The map, routes and districts sources a scenario names, resolved, with the layer each reads.
    public static func inputLayers(of scenario: Scenario) -> [(source: String, layer: String?)] {
        guard let siege = scenario.siege else { return [] }
        return [("map", siege.map), ("routes", siege.routes), ("districts", siege.districts), ("roads", siege.roads)].compactMap { key, path in
            path.map { (scenario.resolve($0), siege.layers[key]) }
        }
    }

    /// The scenario file and the map, routes and districts files it names.
    public static func inputFiles(of scenario: Scenario) -> [String] {
        let siege = scenario.siege
        return [scenario.file] + [siege?.map, siege?.routes, siege?.districts, siege?.roads, siege?.evidence.events,
                                  siege?.evidence.prices].compactMap { $0.map(scenario.resolve) }
    }

    /// Throws before any work is done when `folder` cannot take a run's files: one of them would
    /// replace an input, a file stands in the folder's place, or the folder holds files Cordon
    /// did not write.
    /// - Throws: `OutputReplacesInputError` or `OutputFolderError`, both bad input.
    public static func check(folder: String, inputs: [String]) throws {
        let out = OutputFolder(folder, files: files, dated: SnapshotDays.files)
        try OutputChecks.refuseReplacing(inputs: inputs, with: files.map(out.file))
        try out.check()
    }

    /// Writes every file into `folder` as one set, creating it if needed; returns their paths.
    /// - Parameters:
    ///   - folder: The run folder.
    ///   - snapshots: The days to write per-date layers for (`pockets-YYYY-MM-DD.geojson`, …).
    /// - Throws: the errors of ``check(folder:inputs:)``; `ScenarioError` for a snapshot day
    ///   outside the run; `FileWriteError` naming the output file when the set cannot be
    ///   written, in which case the folder is as it was.
    @discardableResult
    public func write(to folder: String, snapshots: SnapshotDays = .none) throws -> [String] {
        _ = try siege()
        try snapshots.check(result.scenario)
        try Self.check(folder: folder, inputs: inputFiles)
        let (layers, periods) = try layerFiles(perPeriod: snapshots != .none)
        let out = OutputFolder(folder, files: Self.files, dated: SnapshotDays.files)
        var perDate: [String] = []
        try out.write { staging in
            let path = { (name: String) in staging + "/" + name }
            let writer = GeoJSONWriter(reals: FractionalFields.names)
            for (name, features) in layers {
                try writer.write(features, to: path(name))
            }
            try AtomicFile.write(Array(result.supply.timelineCSV(monteCarlo: result.monteCarlo).utf8), to: path("timeline.csv"))
            try AtomicFile.write(Array(result.supply.timelineCSVT(monteCarlo: result.monteCarlo).utf8), to: path("timeline.csvt"))
            try AtomicFile.write(Array(result.summaryJSON.utf8), to: path("summary.json"))
            if let sensitivity = result.sensitivity {
                try AtomicFile.write(Array(sensitivity.csv.utf8), to: path("sensitivity.csv"))
                try AtomicFile.write(Array(sensitivity.json.utf8), to: path("sensitivity.json"))
            }
            if let hindcast = result.hindcast {
                try AtomicFile.write(Array((HindcastReport.json([hindcast]).jsonText + "\n").utf8), to: path("hindcast.json"))
            }
            for (name, bytes) in try EvidenceFiles.files(result.evidence, context: GEOSContext()) {
                try AtomicFile.write(bytes, to: path(name))
            }
            // Per-date files from the layers period by period, in the order the one-date commands write.
            perDate = try writeSnapshots(snapshots, layers: periods, into: staging, writer: writer)
            // Built from the files just written, so `cordon report DIR` gives the same bytes of both.
            do {
                try ScenarioReport.write(folder: staging)
                try InteractiveMap.write(folder: staging)
                try QGISProject.write(folder: staging)
            } catch let e as ReportInputError where e.path.hasPrefix(staging + "/") {
                throw ReportInputError(out.file(String(e.path.dropFirst(staging.count + 1))), e.reason)
            }
        }
        return (fileNames + perDate).map(out.file)
    }

    /// Writes each layer's per-date files into `staging`; returns their names, by date then layer.
    private func writeSnapshots(_ snapshots: SnapshotDays, layers: [(file: String, features: [Feature])],
                                into staging: String, writer: GeoJSONWriter) throws -> [String] {
        let days: [Day]
        switch snapshots {
        case .none: return []
        case .days(let given): days = given
        case .keyDates: days = try ReportSummary(path: staging + "/summary.json").mapDates.map(\.day)
        }
        var names: [String] = []
        for day in Array(Set(days)).sorted() {
            for (file, features) in layers {
                let layer = String(file.dropLast(".geojson".count))
                guard let family = SnapshotDays.files.first(where: { $0.prefix == layer + "-" }) else { continue }
                let name = family.name(day)
                try writer.write(snapshot(features, on: day), to: staging + "/" + name)
                names.append(name)
            }
        }
        return names
    }

    /// The map layers by file name, in the order written: pockets, fronts, routes, districts,
    /// each feature unchanged over consecutive periods written once (`FeatureSpans`), then the
    /// road access layers. With `perPeriod`, also the four map layers with one feature per
    /// period, each with the `id` of its joined feature (the per-date files), from the same build.
    func layerFiles(perPeriod: Bool = false) throws
        -> (joined: [(file: String, features: [Feature])], perPeriod: [(file: String, features: [Feature])]) {
        let siege = try siege()
        let palette = Palette(besieged: siege.besieged, allies: siege.allies, neutral: siege.neutral,
                              controllers: result.inputs.map.controllers)
        var built = [("pockets.geojson", pocketLayer(result, palette: palette)),
                     ("fronts.geojson", try frontLayer(result, palette: palette)),
                     ("routes.geojson", try routeLayer(result))]
        if hasDistricts { built.append(("districts.geojson", districtLayer(result, palette: palette))) }
        var layers: [(file: String, features: [Feature])] = [], periods: [(file: String, features: [Feature])] = []
        for (file, features) in built {
            let (spans, into) = try FeatureSpans.joined(features)
            layers.append((file, spans))
            if perPeriod {
                periods.append((file, features.indices.map { i in
                    spans[into[i]].id?.stringValue.map(features[i].identified) ?? features[i]
                }))
            }
        }
        // The road access layers are written as `cordon access` writes them.
        if hasRoads, let roads = result.inputs.roads {
            let access = try AccessLayers.features(result.roadAccess, network: roads).map { ($0.layer + ".geojson", $0.features) }
            layers += try access.map { ($0.0, try FeatureSpans.merged($0.1)) }
        }
        return (layers, periods)
    }

    /// Where the siege is on the map; a run without one has no layers.
    private func siege() throws -> SiegeSettings {
        guard let siege = result.scenario.siege else {
            throw ScenarioError(file: result.scenario.file, path: "map", message: "missing: give the control map, a GeoJSON file")
        }
        return siege
    }

    /// Whether the scenario has roads: without them the run writes no access layers.
    var hasRoads: Bool { result.inputs.roads != nil }

    /// Whether the scenario has districts: without them the run writes no districts layer.
    var hasDistricts: Bool {
        result.scenario.siege?.districts != nil || !result.inputs.districts.isEmpty
    }
}
