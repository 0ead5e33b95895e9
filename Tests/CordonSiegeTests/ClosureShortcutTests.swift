import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// The closure search's shortcuts (docs/design.md#closure, #incremental-timelines): each must be
/// taken on a history built for it (a shortcut that silently stops working shows as a zero
/// count), and each must give what the search from scratch gives.
@Suite struct ClosureShortcutTests {
    let canvas: MetricCanvas
    init() throws { canvas = try MetricCanvas() }

    func search(_ areas: [ControlArea]) throws -> ClosureSearch { try canvas.closureSearch(areas) }

    /// Hints just below, just above and far from the crossing end where the search from
    /// scratch ends; a hint that holds the crossing settles in two probes.
    @Test func aHintGivesTheAnswerOfTheSearchFromScratch() throws {
        // EnclosureTests' passage: 400 m wide between two hostile blocks, so it closes at 200 m
        // (both sides grow; worked by hand).
        let s = try search(try canvas.map([(2000, 2000, 4000, 4000), (0, 2800, 2000, 3200)], extent: (0, 0, 10_000, 6000)))
        let full = try s.search(hint: nil)
        let metres = try #require(full.metres)
        let (lo, hi) = try #require(full.bracket)
        #expect(abs(metres - 200) <= 25, "closure \(metres) m, expected 200 m")
        #expect(lo < 200 + 25 && hi > 200 - 25 && !full.hintHeld)

        // A bracket wider than the bisection ends with is not trusted, though it holds the
        // crossing: its midpoint could miss the 200 m by more than the precision promised.
        let wide = try s.search(hint: (lo / 2, hi * 2))
        #expect(!wide.hintHeld && wide.metres == metres)
        let held = try s.search(hint: (lo, hi))
        #expect(held.metres == metres && held.bracket?.lo == lo && held.bracket?.hi == hi)
        #expect(held.hintHeld && held.probes == 2, "\(held.probes) probes")

        let hints: [(name: String, lo: Double, hi: Double, holds: Bool)] = [
            ("just below: its top 1 m under the last distance that stays open", lo - 100, lo - 1, false),
            ("just above: its foot 1 m over the first distance that closes", hi + 1, hi + 100, false),
            ("far below", 10, 60, false),
            ("far above", 900, 1000, false),
            ("from 0", 0, lo, false),
        ]
        for h in hints {
            let o = try s.search(hint: (h.lo, h.hi))
            #expect(o.metres == metres, "\(h.name): \(o.metres ?? -1) m, from scratch \(metres) m")
            #expect(o.bracket?.lo == lo && o.bracket?.hi == hi, "\(h.name): bracket \(String(describing: o.bracket))")
            #expect(o.hintHeld == h.holds, "\(h.name)")
        }
    }

    /// A 16 × 12 history (IncrementalTimelineTests' grid) made to take every shortcut:
    /// - an open L along the west and south edges, two cells wide, whose box is the whole map:
    ///   every change meets its watch, but a change in the middle of the map lies farther from it
    ///   than its closure, so the closure is carried with no probe;
    /// - an encircled 2 × 2 pocket in the north-east, far from every change: kept whole;
    /// - a cell of the L's west arm taken and given back: the L is measured again, and the
    ///   bracket of the day before holds;
    /// - the government cell nearest the L's south-west corner turned neutral, then back: the
    ///   L's ground is the same but its closure is not, so it must not be carried.
    func lHistory(_ t: IncrementalTimelineTests) throws -> ControlMap {
        let grid = IncrementalTimelineTests.Grid(w: 16, h: 12)
        let owners = (0..<(grid.w * grid.h)).map { k -> String in
            let (x, y) = (k % grid.w, k / grid.w)
            if x <= 1 || y <= 1 { return "opposition" }
            if (12...13).contains(x) && (8...9).contains(y) { return "opposition" }
            return "government"
        }
        let at = { (x: Int, y: Int) in y * grid.w + x }
        return try t.history(grid, start: owners, days: [
            { $0[at(8, 6)] = "kurdish" },  // in the middle, far from both pockets
            { $0[at(8, 6)] = "government" },
            { $0[at(1, 6)] = "government" },  // the west arm narrows to one cell
            { $0[at(1, 6)] = "opposition" },
            { $0[at(9, 6)] = "kurdish" },
            { $0[at(2, 2)] = "un" },
            { $0[at(2, 2)] = "government" },
        ])
    }

    @Test func everyShortcutIsTakenAndGivesTheAnswerFromScratch() async throws {
        let t = IncrementalTimelineTests(ctx: canvas.ctx)
        let map = try lHistory(t)
        let options = EnclosureOptions(besieged: "opposition", neutral: ["un"])
        let analysis = try EnclosureAnalysis(map: map, options: options, context: canvas.ctx)
        let incremental = IncrementalEnclosure(analysis)
        let fresh = try EnclosureAnalysis(map: map, options: options, context: canvas.ctx)
        #expect(map.periods.count == 8)
        for period in map.periods {
            let worked = try incremental.pockets(on: period.sampleDay).map(\.pocket)
            let alone = try fresh.pockets(on: period.sampleDay)
            #expect(worked.count == alone.count)
            for (a, b) in zip(alone, worked) {
                #expect(a.feature().properties == b.feature().properties, "\(period.from?.description ?? "-") pocket \(a.index)")
                #expect(try a.geometry.equals(b.geometry))
            }
            // The L's closure, by hand: it is overrun last at the south-west corner, the point
            // farthest from government ground, whose nearest government cell is 2 cells east
            // and 2 north. On WGS84 at 36.155° N a cell is 0.005° × 89,989 m = 449.9 m wide
            // (a·cos φ / √(1 − e² sin² φ) per radian) and 0.005° × 110,962 m = 554.8 m tall
            // (the meridian's a(1 − e²)/(1 − e² sin² φ)^1.5): √(899.8² + 1,109.6²) = 1,428.6 m.
            // With that cell neutral, the nearest is 3 east and 2 north: √(1,349.7² + 1,109.6²)
            // = 1,747.3 m. The search promises 1 % or 25 m.
            let neutralCorner = period.from == Day(iso: "2016-01-07")
            let l = try #require(alone.first { !$0.encircled })
            let closure = try #require(l.closureM)
            #expect(abs(closure - (neutralCorner ? 1747.3 : 1428.6)) <= 25, "\(period.from?.description ?? "-"): closure \(closure) m")
        }
        let worked = analysis.statistics, alone = fresh.statistics
        #expect(worked.keptPockets > 0, "no pocket kept: \(worked)")
        #expect(worked.closuresCarried > 0, "no closure carried: \(worked)")
        #expect(worked.hintsHeld > 0, "no hint held: \(worked)")
        #expect(worked.contactsCarried > 0 && alone.contactsCarried == 0, "no hostile share carried: \(worked)")
        #expect(worked.searches > 0 && alone.hintsHeld == 0 && alone.closuresCarried == 0 && alone.keptPockets == 0)
        #expect(worked.probes < alone.probes, "incremental \(worked.probes) probes, from scratch \(alone.probes)")
        // And the public timeline (with `since`) both ways.
        try await t.expectSame(map, options)
    }
}
