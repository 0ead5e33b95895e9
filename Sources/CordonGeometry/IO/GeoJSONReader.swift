/// Reads GeoJSON (RFC 7946) straight from bytes into GEOS geometries.
///
/// - Accepts a FeatureCollection, a single Feature or a bare geometry; all seven
///   geometry types; `"geometry": null` (kept as nil). A UTF-8 byte order mark is allowed.
/// - Positions keep longitude and latitude; a third or fourth number is read and dropped.
/// - Limits: nesting deeper than `maxDepth` (default 256) and files larger than
///   `maxBytes` (default 1 GiB) are errors, never a crash.
/// - Checks JSON syntax, the GeoJSON structure, geometry types, the `type` member,
///   rings (closed, 4 positions or more), lines (2 or more), and coordinates (numbers,
///   finite, longitude in ±180 and latitude in ±90 unless `checkRange` is off).
///   Self-intersections are not checked here: ask `Geometry.validityReason()`.
public struct GeoJSONReader {
    public static let defaultMaxDepth = 256
    public static let defaultMaxBytes = 1 << 30

    public let context: GEOSContext
    public var maxDepth: Int
    public var maxBytes: Int
    public var checkRange: Bool

    public init(context: GEOSContext, maxDepth: Int = defaultMaxDepth, maxBytes: Int = defaultMaxBytes,
                checkRange: Bool = true) {
        self.context = context
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
        self.checkRange = checkRange
    }

    /// The features of a file ("-" reads standard input), in file order; throws the first fault.
    public func read(path: String) throws -> [Feature] {
        try read(try FileBytes.read(path, limit: maxBytes), file: path)
    }

    /// The features in `bytes`; `file` names the source in error messages.
    public func read(_ bytes: [UInt8], file: String = "<input>") throws -> [Feature] {
        let (entries, faults, _) = parse(bytes, file: file, collect: false)
        if let first = faults.first { throw first }
        return entries.map(\.feature)
    }

    /// Every fault of a file, going on past faulty features; for `cordon validate`.
    public func check(path: String) -> GeoJSONReport {
        do {
            return check(try FileBytes.read(path, limit: maxBytes), file: path)
        } catch let e as GeoJSONError {
            return GeoJSONReport(entries: [], faults: [e], featureCount: 0, complete: false)
        } catch {
            return GeoJSONReport(entries: [], faults: [GeoJSONError(kind: .file, file: path, reason: "\(error)")],
                                 featureCount: 0, complete: false)
        }
    }

    public func check(_ bytes: [UInt8], file: String = "<input>") -> GeoJSONReport {
        let (entries, faults, count) = parse(bytes, file: file, collect: true)
        let complete = !faults.contains { $0.kind == .syntax || $0.kind == .tooDeep || $0.kind == .file }
        return GeoJSONReport(entries: entries, faults: faults, featureCount: count, complete: complete)
    }

    private func parse(_ bytes: [UInt8], file: String, collect: Bool)
        -> (entries: [GeoJSONReport.Entry], faults: [GeoJSONError], count: Int) {
        if bytes.count > maxBytes {
            return ([], [GeoJSONError(kind: .file, file: file, reason: "the input is larger than the limit of \(maxBytes >> 20) MiB")], 0)
        }
        return bytes.withUnsafeBytes { raw in
            var p = DocumentParser(raw, context: context, maxDepth: maxDepth, checkRange: checkRange, collectFaults: collect)
            p.document()
            let faults = p.faults.map { f, feature in
                let (line, column) = p.s.location(of: f.offset)
                return GeoJSONError(kind: f.kind, file: file, feature: feature, line: line, column: column, reason: f.reason)
            }
            // Lines of the features, counted in one pass (entries are in file order).
            var entries: [GeoJSONReport.Entry] = []
            if collect {
                entries.reserveCapacity(p.entries.count)
                var line = 1, at = 0
                for e in p.entries {
                    while at < e.offset { if raw[at] == 0x0A { line += 1 }; at += 1 }
                    entries.append(GeoJSONReport.Entry(index: e.index, line: line, feature: e.feature))
                }
            } else {
                entries = p.entries.map { GeoJSONReport.Entry(index: $0.index, line: 0, feature: $0.feature) }
            }
            return (entries, faults, p.featureCount)
        }
    }
}

/// What `GeoJSONReader.check` found: the features it could read and every fault.
public struct GeoJSONReport {
    public struct Entry {
        /// Index of the feature in the file (the first is 0).
        public var index: Int
        /// Line where the feature starts.
        public var line: Int
        public var feature: Feature
    }

    public var entries: [Entry]
    public var faults: [GeoJSONError]
    /// Features seen, faulty or not (up to where reading stopped).
    public var featureCount: Int
    /// False when reading stopped early (broken JSON, nesting too deep, unreadable file).
    public var complete: Bool

    public var isValid: Bool { faults.isEmpty }
}
