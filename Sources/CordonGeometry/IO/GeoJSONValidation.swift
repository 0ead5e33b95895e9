extension GeoJSONReader {
    /// Every fault of a GeoJSON file: what `check` finds while reading, then, for each
    /// feature read, GEOS's reason when its geometry is invalid (self-intersections,
    /// rings that cross, …), reported with the feature's index and starting line.
    public func validate(path: String) -> GeoJSONReport {
        var report = check(path: path)
        var faults = report.faults
        for e in report.entries {
            guard let g = e.feature.geometry else { continue }
            let reason: String?
            do { reason = try g.validityReason() } catch { reason = "\(error)" }
            if let reason {
                faults.append(GeoJSONError(kind: .geometry, file: path, feature: e.index, line: e.line,
                                           reason: "invalid geometry: \(reason)"))
            }
        }
        // In file order: a fault found while reading and one found by GEOS interleave by feature.
        report.faults = faults.enumerated().sorted { a, b in
            let fa = a.element.feature ?? Int.max, fb = b.element.feature ?? Int.max
            return fa != fb ? fa < fb : a.offset < b.offset
        }.map(\.element)
        return report
    }
}
