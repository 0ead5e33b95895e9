import CordonCore
import CordonGeometry
import CordonSiege

/// A day on which the focus pocket lost or regained its last safe road out.
public struct RoadEvent: Equatable, Sendable {
    /// The first day of the period in which it holds.
    public var date: Day
    /// True when a safe road out came back, false when the last one was lost.
    public var regained: Bool
}

enum RoadEvents {
    /// Compares each period's pocket holding the focus point with the period before; a period
    /// in which no pocket holds the focus breaks the chain.
    static func find(_ days: [AccessDay], focus: Coordinate, context: GEOSContext) throws -> [RoadEvent] {
        let point = try context.point(focus)
        var out: [RoadEvent] = []
        var before: Bool?
        for d in days {
            let now = try d.pockets.first { try $0.pocket.geometry.intersects(point) }?.roadWayOut
            if let now, let before, now != before, let date = d.period?.from { out.append(RoadEvent(date: date, regained: now)) }
            before = now
        }
        return out
    }
}
