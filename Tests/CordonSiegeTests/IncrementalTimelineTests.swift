import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// The incremental timeline (each period worked from the one before) against every period
/// analysed afresh, on small generated histories: a grid of lon/lat cells whose controllers
/// change day by day, with changes next to pockets, inside them, far from them, and ones that
/// split and merge them. The answer from scratch is the yardstick: the two must give the same
/// pockets (same ground, topologically), the same properties to the last written digit, and
/// the same `since`.
@Suite struct IncrementalTimelineTests {
    let ctx: GEOSContext
    init() throws { ctx = try GEOSContext() }
    init(ctx: GEOSContext) { self.ctx = ctx }

    /// A W × H grid of cells 0.005° square from (37.1 E, 36.15 N); corners are computed the
    /// same way for every cell, so neighbours share their edges exactly.
    struct Grid {
        let w: Int, h: Int
        func cell(_ x: Int, _ y: Int, _ ctx: GEOSContext) throws -> Geometry {
            let c = { (i: Int, j: Int) in Coordinate(37.1 + Double(i) * 0.005, 36.15 + Double(j) * 0.005) }
            return try ctx.polygon([c(x, y), c(x + 1, y), c(x + 1, y + 1), c(x, y + 1), c(x, y)])
        }
        func neighbours(_ k: Int) -> [Int] {
            let (x, y) = (k % w, k / w)
            return [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
                .filter { $0.0 >= 0 && $0.0 < w && $0.1 >= 0 && $0.1 < h }.map { $0.1 * w + $0.0 }
        }
    }

    /// A small deterministic generator (64-bit LCG), so the history is the same on every machine.
    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// Builds the map: one feature per cell per holding span, as gen_front_history.py writes.
    /// `days[d]` turns the owners of day d - 1 into those of day d; `population` gives each
    /// cell's residents (by default 100 to 499, varied from cell to cell).
    func history(_ grid: Grid, start owners: [String], days: [(inout [String]) -> Void],
                 population: (Int) -> Double = { k in Double(100 + (k * 37) % 400) }) throws -> ControlMap {
        var spans = owners.map { [(day: 0, who: $0)] }
        var owner = owners
        for (d, change) in days.enumerated() {
            change(&owner)
            for k in owner.indices where owner[k] != spans[k].last!.who { spans[k].append((d + 1, owner[k])) }
        }
        let start = Day(iso: "2016-01-01")!
        var areas: [ControlArea] = []
        for k in owner.indices {
            let cell = try grid.cell(k % grid.w, k / grid.w, ctx)
            for (s, span) in spans[k].enumerated() {
                areas.append(ControlArea(
                    feature: areas.count, geometry: cell, controller: span.who,
                    from: span.day == 0 ? nil : start + span.day,
                    until: s + 1 < spans[k].count ? start + spans[k][s + 1].day : nil,
                    population: population(k)))
            }
        }
        return ControlMap(file: "history.geojson", areas: areas)
    }

    /// A 16 × 12 grid held by the government, with a kurdish block in the north-east; the
    /// opposition holds an open 3 × 4 salient from the west edge, a 4 × 4 pocket in the middle and
    /// a 2 × 2 pocket in the south-east.
    func startingOwners(_ grid: Grid) -> [String] {
        (0..<(grid.w * grid.h)).map { k in
            let (x, y) = (k % grid.w, k / grid.w)
            if x >= 12 && y >= 8 { return "kurdish" }
            if x <= 2 && y >= 4 && y <= 7 { return "opposition" }  // salient, open at the west edge
            if x >= 6 && x <= 9 && y >= 4 && y <= 7 { return "opposition" }  // middle pocket
            if x >= 12 && x <= 13 && y >= 1 && y <= 2 { return "opposition" }  // small pocket
            return "government"
        }
    }

    /// The scripted days, then seeded front changes as gen_front_history.py makes them.
    func days(_ grid: Grid, seed: UInt64, random: Int) -> [(inout [String]) -> Void] {
        let at = { (x: Int, y: Int) in y * grid.w + x }
        var scripted: [(inout [String]) -> Void] = [
            { $0[at(13, 11)] = "un" },  // far from every pocket, under the north-east road: a kurdish cell turns neutral
            { $0[at(10, 5)] = "un" },  // next to the middle pocket: hostile ground turns neutral
            { $0[at(3, 6)] = "un" },  // next to the open salient: its hostile share and closure change
            { $0[at(7, 5)] = "government" },  // inside the middle pocket: a hole
            { o in for y in 4...7 { o[at(8, y)] = "government" } },  // a line across it: split in two
            { o in for y in 4...7 { o[at(8, y)] = "opposition" }; o[at(7, 5)] = "opposition" },  // merged again
            { o in for x in 3...5 { o[at(x, 5)] = "opposition" } },  // the salient reaches the pocket: merged, open
            { o in o[at(4, 5)] = "government" },  // cut again: the pocket encircled, the salient open
            { $0[at(0, 5)] = "government" },  // the salient's way out narrows
            { o in for y in 4...7 { o[at(0, y)] = "government" } },  // and is cut: the salient encircled
            { $0[at(13, 2)] = "government" },  // the small pocket shrinks
            { o in o[at(12, 1)] = "government"; o[at(12, 2)] = "government"; o[at(13, 1)] = "government" },  // gone
            { $0[at(12, 1)] = "opposition" },  // back, a new pocket
        ]
        var dice = Dice(state: seed)
        for _ in 0..<random {
            scripted.append { owner in
                let front = owner.indices.filter { k in owner[k] == "opposition" && grid.neighbours(k).contains { owner[$0] != "opposition" } }
                if !front.isEmpty {
                    let k = front[dice.next(front.count)]
                    let takers = grid.neighbours(k).filter { owner[$0] != "opposition" }
                    owner[k] = owner[takers[dice.next(takers.count)]]
                }
                let back = owner.indices.filter { k in owner[k] != "opposition" && grid.neighbours(k).contains { owner[$0] == "opposition" } }
                if !back.isEmpty, dice.next(2) == 0 { owner[back[dice.next(back.count)]] = "opposition" }
            }
        }
        return scripted
    }

    /// Both ways, period by period: same count, same ground, same written properties.
    func expectSame(_ map: ControlMap, _ options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers()) async throws {
        let fresh = try await EnclosureTimeline.run(map: map, options: options, layers: layers, jobs: 2, incremental: false)
        let worked = try await EnclosureTimeline.run(map: map, options: options, layers: layers, jobs: 2, incremental: true,
                                                     shortestRun: 8)
        #expect(fresh.count == worked.count)
        for (a, b) in zip(fresh, worked) {
            #expect(a.feature().properties == b.feature().properties,
                    "\(a.period?.from?.description ?? "-") pocket \(a.index)")
            #expect(try a.geometry.equals(b.geometry), "\(a.period?.from?.description ?? "-") pocket \(a.index): ground differs")
        }
        // The history must exercise both kinds of pocket.
        #expect(fresh.contains { $0.encircled } && fresh.contains { !$0.encircled })
    }

    @Test func scriptedChangesGiveTheSameTimelineAsFromScratch() async throws {
        let grid = Grid(w: 16, h: 12)
        let map = try history(grid, start: startingOwners(grid), days: days(grid, seed: 1, random: 0))
        #expect(map.periods.count == 14)  // a run of 8 periods worked incrementally, then a fresh one
        try await expectSame(map, EnclosureOptions(besieged: "opposition", neutral: ["un"]))
    }

    @Test func randomFrontsGiveTheSameTimelineAsFromScratch() async throws {
        let grid = Grid(w: 16, h: 12)
        for seed: UInt64 in [7, 22] {
            let map = try history(grid, start: startingOwners(grid), days: days(grid, seed: seed, random: 10))
            try await expectSame(map, EnclosureOptions(besieged: "opposition", neutral: ["un"]))
        }
    }

    /// `since` through a merger, where the merged pocket's areas overlap: two features drawn
    /// over the west pocket's 2 × 2 cells (allowed: areas of one controller may overlap) make its
    /// areas add up to 13 cells against the east pocket's 10, though it holds 5. The rule takes
    /// the pocket sharing most ground, the east one (encircled on 3 January), as the overlay
    /// does; areas summed blindly would take the west one (dated 2 January, the first period
    /// after its first change). Both ways, incremental and afresh, must agree on it.
    @Test func sinceThroughAMergerWithOverlappingAreasFollowsTheGround() async throws {
        let grid = Grid(w: 12, h: 8)
        let at = { (x: Int, y: Int) in y * grid.w + x }
        var owners = [String](repeating: "government", count: grid.w * grid.h)
        for x in 2...3 { for y in 2...3 { owners[at(x, y)] = "opposition" } }
        owners[at(0, 6)] = "opposition"  // and an open salient on the west edge
        let days: [(inout [String]) -> Void] = [
            // The west pocket grows by a cell, the east pocket comes, then the salient and the
            // east pocket grow, each on a day of its own: a part
            // dissolved again alone carries its areas, so by the merger every pocket's are known
            // and the areas are summed (`PeriodBefore`), not overlaid.
            { o in o[at(2, 4)] = "opposition" },
            { o in for x in 6...8 { for y in 2...4 { o[at(x, y)] = "opposition" } } },
            { o in o[at(0, 5)] = "opposition" },
            { o in o[at(8, 5)] = "opposition" },
            { o in for x in 4...5 { o[at(x, 2)] = "opposition" } },  // the two join
        ]
        let cells = try history(grid, start: owners, days: days)
        let west = try ctx.rectangle(Bounds(minX: 37.11, minY: 36.16, maxX: 37.12, maxY: 36.17))
        let drawnOver = (0..<2).map { k in
            ControlArea(feature: cells.areas.count + k, geometry: west, controller: "opposition", population: 0)
        }
        let map = ControlMap(file: "history.geojson", areas: cells.areas + drawnOver)
        try await expectSame(map, EnclosureOptions(besieged: "opposition"))
        let pockets = try await EnclosureTimeline.run(map: map, options: EnclosureOptions(besieged: "opposition"), jobs: 1)
        let last = pockets.filter { $0.period == pockets.last?.period }
        #expect(last.count == 2)
        let merged = try #require(last.first { $0.encircled })
        #expect(abs(merged.areaKm2 - last.map(\.areaKm2).max()!) < 1e-12)  // 17 cells, the larger
        #expect(merged.since == Day(iso: "2016-01-03"), "since \(merged.since?.description ?? "none")")
    }

    /// Allies make zones larger than the pockets; neutral ground is neither way out nor hostile;
    /// districts and a population layer are measured on the pocket's ground.
    @Test func alliesNeutralAndLayersGiveTheSameTimelineAsFromScratch() async throws {
        let grid = Grid(w: 16, h: 12)
        var owners = startingOwners(grid)
        for k in owners.indices where owners[k] == "kurdish" { owners[k] = k % 3 == 0 ? "un" : "kurdish" }
        let map = try history(grid, start: owners, days: days(grid, seed: 5, random: 6))
        let districts = try (0..<4).map { q in
            District(name: "d\(q)", geometry: try ctx.rectangle(Bounds(minX: 37.1 + Double(q) * 0.02, minY: 36.15,
                                                                      maxX: 37.12 + Double(q) * 0.02, maxY: 36.21)))
        }
        try await expectSame(map, EnclosureOptions(besieged: "opposition", allies: ["kurdish"], neutral: ["un"]),
                             layers: EnclosureLayers(districts: districts))
        let people = [PopulationArea(geometry: try ctx.rectangle(Bounds(minX: 37.11, minY: 36.16, maxX: 37.16, maxY: 36.19)),
                                     population: 50_000)]
        try await expectSame(map, EnclosureOptions(besieged: "opposition", closure: false),
                             layers: EnclosureLayers(population: people))
    }

    /// The point of it: a change far from every pocket keeps them all, measures and all; a change
    /// next to one pocket takes that one's hostile share again and keeps the others; a change
    /// inside a pocket dissolves it again from the areas it is known to hold, with no search.
    @Test func pocketsAwayFromAChangeAreKept() throws {
        let grid = Grid(w: 16, h: 12)
        let map = try history(grid, start: startingOwners(grid), days: Array(days(grid, seed: 1, random: 0).prefix(5)))
        let options = EnclosureOptions(besieged: "opposition", neutral: ["un"])
        let analysis = try EnclosureAnalysis(map: map, options: options, context: ctx)
        let work = IncrementalEnclosure(analysis)
        let fresh = try EnclosureAnalysis(map: map, options: options, context: ctx)
        func expectFresh(_ worked: [(pocket: Pocket, sameAs: Int?)], _ k: Int) throws {
            let alone = try fresh.pockets(on: map.periods[k].sampleDay)
            #expect(worked.map { $0.pocket.feature().properties } == alone.map { $0.feature().properties }, "period \(k)")
        }
        let first = try work.pockets(on: map.periods[0].sampleDay)
        #expect(first.count == 3 && first.allSatisfy { $0.sameAs == nil })
        let far = try work.pockets(on: map.periods[1].sampleDay)
        #expect(far.map(\.sameAs) == [0, 1, 2])
        #expect(analysis.statistics.keptPockets == 3 && analysis.statistics.measuresCarried == 0)
        // Hostile ground turns neutral beside the middle pocket (4 × 4 cells, the largest): it
        // stands on the same ground, so it keeps its other measures, but its hostile share is
        // taken again (it drops: one cell of its east side no longer faces hostile ground). The
        // salient's closure search reaches 2.7 km (its box's diagonal, 2.6 km, and a margin) east
        // of it, to 37.145 E; the change is at 37.15 E, so the salient is kept whole.
        let next = try work.pockets(on: map.periods[2].sampleDay)
        #expect(next.map(\.sameAs) == [0, 1, 2])
        #expect(analysis.statistics.measuresCarried == 1)
        #expect(next[0].pocket.hostileShare < first[0].pocket.hostileShare)
        try expectFresh(next, 2)
        // Hostile ground turns neutral beside the salient: its closure is searched again.
        try expectFresh(try work.pockets(on: map.periods[3].sampleDay), 3)
        // A hole in the middle pocket, then a split: dissolved again from their known areas, never
        // found by a search of the map (the first period's pockets come with their areas, and
        // the parts of a dissolve each get theirs).
        let holed = try work.pockets(on: map.periods[4].sampleDay)
        try expectFresh(holed, 4)
        #expect(holed[0].sameAs == nil && analysis.statistics.membersSearched == 0)
        let split = try work.pockets(on: map.periods[5].sampleDay)
        try expectFresh(split, 5)
        #expect(analysis.statistics.membersSearched == 0, "the holed pocket's areas were carried")
    }
}

/// Routes over the same generated histories: judged period by period from the one before, and
/// afresh, they must be written the same (every feature's properties and geometry).
@Suite struct IncrementalRouteTimelineTests {
    let base: IncrementalTimelineTests
    init() throws { base = try IncrementalTimelineTests() }

    func line(_ points: [(Double, Double)]) throws -> Geometry {
        try base.ctx.lineString(points.map { Coordinate(37.1 + $0.0 * 0.005, 36.15 + $0.1 * 0.005) })
    }

    /// In cells of the grid: a supply route from the middle pocket to the west edge, a corridor
    /// out of the salient declared open for two days, a road far away in the north-east, and a
    /// street inside the middle pocket, at least half a cell (about 225 m) from its edges: open
    /// under a 150 m fire range until the pocket is holed; and a street 0.2 cell (111 m) inside
    /// its northern edge, under fire.
    func routes() throws -> [Route] {
        [Route(feature: 0, name: "west road", kind: .supply, geometry: try line([(7.5, 5.5), (0, 5.5)])),
         Route(feature: 1, name: "salient corridor", kind: .corridor, geometry: try line([(1.5, 6.5), (1.5, 11.9)]),
               capacityPerDay: 1000, from: Day(iso: "2016-01-04"), until: Day(iso: "2016-01-06")),
         Route(feature: 2, name: "north-east road", kind: .supply, geometry: try line([(12.5, 11.5), (15.9, 9.5)])),
         Route(feature: 3, name: "pocket street", kind: .supply, geometry: try line([(6.5, 6.5), (9.5, 4.5)])),
         Route(feature: 4, name: "front street", kind: .supply, geometry: try line([(6.5, 7.8), (9.5, 7.8)]))]
    }

    func expectSame(_ map: ControlMap, _ options: RouteOptions) async throws {
        let fresh = try await RouteTimeline.run(map: map, routes: routes(), options: options, jobs: 2, incremental: false)
        let worked = try await RouteTimeline.run(map: map, routes: routes(), options: options, jobs: 2, incremental: true)
        let a = fresh.flatMap { $0.features() }, b = worked.flatMap { $0.features() }
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) {
            #expect(x.properties == y.properties, "\(x.id?.stringValue ?? "")")
            #expect(try x.geometry.map { g in try y.geometry.map { try g.equals($0) } ?? false } ?? (y.geometry == nil),
                    "\(x.id?.stringValue ?? ""): geometry")
        }
        // The history must exercise every condition.
        #expect(Set(fresh.map(\.condition)).isSuperset(of: [.open, .underFire, .cut]))
    }

    @Test func scriptedAndRandomChangesGiveTheSameRoutesAsFromScratch() async throws {
        let grid = IncrementalTimelineTests.Grid(w: 16, h: 12)
        for (seed, random) in [(UInt64(1), 0), (UInt64(9), 8)] {
            let map = try base.history(grid, start: base.startingOwners(grid), days: base.days(grid, seed: seed, random: random))
            try await expectSame(map, RouteOptions(besieged: "opposition", neutral: ["un"], fireRange: 150, walk: 800))
        }
    }

    /// The shortcut of `routes --timeline`: a route whose state cannot have changed is kept
    /// unjudged (a shortcut that stops working shows as a zero count), and every period's states
    /// are those judged afresh (a shortcut taken wrongly shows as a difference: the pocket street
    /// is under fire only once its pocket is holed).
    @Test func routesAwayFromAChangeKeepTheirStateAndGiveTheAnswerFromScratch() throws {
        let grid = IncrementalTimelineTests.Grid(w: 16, h: 12)
        let map = try base.history(grid, start: base.startingOwners(grid), days: base.days(grid, seed: 1, random: 0))
        let options = RouteOptions(besieged: "opposition", neutral: ["un"], fireRange: 150, walk: 800)
        let work = IncrementalRoutes(try RouteAnalysis(map: map, routes: routes(), options: options, context: base.ctx))
        let fresh = try RouteAnalysis(map: map, routes: routes(), options: options, context: base.ctx)
        var conditions = Set<RouteCondition>()
        var freshTiles = 0
        for period in map.periods {
            let tiles = fresh.fireTiles(on: period.sampleDay)
            let a = try fresh.states(of: fresh.routes.indices, on: period.sampleDay,
                                     pockets: fresh.enclosure.measuredPockets(on: period.sampleDay), tiles: tiles)
            let b = try work.states(on: period.sampleDay)
            freshTiles += tiles.built
            #expect(a.count == b.count)
            for (x, y) in zip(a.flatMap { $0.features() }, b.flatMap { $0.features() }) {
                #expect(x.properties == y.properties, "\(period.from?.description ?? "-") \(x.id?.stringValue ?? "")")
                #expect(try x.geometry.map { g in try y.geometry.map { try g.equals($0) } ?? false } ?? (y.geometry == nil))
            }
            conditions.formUnion(a.map(\.condition))
        }
        #expect(conditions.isSuperset(of: [.open, .underFire, .cut]))
        let routeCount = try routes().count
        #expect(work.kept > 0, "no route kept")
        #expect(work.judged > routeCount, "no route judged again after the first period")
        // Fire tiles (2 km at a 150 m range) are carried where no change came within range, so
        // fewer are built than when every period builds its own.
        #expect(work.tilesCarried > 0 && work.tilesBuilt < freshTiles, "tiles carried \(work.tilesCarried), built \(work.tilesBuilt) against \(freshTiles)")
    }
}
