import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// The clearance field (docs/design.md#closure, the field): on zones wide enough to draw it, the
/// search from scratch takes the probes clear of the grid's answer from the grid, and must end
/// where the search on exact geometry alone ends, in fewer probes; each answer also against a
/// closure worked by hand.
@Suite struct ClosureFieldTests {
    let canvas: MetricCanvas
    init() throws { canvas = try MetricCanvas() }

    func search(_ areas: [ControlArea]) throws -> ClosureSearch { try canvas.closureSearch(areas) }

    /// Each case: besieged boxes in metres on a hostile map, and its closure by hand.
    /// - A 30 × 20 km block reached from the west edge by a corridor 4 km wide between hostile
    ///   ground: both sides grow, so it closes at 2,000 m.
    /// - A 30 × 20 km block open along the west edge: hostile ground grows from north and south
    ///   (and east) and meets along its middle at 10,000 m, overrunning it.
    /// - The corridor 4 km wide but ending on hostile ground 1 km short of the edge: encircled,
    ///   so there is no search (checked apart).
    /// - A block reached by a corridor 6 km wide on the edge side and 2.4 km at its neck: the
    ///   neck closes first, at 1,200 m.
    @Test func theFieldEndsWhereTheExactSearchEnds() throws {
        let extent = (0.0, 0.0, 60_000.0, 40_000.0)
        let cases: [(name: String, boxes: [(Double, Double, Double, Double)], closure: Double)] = [
            ("corridor 4 km", [(10_000, 10_000, 40_000, 30_000), (0, 18_000, 10_000, 22_000)], 2000),
            ("open edge 20 km", [(0, 10_000, 30_000, 30_000)], 10_000),
            ("neck 2.4 km", [(16_000, 10_000, 46_000, 30_000), (0, 17_000, 8000, 23_000), (8000, 18_800, 16_000, 21_200)], 1200),
        ]
        for c in cases {
            let s = try search(try canvas.map(c.boxes, extent: extent))
            #expect(s.span >= ClearanceField.minimumSpan, "\(c.name): span \(s.span) m draws no field")
            let exact = try s.search(hint: nil, guided: false)
            let guided = try s.search(hint: nil)
            let metres = try #require(exact.metres)
            #expect(abs(metres - c.closure) <= max(0.01 * c.closure, 25), "\(c.name): \(metres) m, by hand \(c.closure) m")
            #expect(guided.metres == exact.metres, "\(c.name): guided \(guided.metres ?? -1) m, exact \(metres) m")
            #expect(guided.bracket?.lo == exact.bracket?.lo && guided.bracket?.hi == exact.bracket?.hi, "\(c.name)")
            #expect(guided.fieldHeld && !exact.fieldHeld, "\(c.name)")
            #expect(guided.probes < exact.probes, "\(c.name): guided \(guided.probes) probes, exact \(exact.probes)")
        }
    }

    /// The field's own answers, away from the crossing and near it: for the 4 km corridor, no
    /// growth up to 1 km closes it, every growth from 3 km does, and around 2 km the field
    /// leaves the answer to exact geometry.
    @Test func theFieldAnswersOnlyClearOfItsCrossing() throws {
        let s = try search(try canvas.map([(10_000, 10_000, 40_000, 30_000), (0, 18_000, 10_000, 22_000)],
                                          extent: (0, 0, 60_000, 40_000)))
        let field = try #require(try ClearanceField(s))
        // The field is the zone's box (40 × 20 km) grown by its span (40 km) on every side:
        // 120 km along the longer side, in 400 cells of 300 m.
        #expect(abs(field.cell - 300) < 3, "cell \(field.cell) m")
        for d in [50.0, 400, 1000] { #expect(field.closes(d) == false, "\(d) m") }
        for d in [3000.0, 8000, 200_000] { #expect(field.closes(d) == true, "\(d) m") }
        #expect(field.closes(2000) == nil)
    }

    /// A field that sees another pocket (the 20 km open edge, closing at 10 km) leads the search
    /// of the 4 km corridor (closing at 2 km) to a bracket near 10 km; exact geometry finds its
    /// low end closed, so the search runs again on exact geometry alone and ends where it ends.
    @Test func aFieldThatMisleadsIsOverruledByExactGeometry() throws {
        let extent = (0.0, 0.0, 60_000.0, 40_000.0)
        let corridor = try search(try canvas.map([(10_000, 10_000, 40_000, 30_000), (0, 18_000, 10_000, 22_000)], extent: extent))
        let edge = try search(try canvas.map([(0, 10_000, 30_000, 30_000)], extent: extent))
        let wrong = try #require(try ClearanceField(edge))
        #expect(wrong.closes(3000) == false, "the other pocket's field must answer wrongly here")
        let exact = try corridor.search(hint: nil, guided: false)
        let misled = try corridor.search(hint: nil, field: wrong)
        #expect(!misled.fieldHeld)
        #expect(misled.metres == exact.metres && abs((exact.metres ?? 0) - 2000) <= 25, "misled \(misled.metres ?? -1) m, exact \(exact.metres ?? -1) m")
        #expect(misled.bracket?.lo == exact.bracket?.lo && misled.bracket?.hi == exact.bracket?.hi)
        #expect(misled.probes > exact.probes, "the exact search ran again: \(misled.probes) probes against \(exact.probes)")
    }
}
