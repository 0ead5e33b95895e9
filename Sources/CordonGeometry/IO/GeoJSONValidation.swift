extension GeoJSONReader {
    /// Every fault of a GeoJSON file: what `check` finds while reading, then, for each
    /// feature read, GEOS's reason when its geometry is invalid (self-intersections,
    /// rings that cross, …), reported with the feature's index and starting line.
    ///
    /// Streams: each geometry is checked as soon as it is read and then dropped, so memory
    /// stays bounded whatever the file's size (the report has no `entries`).
    /// - Parameters:
    ///   - path: The file ("-" for standard input).
    ///   - inspect: Given each feature read and its index, for checks of the caller's own (the
    ///     properties a control map needs, say) before the feature is dropped.
    public func validate(path: String, inspect: ((Feature, Int) -> Void)? = nil) -> GeoJSONReport {
        do {
            return try withInput(path) { raw, progress in
                var p = DocumentParser(raw, context: context, maxDepth: maxDepth, checkRange: checkRange, collectFaults: true)
                p.progress = progress
                var invalid: [(feature: Int, offset: Int, reason: String)] = []
                var finder = DuplicateFinder(context: context)
                var duplicates: [DuplicateFeature] = []
                p.sink = { feature, index, offset in
                    inspect?(feature, index)
                    if let original = finder.sighting(of: feature, index: index) {
                        duplicates.append(DuplicateFeature(file: path, feature: index, original: original))
                    }
                    guard let g = feature.geometry else { return }
                    let reason: String?
                    do { reason = try g.validityReason() } catch { reason = "\(error)" }
                    if let reason { invalid.append((index, offset, "invalid geometry: \(reason)")) }
                }
                p.document()
                var result = report(p, invalid, file: path)
                result.duplicates = duplicates
                return result
            }
        } catch {
            return .unreadable(path, error)
        }
    }

    /// Reading faults (with line and column) and GEOS's (with the feature's first line), in file order.
    private func report(_ p: DocumentParser, _ invalid: [(feature: Int, offset: Int, reason: String)],
                        file: String) -> GeoJSONReport {
        let places = p.s.locations(of: p.faults.map(\.fault.offset) + invalid.map(\.offset))
        var faults = zip(p.faults, places).map { f, at in
            GeoJSONError(kind: f.fault.kind, file: file, feature: f.feature, line: at.line, column: at.column,
                         reason: f.fault.reason)
        }
        faults += zip(invalid, places.dropFirst(p.faults.count)).map { v, at in
            GeoJSONError(kind: .geometry, file: file, feature: v.feature, line: at.line, reason: v.reason)
        }
        // A fault found while reading and one found by GEOS interleave by feature.
        let ordered = faults.enumerated().sorted { a, b in
            let fa = a.element.feature ?? Int.max, fb = b.element.feature ?? Int.max
            return fa != fb ? fa < fb : a.offset < b.offset
        }.map(\.element)
        let complete = !faults.contains { $0.kind == .syntax || $0.kind == .tooDeep || $0.kind == .file }
        return GeoJSONReport(entries: [], faults: ordered, featureCount: p.featureCount, complete: complete)
    }
}
