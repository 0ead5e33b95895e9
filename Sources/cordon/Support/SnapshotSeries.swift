import CordonCore
import CordonGeometry
import CordonSiege
import CordonSources

/// The snapshots `cordon history` is given: which source and layer each is, its date, and
/// reading them in date order, several at once (docs/design.md#history).
struct SnapshotSeries {
    /// One file or layer to read.
    struct Item: Sendable {
        let source: SourceName
        let layer: String?
        /// What messages call it: the file, or `file (layer L)`.
        let label: String
        /// The name the date is read from: the file name without extension, or the layer's name.
        let name: String
    }

    let items: [Item]
    /// Which fields hold the controller (`--controller-field`, `--values`).
    let mapping: FieldMapping

    init(paths: [String], allLayers: Bool, layer: String?, mapping: FieldMapping) throws {
        self.mapping = mapping
        var items: [Item] = []
        for path in paths {
            let source = SourceName(path)
            if allLayers {
                for l in try VectorSource(source).layerNames() {
                    items.append(Item(source: source, layer: l, label: "\(source) (layer \(l))", name: l))
                }
            } else {
                let label = layer.map { "\(source) (layer \($0))" } ?? source.description
                items.append(Item(source: source, layer: layer, label: label, name: Self.stem(path)))
            }
        }
        self.items = items
    }

    /// Dates every item by its name, refuses an undatable one or two of one date, then reads
    /// them in date order and hands each snapshot to `take`.
    func byName(_ pattern: DatePattern, jobs: Int, take: (Snapshot) throws -> Void) async throws {
        var dated: [(day: Day, item: Item)] = []
        for item in items {
            guard let d = pattern.day(in: item.name) else {
                throw SiegeInputError(file: item.label, "no date in the name `\(item.name)` by the pattern '\(pattern)' (see --date-pattern, --date-field)")
            }
            dated.append((d, item))
        }
        dated.sort { $0.day < $1.day }
        for (a, b) in zip(dated, dated.dropFirst()) where a.day == b.day {
            throw SiegeInputError(file: b.item.label, "is dated \(b.day), as is \(a.item.label): one snapshot a day")
        }
        // Several snapshots are read at once, each in its own GEOS context, and taken in order.
        let batch = max(1, jobs) * 2
        for start in stride(from: 0, to: dated.count, by: batch) {
            let slice = Array(dated[start..<min(start + batch, dated.count)])
            let read = try await withThrowingTaskGroup(of: (Int, Unchecked<Snapshot>).self) { group in
                for (k, entry) in slice.enumerated() {
                    group.addTask {
                        let layer = try VectorSource(entry.item.source).read(layer: entry.item.layer, context: try GEOSContext())
                        let (features, origins) = try mapping.apply(to: layer)
                        let s = try Snapshot(date: entry.day, source: entry.item.label,
                                             entries: zip(origins, features).map { (entry.item.label, $0, $1) })
                        return (k, Unchecked(s))
                    }
                }
                var out = [Snapshot?](repeating: nil, count: slice.count)
                for try await (k, s) in group { out[k] = s.value }
                return out.compactMap { $0 }
            }
            for s in read { try take(s) }
        }
    }

    /// Reads every item, dates each feature by `field`, and makes one snapshot per date, in order.
    func byField(_ field: String, pattern: DatePattern, jobs: Int) async throws -> [Snapshot] {
        var byDay: [Day: [(source: String, index: Int, feature: Feature)]] = [:]
        var sources: [Day: [String]] = [:]
        for item in items {
            let layer = try VectorSource(item.source).read(layer: item.layer, context: try GEOSContext())
            let (features, origins) = try mapping.apply(to: layer)
            for (i, f) in zip(origins, features) {
                let value = f.properties[field]
                guard let text = value?.stringValue ?? value?.numberValue.map({ String(Int($0)) }),
                      let d = pattern.day(in: text) else {
                    let shown = value.map { $0.jsonText } ?? "nothing"
                    throw SiegeInputError(file: item.label, feature: i,
                                          "`\(field)` holds \(shown), not a date by the pattern '\(pattern)'")
                }
                byDay[d, default: []].append((item.label, i, f))
                if sources[d]?.last != item.label { sources[d, default: []].append(item.label) }
            }
        }
        return try byDay.keys.sorted().map { d in
            try Snapshot(date: d, source: "\(sources[d]!.joined(separator: ", ")) (\(field) \(d))", entries: byDay[d]!)
        }
    }

    /// A file's name without folder and extension (`snap-2024-05-01` for `a/snap-2024-05-01.geojson`).
    static func stem(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}

