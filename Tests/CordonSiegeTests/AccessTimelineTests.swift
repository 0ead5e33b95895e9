import CordonCore
import CordonGeometry
import Foundation
import Testing
@testable import CordonSiege

/// The parallel access timeline and the indexes it rests on, checked against what stands apart
/// from them: each period analysed afresh by a new analysis of its day, and GEOS's STRtree.
@Suite struct AccessTimelineTests {
    let ctx: GEOSContext
    init() throws { ctx = try GEOSContext() }

    /// A small deterministic generator (64-bit LCG, Knuth's constants): the same map every run.
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// 10 × 6 cells of 0.01° from 37° E, 36° N; each of 40 days two cells change hands between
    /// the besieged (opposition) and hostile ground (government); allied (sdf) cells never do.
    /// Roads run across the whole map between the cells' borders, every fourth one way.
    func inputs() throws -> (map: ControlMap, net: RoadNetwork, places: [AccessPlace]) {
        var rng = LCG(state: 17)
        let (nx, ny, days) = (10, 6, 40)
        var states = [(0..<(nx * ny)).map { _ -> String in
            let r = rng.next()
            return r < 0.6 ? "government" : r < 0.7 ? "sdf" : "opposition"
        }]
        // One besieged cell ringed by hostile ones (corners too) throughout: a pocket only a cut would reopen.
        let (ci, cj) = (4, 2)
        let ring = (-1...1).flatMap { a in (-1...1).map { b in (ci + a) * ny + cj + b } }.filter { $0 != ci * ny + cj }
        states[0][ci * ny + cj] = "opposition"
        for k in ring { states[0][k] = "government" }
        let flippable = states[0].indices.filter { states[0][$0] != "sdf" && $0 != ci * ny + cj && !ring.contains($0) }
        for _ in 0..<days {
            var now = states.last!
            var flipped = Set<Int>()
            while flipped.count < 2 { flipped.insert(flippable[Int(rng.next() * Double(flippable.count))]) }
            for i in flipped { now[i] = now[i] == "government" ? "opposition" : "government" }
            states.append(now)
        }
        let day0 = Day(iso: "2024-01-01")!
        var areas: [ControlArea] = []
        for i in 0..<nx {
            for j in 0..<ny {
                let (x, y) = (37 + Double(i) * 0.01, 36 + Double(j) * 0.01)
                let cell = try ctx.polygon([Coordinate(x, y), Coordinate(x + 0.01, y), Coordinate(x + 0.01, y + 0.01),
                                            Coordinate(x, y + 0.01), Coordinate(x, y)])
                var start = 0
                for k in 1...states.count where k == states.count || states[k][i * ny + j] != states[start][i * ny + j] {
                    areas.append(ControlArea(feature: areas.count, geometry: cell, controller: states[start][i * ny + j],
                                             from: start > 0 ? day0 + start : nil, until: k < states.count ? day0 + k : nil,
                                             population: 100))
                    start = k
                }
            }
        }
        var lines: [Feature] = []
        for j in 0..<ny {
            let y = 36 + (Double(j) + 0.5) * 0.01
            lines.append(Feature(geometry: try ctx.lineString([Coordinate(37, y), Coordinate(37 + Double(nx) * 0.01, y)]),
                                 properties: ["highway": "residential", "oneway": j % 4 == 1 ? "yes" : "no"]))
        }
        for i in 0..<nx {
            let x = 37 + (Double(i) + 0.5) * 0.01
            lines.append(Feature(geometry: try ctx.lineString([Coordinate(x, 36), Coordinate(x, 36 + Double(ny) * 0.01)]),
                                 properties: ["highway": "residential", "oneway": i % 4 == 3 ? "-1" : "no"]))
        }
        let net = try RoadNetwork(lines: RoadLine.read(lines, file: "roads"), speeds: RoadSpeeds(), file: "roads", context: ctx)
        // Places on the roads between crossings, a few in each row.
        let places = try (0..<(2 * nx)).map { k in
            let x = 37 + Double(k) * 0.005 + 0.0021, y = 36 + (Double(k % ny) + 0.5) * 0.01
            return AccessPlace(name: "place \(k)", geometry: try ctx.point(Coordinate(x, y)), population: 10)
        }
        return (ControlMap(file: "map", areas: areas), net, places)
    }

    /// What a day says, every number in full.
    func said(_ d: AccessDay) -> String {
        let pockets = d.pockets.map { a in
            "\(a.roadWayOut) \(a.roadNodes) \(a.safest.map { [$0.metres, $0.seconds, $0.exposedMetres] } ?? [])"
                + " \(a.reopen.map { [$0.metres, $0.hostileMetres] } ?? []) \(a.residentsWithin.sorted { $0.key < $1.key })"
        }
        let places = d.places.map { "\($0.pocket ?? -1) \($0.wayOutSeconds ?? -1) \($0.wayOutMetres ?? -1)" }
        return "cut \(d.cutEdges) exposed \(d.exposedEdges)\n" + pockets.joined(separator: "\n") + "\n" + places.joined(separator: "\n")
    }

    @Test(arguments: [0.0, 300.0])
    func theParallelTimelineSaysWhatEachDateSaysAfresh(fireRange: Double) async throws {
        let (map, net, places) = try inputs()
        let options = AccessOptions(besieged: "opposition", allies: ["sdf"], fireRange: fireRange)
        let make = { try AccessAnalysis(map: map, network: net, options: options, places: places, context: self.ctx) }
        let two = try await make().timeline(jobs: 2, shortestRun: 30)
        let serial = try make().timeline()  // one worker, every period from the one before
        // 41 periods: two runs of consecutive periods (30 and 11), the second started afresh.
        #expect(two.count == 41 && EnclosureTimeline.runs(two.count, shortest: 30).count == 2)
        #expect(two.map(\.period) == serial.map(\.period) && two.map(said) == serial.map(said))
        // Both number the pockets as the ground goes (one date afresh numbers them by area).
        #expect(two.map { $0.pockets.map(\.pocket.index) } == serial.map { $0.pockets.map(\.pocket.index) })
        for d in two {
            let fresh = try make().access(on: d.period?.sampleDay)
            #expect(said(d) == said(fresh), "\(String(describing: d.period))")
        }
        // Both answers occur: pockets with a road out, and pockets only a cut would reopen.
        #expect(two.contains { $0.pockets.contains(where: \.roadWayOut) })
        #expect(two.contains { $0.pockets.contains { $0.reopen != nil } }, "\(two.map { $0.pockets.map(\.roadWayOut) })")
        #expect(two.contains { $0.places.contains { $0.pocket != nil } })
    }

    /// The lost and regained dates the timeline's workers find as they go are those found by
    /// comparing every pocket with every pocket of the period before by GEOS (an intersection
    /// with area), without the workers' shortcut for pockets carried unchanged.
    @Test func theWorkersChangesAreThoseOfEveryPocketCompared() async throws {
        let (map, net, places) = try inputs()
        let options = AccessOptions(besieged: "opposition", allies: ["sdf"], fireRange: 0)
        let days = try await AccessAnalysis(map: map, network: net, options: options, places: places, context: ctx)
            .timeline(jobs: 2, shortestRun: 30)
        // Every period but the first of each run of the parallel timeline.
        #expect(days.filter { $0.changesSince != nil }.count == days.count - EnclosureTimeline.runs(days.count, shortest: 30).count)
        var compared: [AccessSummary.Change] = []
        for (before, now) in zip(days, days.dropFirst()) {
            for (k, a) in now.pockets.enumerated() {
                let shares = try before.pockets.contains { q in
                    guard q.roadWayOut != a.roadWayOut else { return false }
                    return try q.pocket.geometry.intersection(a.pocket.geometry).planarArea() > 0
                }
                if shares { compared.append(.init(date: now.period!.from!, pocket: k, regained: a.roadWayOut)) }
            }
        }
        #expect(!compared.isEmpty && compared.contains(where: \.regained) && compared.contains { !$0.regained })
        #expect(try AccessSummary.changes(days) == compared)
    }

    /// The bound that spares the nearest-road search a geodesic: whatever it calls certainly
    /// farther is farther by GeographicLib's geodesic (Geodesic.distance); pairs near and far, at
    /// latitudes up to 80°, across the antimeridian too.
    @Test func aPointCertainlyFartherIsFarther() {
        var rng = LCG(state: 11)
        var spared = 0
        for k in 0..<20_000 {
            let p = Coordinate(-180 + rng.next() * 360, -80 + rng.next() * 160)
            let span = [0.001, 0.01, 0.1, 5][k % 4]
            var q = Coordinate(p.x + (rng.next() - 0.5) * span, max(-85, min(85, p.y + (rng.next() - 0.5) * span)))
            if k % 10 == 0 { q.x = q.x > 180 ? q.x - 360 : q.x + (p.x > 0 ? -359.99 : 0) }
            let d = Geodesic.distance(p, q), metres = d * (0.5 + rng.next())
            if RoadAttachment.certainlyFarther(p, q, than: metres) {
                spared += 1
                #expect(d > metres, "\(p) \(q) \(metres)")
            }
            #expect(!RoadAttachment.certainlyFarther(p, q, than: d))
        }
        #expect(spared > 2000)
    }

    @Test func theEdgeGridFindsWhatAnSTRtreeFinds() throws {
        // Random polylines (some long, some single points apart) and random boxes, degenerate
        // ones and ones off the map among them: the same edges, in the same order.
        var rng = LCG(state: 5)
        let lines: [[Coordinate]] = (0..<500).map { k in
            let x = 37 + rng.next() * 0.2, y = 36 + rng.next() * 0.1
            let reach = k % 50 == 0 ? 0.15 : 0.004
            return (0..<(1 + k % 3)).reduce(into: [Coordinate(x, y)]) { c, _ in
                c.append(Coordinate(c.last!.x + (rng.next() - 0.5) * reach, k % 7 == 0 ? c.last!.y : c.last!.y + (rng.next() - 0.5) * reach))
            }
        }
        let grid = EdgeGrid(lines)
        let tree = try STRtree(try lines.map { try ctx.lineString($0) }, context: ctx)
        for k in 0..<400 {
            let x = 36.95 + rng.next() * 0.3, y = 35.95 + rng.next() * 0.2
            let w = k % 5 == 0 ? 0 : rng.next() * 0.02, h = k % 7 == 0 ? 0 : rng.next() * 0.02
            let box = Bounds(minX: x, minY: y, maxX: x + w, maxY: y + h)
            #expect(grid.query(box) == (try tree.query(box)), "\(box)")
        }
        // A line's own box finds it; the whole map finds every line.
        #expect(grid.query(grid.boxes[7]).contains(7))
        #expect(grid.query(Bounds(minX: 0, minY: 0, maxX: 90, maxY: 90)) == Array(lines.indices))
    }
}
