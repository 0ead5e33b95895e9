import CordonCore

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
    /// The default nesting limit, far beyond any real GeoJSON file.
    public static let defaultMaxDepth = 256
    /// The default size limit: 1 GiB.
    public static let defaultMaxBytes = 1 << 30
    /// For commands that keep every feature in memory (enclosure, routes, run): their GEOS
    /// geometry takes about three times the file's size, so larger files are refused
    /// rather than risk running out of memory; `measure` and `validate` stream instead.
    public static let heldMaxBytes = 512 << 20

    /// The context the geometries are made in.
    public let context: GEOSContext
    /// The deepest JSON nesting accepted.
    public var maxDepth: Int
    /// The largest input accepted, in bytes.
    public var maxBytes: Int
    /// Whether coordinates must lie in ±180° longitude and ±90° latitude; turn off for projected files.
    public var checkRange: Bool

    /// A reader with the given limits; the defaults suit files from QGIS or geojson.io.
    /// - Parameters:
    ///   - context: The context to make geometries in.
    ///   - maxDepth: The deepest nesting accepted.
    ///   - maxBytes: The largest file accepted, in bytes; see ``heldMaxBytes`` for analyses.
    ///   - checkRange: Whether to refuse coordinates outside lon/lat range.
    public init(context: GEOSContext, maxDepth: Int = defaultMaxDepth, maxBytes: Int = defaultMaxBytes,
                checkRange: Bool = true) {
        self.context = context
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
        self.checkRange = checkRange
    }

    /// The features of a file ("-" reads standard input), in file order; throws the first fault.
    /// A regular file is memory-mapped and its pages handed back as reading passes them.
    ///
    /// - Throws: ``GeoJSONError``, naming the file, the feature and the line.
    public func read(path: String) throws -> [Feature] {
        try withInput(path) { try read($0, file: path, progress: $1) }
    }

    /// The features of a file, and how many of them carried Z or M values (read and dropped).
    ///
    /// - Throws: ``GeoJSONError``, naming the file, the feature and the line.
    public func readCountingDropped(path: String) throws -> (features: [Feature], droppedDimensions: Int) {
        try withInput(path) { raw, progress in
            let r = parse(raw, file: path, collect: false, progress: progress)
            if let first = r.faults.first { throw first }
            return (r.parser.features, r.parser.featuresWithDroppedOrdinates)
        }
    }

    /// The features in `bytes`; `file` names the source in error messages.
    ///
    /// - Throws: ``GeoJSONError``.
    public func read(_ bytes: [UInt8], file: String = "<input>") throws -> [Feature] {
        try bytes.withUnsafeBytes { try read($0, file: file, progress: nil) }
    }

    private func read(_ raw: UnsafeRawBufferPointer, file: String, progress: ((Int) -> Void)?) throws -> [Feature] {
        let r = parse(raw, file: file, collect: false, progress: progress)
        if let first = r.faults.first { throw first }
        return r.parser.features
    }

    /// Streams the features of a file to `body` (with their index) as they are read,
    /// holding none of them: for files larger than memory likes. Throws the first fault,
    /// or what `body` throws, which stops reading.
    ///
    /// - Parameters:
    ///   - path: The file; "-" reads standard input.
    ///   - body: Gets each feature and its index in the file, from 0.
    /// - Throws: ``GeoJSONError``, or whatever `body` throws.
    public func forEach(path: String, _ body: (Feature, Int) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            try withInput(path) { raw, progress in
                var p = DocumentParser(raw, context: context, maxDepth: maxDepth, checkRange: checkRange, collectFaults: false)
                p.progress = progress
                p.sink = { feature, index, _ in try body(feature, index) }
                p.document()
                if let e = p.sinkError { throw e }
                if let f = p.faults.first {
                    let at = p.s.locations(of: [f.fault.offset])[0]
                    throw GeoJSONError(kind: f.fault.kind, file: path, feature: f.feature, line: at.line, column: at.column,
                                       reason: f.fault.reason)
                }
            }
        }
    }

    /// Every fault of a file, going on past faulty features; for `cordon validate`.
    public func check(path: String) -> GeoJSONReport {
        do {
            return try withInput(path) { check($0, file: path, progress: $1) }
        } catch {
            return .unreadable(path, error)
        }
    }

    /// Every fault in `bytes`, going on past faulty features; `file` names the source in messages.
    public func check(_ bytes: [UInt8], file: String = "<input>") -> GeoJSONReport {
        bytes.withUnsafeBytes { check($0, file: file, progress: nil) }
    }

    private func check(_ raw: UnsafeRawBufferPointer, file: String, progress: ((Int) -> Void)?) -> GeoJSONReport {
        let r = parse(raw, file: file, collect: true, progress: progress)
        let entries = zip(r.parser.origins, r.parser.features).map {
            GeoJSONReport.Entry(index: $0.index, line: $0.line, feature: $1)
        }
        let complete = !r.faults.contains { $0.kind == .syntax || $0.kind == .tooDeep || $0.kind == .file }
        return GeoJSONReport(entries: entries, faults: r.faults, featureCount: r.parser.featureCount, complete: complete)
    }

    /// Maps a regular file; reads standard input ("-") into memory. A FIFO, device or socket
    /// named by path is refused before reading (`FileBytes`), so it can neither hang nor fill
    /// memory. A file that cannot be read is a `GeoJSONError` of kind `.file`, naming it.
    func withInput<T>(_ path: String, _ body: (UnsafeRawBufferPointer, ((Int) -> Void)?) throws -> T) throws -> T {
        let mapped: MappedFile?
        let bytes: [UInt8]
        do {
            mapped = try MappedFile(path, limit: maxBytes)
            bytes = mapped == nil ? try FileBytes.read(path, limit: maxBytes) : []
        } catch let e as FileReadError {
            throw GeoJSONError(kind: .file, file: e.path, reason: e.reason)
        }
        if let mapped { return try body(mapped.bytes, mapped.release(before:)) }
        return try bytes.withUnsafeBytes { try body($0, nil) }
    }

    private func parse(_ raw: UnsafeRawBufferPointer, file: String, collect: Bool, progress: ((Int) -> Void)?)
        -> (parser: DocumentParser, faults: [GeoJSONError]) {
        var p = DocumentParser(raw, context: context, maxDepth: maxDepth, checkRange: checkRange, collectFaults: collect)
        if raw.count > maxBytes {
            let e = GeoJSONError(kind: .file, file: file, reason: "the input is larger than the limit of \(maxBytes >> 20) MiB")
            return (p, [e])
        }
        p.progress = progress
        p.splitting = !collect  // reading, not checking: the array's second half on another thread
        p.document()
        let places = p.s.locations(of: p.faults.map(\.fault.offset))
        let faults = zip(p.faults, places).map { f, at in
            GeoJSONError(kind: f.fault.kind, file: file, feature: f.feature, line: at.line, column: at.column, reason: f.fault.reason)
        }
        return (p, faults)
    }
}

/// What `GeoJSONReader.check` found: the features it could read and every fault.
public struct GeoJSONReport {
    /// A feature that could be read, with its place in the file.
    public struct Entry {
        /// Index of the feature in the file (the first is 0).
        public var index: Int
        /// Line where the feature starts.
        public var line: Int
        /// The feature as read.
        public var feature: Feature
    }

    /// The features read, in file order; empty from ``GeoJSONReader/validate(path:inspect:)``, which streams.
    public var entries: [Entry]
    /// Every fault, in file order.
    public var faults: [GeoJSONError]
    /// Features seen, faulty or not (up to where reading stopped).
    public var featureCount: Int
    /// False when reading stopped early (broken JSON, nesting too deep, unreadable file).
    public var complete: Bool
    /// Features that repeat an earlier one exactly (``GeoJSONReader/validate(path:inspect:)`` only):
    /// warnings, not faults.
    public var duplicates: [DuplicateFeature] = []

    /// Whether no fault was found.
    public var isValid: Bool { faults.isEmpty }

    /// The report on a file that could not be read at all.
    static func unreadable(_ path: String, _ error: any Error) -> GeoJSONReport {
        let fault = error as? GeoJSONError ?? GeoJSONError(kind: .file, file: path, reason: "\(error)")
        return GeoJSONReport(entries: [], faults: [fault], featureCount: 0, complete: false)
    }
}
