import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// The closure certificate (docs/design.md#closure, on a timeline): a pocket measured again skips
/// the two probes of its bracket when the probes' evidence still holds after the day's changes.
/// Each history below has a day on which the certificate must carry the closure (a change
/// within the search's reach, but far from what the probes rest on), then a day on which it
/// would carry a wrong one were one of its rules missing: the answer from scratch moves.
@Suite struct ClosureCertificateTests {
    let t: IncrementalTimelineTests
    init() throws { t = try IncrementalTimelineTests() }

    /// A 24 × 12 grid of cells 0.005° square (449.9 m × 554.8 m at 36.18° N: see
    /// ClosureShortcutTests for the sums) held by the government, with an open pocket
    /// of three parts:
    /// - W, 4 × 4 cells (x 0–3, y 4–7) on the west edge (the way out), 10,000 residents a cell;
    /// - a neck, 2 × 1 cells (x 4–5, y 5), closing at 277.4 m (half a cell's height);
    /// - E, 8 × 8 cells (x 6–13, y 2–9), 10 residents a cell, round a government enclave of
    ///   2 × 2 cells (x 9–10, y 5–6) whose cells hold 100,000 residents when the opposition does;
    /// and an encircled 2 × 2 pocket far to the east (x 20–21, y 8–9).
    ///
    /// By hand: the hostile ground grown by d cuts the neck from 277.4 m; W, held most of the
    /// way by its residents, stays open until overrun at 1,109.6 m (2 cells' height from its
    /// middle line, which runs along the west edge); E, round the enclave, is overrun by about
    /// 894 m (the circle that fits between its corner and the enclave's:
    /// r² − 2(1,349.7 + 1,664.4) r + 1,349.7² + 1,664.4² = 0). So the closure is about 1,110 m.
    ///
    /// Day 1: a government cell 1 cell east of E turns kurdish (hostile both): the pocket's
    /// search runs again from its bracket, which holds, and its two probes are certified.
    /// Day 2: E loses its north-east corner cell, 5 km from where W stays open at the foot of
    /// the bracket (the part the certificate keeps) and adding no free ground: certified.
    /// Day 3 is each test's own.
    func history(day3: @escaping (inout [String], (Int, Int) -> Int) -> Void) throws -> ControlMap {
        let grid = IncrementalTimelineTests.Grid(w: 24, h: 12)
        let at = { (x: Int, y: Int) in y * grid.w + x }
        let enclave = { (x: Int, y: Int) in (9...10).contains(x) && (5...6).contains(y) }
        let owners = (0..<(grid.w * grid.h)).map { k -> String in
            let (x, y) = (k % grid.w, k / grid.w)
            if x <= 3 && (4...7).contains(y) { return "opposition" }  // W
            if (4...5).contains(x) && y == 5 { return "opposition" }  // the neck
            if (6...13).contains(x) && (2...9).contains(y) && !enclave(x, y) { return "opposition" }  // E
            if (20...21).contains(x) && (8...9).contains(y) { return "opposition" }  // encircled
            return "government"
        }
        let population = { (k: Int) -> Double in
            let (x, y) = (k % grid.w, k / grid.w)
            return x <= 3 ? 10_000 : enclave(x, y) ? 100_000 : 10
        }
        return try t.history(grid, start: owners, days: [
            { $0[at(15, 5)] = "kurdish" },
            { $0[at(13, 9)] = "government" },
            { day3(&$0, at) },
        ], population: population)
    }

    /// Works the history period by period, incrementally and afresh, and gives the closures
    /// of the open pocket each way and what the incremental analysis counted.
    func closures(_ map: ControlMap) throws -> (worked: [Double?], alone: [Double?], statistics: EnclosureStatistics) {
        let options = EnclosureOptions(besieged: "opposition")
        let analysis = try EnclosureAnalysis(map: map, options: options, context: t.ctx)
        let incremental = IncrementalEnclosure(analysis)
        let fresh = try EnclosureAnalysis(map: map, options: options, context: t.ctx)
        var worked: [Double?] = [], alone: [Double?] = []
        for period in map.periods {
            let a = try fresh.pockets(on: period.sampleDay), w = try incremental.pockets(on: period.sampleDay).map(\.pocket)
            #expect(a.map { $0.feature().properties } == w.map { $0.feature().properties }, "\(period.from?.description ?? "-")")
            #expect(a.filter { !$0.encircled }.count == 1)
            alone.append(a.first { !$0.encircled }?.closureM)
            worked.append(w.first { !$0.encircled }?.closureM)
        }
        return (worked, alone, analysis.statistics)
    }

    /// Day 3: W loses its west-edge cell just under its middle line, inside the part of the
    /// zone the certificate keeps at the bracket's foot. W is then overrun much earlier (its
    /// farthest point from hostile ground is now under 1,110 m), so the bracket no longer holds.
    @Test func aChangeNearWhereThePocketStaysOpenIsProbed() async throws {
        let map = try history { o, at in o[at(0, 5)] = "government" }
        let (worked, alone, statistics) = try closures(map)
        #expect(worked == alone)
        #expect(alone.count == 4)
        for d in 0..<3 { #expect(abs((alone[d] ?? 0) - 1109.6) <= 25, "day \(d): \(alone[d] ?? -1) m, expected 1,109.6 m") }
        // The answer moves: a certificate that let the day pass would have kept 1,110 m.
        #expect((alone[3] ?? 0) < 1000, "day 3: \(alone[3] ?? -1) m")
        #expect(statistics.closuresCertified == 1, "\(statistics)")
        try await t.expectSame(map, EnclosureOptions(besieged: "opposition"))
    }

    /// Day 3: the enclave in E passes to the opposition with its 400,000 residents. Nothing
    /// changes near W, but E, no longer round an enclave, keeps those residents until 1,575 m
    /// (their cells' middles lie 3.5 cells from E's west side) and so stands for the pocket: the
    /// heart passes to E, cut off behind the neck, and the closure drops to the neck's 277.4 m. The certificate must
    /// not carry it: free ground came within the bracket's reach of the pocket.
    @Test func theHeartPassingToAnotherPieceIsProbed() async throws {
        let map = try history { o, at in for x in 9...10 { for y in 5...6 { o[at(x, y)] = "opposition" } } }
        let (worked, alone, statistics) = try closures(map)
        #expect(worked == alone)
        #expect(alone.count == 4)
        for d in 0..<3 { #expect(abs((alone[d] ?? 0) - 1109.6) <= 25, "day \(d): \(alone[d] ?? -1) m, expected 1,109.6 m") }
        #expect(abs((alone[3] ?? 0) - 277.4) <= 25, "day 3: \(alone[3] ?? -1) m, expected 277.4 m (the neck)")
        #expect(statistics.closuresCertified == 1, "\(statistics)")
        try await t.expectSame(map, EnclosureOptions(besieged: "opposition"))
    }

    /// A pocket split in two takes the certificate only where the heart is. ClosureShortcutTests'
    /// L (two cells wide along the west and south edges of a 16 × 12 grid) closes at 1,428.6 m,
    /// overrun last at its south-west corner. Day 1: a government cell beside its south arm
    /// turns kurdish, so its bracket is probed and certified. Day 2: the south arm is cut at
    /// x = 8, 3.6 km from the corner: the west piece keeps the corner (certified, 1,428.6 m); the
    /// east piece, a strip along the south edge, is overrun at 1,109.6 m (two cells' height),
    /// though it too continues the L and nothing changed near the corner.
    @Test func aPocketSplitOffWithoutTheHeartIsProbed() async throws {
        let grid = IncrementalTimelineTests.Grid(w: 16, h: 12)
        let at = { (x: Int, y: Int) in y * grid.w + x }
        let owners = (0..<(grid.w * grid.h)).map { k -> String in
            let (x, y) = (k % grid.w, k / grid.w)
            if x <= 1 || y <= 1 { return "opposition" }
            if (12...13).contains(x) && (8...9).contains(y) { return "opposition" }  // encircled
            return "government"
        }
        let map = try t.history(grid, start: owners, days: [
            { $0[at(14, 2)] = "kurdish" },
            { o in o[at(8, 0)] = "government"; o[at(8, 1)] = "government" },
        ])
        let options = EnclosureOptions(besieged: "opposition")
        let analysis = try EnclosureAnalysis(map: map, options: options, context: t.ctx)
        let incremental = IncrementalEnclosure(analysis)
        let fresh = try EnclosureAnalysis(map: map, options: options, context: t.ctx)
        var open: [[Double]] = []
        for period in map.periods {
            let a = try fresh.pockets(on: period.sampleDay), w = try incremental.pockets(on: period.sampleDay).map(\.pocket)
            #expect(a.map { $0.feature().properties } == w.map { $0.feature().properties }, "\(period.from?.description ?? "-")")
            open.append(a.filter { !$0.encircled }.compactMap(\.closureM).sorted())
        }
        #expect(open.count == 3)
        for d in 0..<2 { #expect(open[d].count == 1 && abs((open[d].first ?? 0) - 1428.6) <= 25, "day \(d): \(open[d])") }
        #expect(open[2].count == 2, "day 2: \(open[2])")
        #expect(abs((open[2].first ?? 0) - 1109.6) <= 25 && abs((open[2].last ?? 0) - 1428.6) <= 25, "day 2: \(open[2])")
        #expect(analysis.statistics.closuresCertified == 1, "\(analysis.statistics)")
        try await t.expectSame(map, options)
    }
}
