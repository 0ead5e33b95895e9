import CordonCore
import CordonGeometry

/// A piece of one controller's ground, held unchanged from `from` (inclusive) to `until`
/// (exclusive): one feature of the dated map `cordon history` writes.
public struct HistoryPiece {
    /// Who holds it.
    public let controller: String
    /// The ground, a Polygon in lon/lat.
    public let geometry: Geometry
    /// The first day it is held.
    public let from: Day
    /// The first day it is no longer held as drawn.
    public let until: Day

    /// The piece as a control-map feature: `controller`, `from`, `until`.
    public var feature: Feature {
        var p = JSONObject()
        p["controller"] = .string(controller)
        p["from"] = .string(from.description)
        p["until"] = .string(until.description)
        return Feature(geometry: geometry, properties: p)
    }

    /// The pieces as features, in order, each with a stable `id`: `CONTROLLER@FROM/N`, N
    /// counting from 0 the pieces of that controller starting that day, in the order given.
    public static func features(_ pieces: some Sequence<HistoryPiece>) -> [Feature] {
        var numbering = PieceNumbering()
        return pieces.map { numbering.feature(of: $0) }
    }
}

/// Numbers the pieces of one controller starting on one day, as they come, for their ids.
public struct PieceNumbering {
    private var seen: [String: Int] = [:]

    /// Nothing numbered yet.
    public init() {}

    /// `piece` as a feature with the next id for its controller and first day.
    public mutating func feature(of piece: HistoryPiece) -> Feature {
        let key = FeatureID.make(piece.controller, period: Period(from: piece.from, until: piece.until))
        let n = seen[key, default: 0]
        seen[key] = n + 1
        return piece.feature.identified(key + "/\(n)")
    }
}

/// What a series held: the counts `cordon history` reports.
public struct HistorySummary {
    /// Snapshots read.
    public var snapshots = 0
    /// The first and last snapshot dates.
    public var first: Day?
    /// The last snapshot's date; the history holds until the day after.
    public var last: Day?
    /// Days between the first and last snapshot that no snapshot shows.
    public var missingDays = 0
    /// Snapshot dates on which some ground changed hands (beyond the tolerance).
    public var changeDates: [Day] = []
    /// Spans summed over controllers: runs of snapshots over which a controller's ground stayed as drawn.
    public var spans = 0
    /// Snapshots that differed from the one before only within the tolerance, or only in how
    /// the same ground was drawn.
    public var unchangedSnapshots = 0

    /// The counts as JSON, for the command's summary line.
    public var json: JSONObject {
        var o = JSONObject()
        o["snapshots"] = .number(Double(snapshots))
        o["first"] = first.map { .string($0.description) } ?? .null
        o["last"] = last.map { .string($0.description) } ?? .null
        o["missing_days"] = .number(Double(missingDays))
        o["changes"] = .number(Double(changeDates.count))
        o["spans"] = .number(Double(spans))
        return o
    }
}
