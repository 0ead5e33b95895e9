import CordonGeometry

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
    static let all: [any FileChecker] = [ScenarioChecker(), GeoJSONChecker()]

    static func checker(for path: String) -> any FileChecker {
        all.first { $0.accepts(path) } ?? GeoJSONChecker()
    }
}

/// GeoJSON: JSON syntax, structure, types, rings, coordinates, then GEOS validity per feature.
struct GeoJSONChecker: FileChecker {
    func accepts(_ path: String) -> Bool { true }

    func check(_ path: String) -> FileCheckResult {
        let report = GeoJSONReader(context: GEOSContext()).validate(path: path)
        let n = report.featureCount
        return FileCheckResult(faults: report.faults.map(\.description),
                               summary: n == 1 ? "1 feature" : "\(n) features",
                               warnings: report.duplicates.map(\.description))
    }
}
