import CordonGeometry
import CordonSiege

/// What `cordon validate` found in one file.
struct FileCheckResult {
    /// One line per fault, each naming the file (and feature, where there is one).
    var faults: [String]
    /// For a file without faults: what it holds, e.g. "12 features".
    var summary: String
    /// Lines that do not make the file faulty: features that repeat an earlier one.
    var warnings: [String] = []
}

/// One kind of input file that `cordon validate` can check. A new kind (scenario files)
/// plugs in by adding a checker to `FileCheckers.all`, ahead of the GeoJSON fallback.
protocol FileChecker: Sendable {
    /// Whether this checker takes the file (by its name; it may also look inside).
    func accepts(_ path: String) -> Bool
    func check(_ path: String) -> FileCheckResult
}

enum FileCheckers {
    /// In order of preference; the last accepts anything.
    static let all: [any FileChecker] = [ScenarioChecker(), SourceChecker(), GeoJSONChecker()]

    static func checker(for path: String) -> any FileChecker {
        all.first { $0.accepts(path) } ?? GeoJSONChecker()
    }
}

/// GeoJSON: JSON syntax, structure, types, rings, coordinates, then GEOS validity per feature;
/// for a control map (some feature has a `controller`) also what `enclosure` needs of each
/// feature's properties.
struct GeoJSONChecker: FileChecker {
    func accepts(_ path: String) -> Bool { true }

    func check(_ path: String) -> FileCheckResult {
        // Streamed: a feature naming a controller is checked as it passes and dropped. Features
        // without one are only counted: in a file that is not a control map (routes, districts)
        // they are fine and cost nothing; in a control map they are read again below.
        var mapFaults: [SiegeInputError] = [], namesController = false, lacking = 0
        let context: GEOSContext
        do { context = try GEOSContext() } catch { return FileCheckResult(faults: ["\(path): \(error)"], summary: "") }
        let report = GeoJSONReader(context: context).validate(path: path) { feature, index in
            guard feature.properties["controller"] != nil else { lacking += 1; return }
            namesController = true
            mapFaults += ControlMap.faults(file: path, features: [(index, feature)])
        }
        if namesController && lacking > 0 && path != "-" {
            try? GeoJSONReader(context: context).forEach(path: path) { feature, index in
                guard feature.properties["controller"] == nil else { return }
                mapFaults += ControlMap.faults(file: path, features: [(index, feature)])
            }
            mapFaults.sort { ($0.feature ?? 0) < ($1.feature ?? 0) }
        }
        let n = report.featureCount
        let reported = Set(report.faults.compactMap(\.feature))
        let faults = report.faults.map(\.description)
            + mapFaults.filter { !reported.contains($0.feature ?? -1) }.map(\.description)
        return FileCheckResult(faults: faults,
                               summary: n == 1 ? "1 feature" : "\(n) features",
                               warnings: report.duplicates.map(\.description))
    }
}
