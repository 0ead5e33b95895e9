import CordonCore
import CordonGeometry

/// Turns a series of snapshots, fed in date order, into pieces of ground with `from`/`until`
/// (docs/design.md#history). Only what changes is written again: a piece that a change does
/// not touch stays one piece across the change, so a year of small daily changes costs little
/// more than the first snapshot.
public final class HistoryBuilder {
    /// A difference thinner than this (metres) is not a change; 0 means any area at all.
    public let tolerance: Double
    private let ctx: GEOSContext
    private var controllers: [String: ControllerHistory] = [:]
    private var closed: [(id: Int, piece: HistoryPiece)] = []
    private var nextID = 0
    private var previous: (date: Day, source: String)?
    private var summary = HistorySummary()
    private lazy var thickness = Thickness(tolerance: tolerance)

    /// A builder for one series.
    /// - Parameters:
    ///   - tolerance: `--tolerance-m`: differences thinner than this many metres are no change.
    ///   - context: The GEOS context to work in.
    public init(tolerance: Double = 0, context: GEOSContext) {
        self.tolerance = tolerance
        self.ctx = context
    }

    /// Adds the next snapshot, which must be dated after the one before.
    /// - Throws: ``SiegeInputError`` naming the snapshot and feature with invalid geometry,
    ///   or a snapshot not after the previous one.
    public func add(_ s: Snapshot) throws {
        if let previous {
            guard s.date > previous.date else {
                throw SiegeInputError(file: s.source, "is dated \(s.date), not after \(previous.source) (\(previous.date))")
            }
            summary.missingDays += s.date - previous.date - 1
        } else {
            summary.first = s.date
        }
        summary.snapshots += 1
        summary.last = s.date
        let first = previous == nil
        previous = (s.date, s.source)

        if first {
            // The first snapshot's own polygons are the first pieces: when later snapshots
            // move whole polygons from one side to another, the pieces they end are whole.
            for name in s.parts.keys.sorted() {
                let c = ControllerHistory(name)
                controllers[name] = c
                _ = try delta(c, s.parts[name] ?? [], in: s, comparing: false)
                for p in s.parts[name] ?? [] { try open(p.geometry, for: c, on: s.date) }
                summary.spans += 1
            }
            return
        }
        var deltas: [(ControllerHistory, Delta)] = []
        for name in Set(controllers.keys).union(s.parts.keys).sorted() {
            let c = controllers[name] ?? ControllerHistory(name)
            controllers[name] = c
            if let d = try delta(c, s.parts[name] ?? [], in: s, comparing: true) { deltas.append((c, d)) }
        }
        let changed = try deltas.contains { try thickness.isThick($0.1.gained) || thickness.isThick($0.1.lost) }
        if changed {
            summary.changeDates.append(s.date)
            for (c, d) in deltas { try apply(d, to: c, on: s.date) }
        } else {
            summary.unchangedSnapshots += 1
            // Held back, and looked at again with the next snapshot: the written ground may
            // differ from the drawn one here, by less than the tolerance.
            for (c, d) in deltas where !d.gained.isEmpty || !d.lost.isEmpty { c.pending = d.region }
        }
    }

    /// Every piece, each open one ending the day after the last snapshot, in the order made.
    public func finish() -> (pieces: [HistoryPiece], summary: HistorySummary) {
        if let last = summary.last {
            for c in controllers.values {
                for p in c.open.values {
                    closed.append((p.id, HistoryPiece(controller: c.name, geometry: p.geometry, from: p.from, until: last + 1)))
                }
                c.open = [:]
            }
        }
        return (closed.sorted { $0.id < $1.id }.map(\.piece), summary)
    }

    // MARK: - One controller

    /// Ground gained and lost since what was last written, or nil when the controller drew
    /// exactly the same polygons as the snapshot before and has nothing held back.
    /// With `comparing` false it only records the snapshot's polygons (and checks the new ones).
    private func delta(_ c: ControllerHistory, _ parts: [SnapshotPart], in s: Snapshot, comparing: Bool) throws -> Delta? {
        var counts: [PartKey: Int] = [:], geometry: [PartKey: Geometry] = [:]
        var appeared: [Geometry] = []
        for p in parts {
            counts[p.key, default: 0] += 1
            if geometry[p.key] == nil { geometry[p.key] = p.geometry }
            if counts[p.key]! > c.counts[p.key] ?? 0 {
                if let reason = try p.geometry.validityReason() {
                    throw SiegeInputError(file: p.source, feature: p.feature, "invalid geometry: \(reason)")
                }
                appeared.append(p.geometry)
            }
        }
        // In the order drawn, so the same input gives the same bytes whatever the hash seed.
        var vanished: [Geometry] = []
        for k in c.order where (c.counts[k] ?? 0) > counts[k] ?? 0 {
            if let g = c.geometry[k] { vanished.append(g) }
        }
        defer {
            c.counts = counts
            c.geometry = geometry
            var seen = Set<PartKey>()
            c.order = parts.map(\.key).filter { seen.insert($0).inserted }
        }
        if !comparing { return nil }
        if appeared.isEmpty && vanished.isEmpty && c.pending == nil { return nil }

        // Only the region where something was drawn differently can differ from what is written.
        let region = try ctx.union(appeared + vanished + (c.pending.map { [$0] } ?? []))
        guard let rb = region.bounds else { return nil }
        let drawn = try ctx.union(parts.filter { $0.geometry.bounds?.intersects(rb) ?? false }.map(\.geometry))
            .intersection(region)
        let written = try ctx.union(c.open.values.filter { $0.bounds.intersects(rb) }.sorted { $0.id < $1.id }.map(\.geometry))
            .intersection(region)
        return Delta(gained: try Self.areas(drawn.difference(written)),
                     lost: try Self.areas(written.difference(drawn)), region: region)
    }

    /// Writes a delta: pieces the loss reaches end today and what is left of them starts
    /// again; the gain starts as new pieces.
    private func apply(_ d: Delta, to c: ControllerHistory, on day: Day) throws {
        c.pending = nil
        if d.gained.isEmpty && d.lost.isEmpty { return }
        if !d.lost.isEmpty {
            let lost = try ctx.collection(.multiPolygon, d.lost)
            guard let lb = lost.bounds else { return }
            for id in c.open.keys.sorted() {
                guard let p = c.open[id], p.bounds.intersects(lb) else { continue }
                if try Self.areas(p.geometry.intersection(lost)).isEmpty { continue }
                c.open[id] = nil
                if p.from < day {
                    closed.append((p.id, HistoryPiece(controller: c.name, geometry: p.geometry, from: p.from, until: day)))
                }
                for rest in try Self.areas(p.geometry.difference(lost)) { try open(rest, for: c, on: day) }
            }
        }
        for g in d.gained { try open(g, for: c, on: day) }
        if !c.open.isEmpty { summary.spans += 1 }
    }

    private func open(_ polygon: Geometry, for c: ControllerHistory, on day: Day) throws {
        for g in try PieceSplit.bounded(polygon) {
            guard let b = g.bounds else { continue }
            c.open[nextID] = OpenPiece(id: nextID, geometry: g, bounds: b, from: day)
            nextID += 1
        }
    }

    /// The polygons of `g` with any area (overlay leaves lines and points where edges meet).
    static func areas(_ g: Geometry) throws -> [Geometry] {
        try g.polygons().filter { try $0.planarArea() > 0 }
    }
}

/// What one controller's drawn ground differs by from its written ground, in one snapshot.
private struct Delta {
    let gained: [Geometry]
    let lost: [Geometry]
    /// Where the difference was looked for.
    let region: Geometry
}

/// A piece written and not yet ended.
private struct OpenPiece {
    let id: Int
    let geometry: Geometry
    let bounds: Bounds
    let from: Day
}

/// One controller's state between snapshots.
private final class ControllerHistory {
    let name: String
    /// The polygons of the last snapshot, by outline, with how often each was drawn.
    var counts: [PartKey: Int] = [:]
    var geometry: [PartKey: Geometry] = [:]
    /// Each outline once, in the order drawn.
    var order: [PartKey] = []
    /// Where differences within the tolerance were held back.
    var pending: Geometry?
    var open: [Int: OpenPiece] = [:]

    init(_ name: String) { self.name = name }
}
