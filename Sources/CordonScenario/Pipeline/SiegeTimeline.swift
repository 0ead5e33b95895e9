import CordonCore
import CordonGeometry
import CordonSiege
import CordonSupply

/// The siege a scenario simulates: the pocket that holds the focus point on each period, and
/// the spans of days it is encircled.
public struct SiegeTimeline {
    /// The besieged controller.
    public let besieged: String
    /// The lon/lat point that picks the pocket.
    public let focus: Coordinate
    /// The focus pocket of each period in which the focus lies in a pocket, in date order.
    public let focusPockets: [Pocket]
    /// Where each of ``focusPockets`` is among the pockets the timeline was made from.
    let focusPositions: [Int]
    /// Encircled spans of the focus pocket, consecutive periods joined.
    public let encircled: [Period]

    /// `pockets`: every pocket of every period, in period order, periods cut to the scenario.
    init(pockets: [Pocket], besieged: String, focus: Coordinate, context: GEOSContext) throws {
        self.besieged = besieged
        self.focus = focus
        let point = try context.point(focus)
        var found: [Pocket] = [], positions: [Int] = []
        for (i, pocket) in pockets.enumerated() where try pocket.geometry.covers(point.copy(into: pocket.geometry.context)) {
            found.append(pocket)
            positions.append(i)
        }
        focusPockets = found
        focusPositions = positions
        var spans: [Period] = []
        for pocket in found where pocket.encircled {
            guard let period = pocket.period else { continue }
            if let last = spans.last, last.until == period.from {
                spans[spans.count - 1] = Period(from: last.from, until: period.until)
            } else {
                spans.append(period)
            }
        }
        encircled = spans
    }

    /// The focus pocket on `day`.
    ///
    /// Nil when the focus lies in no pocket that day.
    public func pocket(on day: Day) -> Pocket? {
        focusPockets.first { p in p.period.map { ($0.from ?? day) <= day && day < ($0.until ?? day + 1) } ?? true }
    }

    /// People inside the focus pocket on the first day of its first encirclement.
    public var populationAtFirstEncirclement: Double? {
        encircled.first?.from.flatMap { pocket(on: $0)?.population }
    }
}
