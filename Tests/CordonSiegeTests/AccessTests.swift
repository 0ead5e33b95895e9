import CordonCore
import CordonGeometry
import Foundation
import Testing
@testable import CordonSiege

/// Road access on grids drawn in metres (MetricCanvas), with answers worked out by hand. The
/// grids are drawn in UTM 37N, whose scale factor over them is k ≈ 0.99991 (0.99993 at the
/// west edge, 0.99990 at the east; pyproj `Proj("EPSG:32637").get_factors`), so a drawn length L
/// is L / k on the ground: expected lengths carry k = 0.999919 and are checked to 1e-4.
@Suite struct AccessTests {
    let canvas: MetricCanvas
    init() throws { canvas = try MetricCanvas() }
    let k = 0.999_919

    /// A road feature in canvas metres.
    func road(_ pts: [(Double, Double)], _ props: JSONObject = ["highway": .string("residential")]) throws -> Feature {
        Feature(geometry: try canvas.line(pts), properties: props)
    }

    /// Grid roads every 1 km over [0, 10 km] × [0, 6 km], as long lines the noder must cut.
    func grid(_ cls: String = "residential") throws -> [Feature] {
        var f: [Feature] = []
        for x in stride(from: 0.0, through: 10_000, by: 1000) { f.append(try road([(x, 0), (x, 6000)], ["highway": .string(cls)])) }
        for y in stride(from: 0.0, through: 6000, by: 1000) { f.append(try road([(0, y), (10_000, y)], ["highway": .string(cls)])) }
        return f
    }

    func network(_ features: [Feature]) throws -> RoadNetwork {
        try RoadNetwork(lines: RoadLine.read(features, file: "roads"), speeds: RoadSpeeds(), file: "roads", context: canvas.ctx)
    }

    /// Besieged (opposition) [0, 2 km] × [0, 6 km]; hostile `block`; allies the rest of [0, 10 km] × [0, 6 km].
    func map(block: (Double, Double, Double, Double)) throws -> ControlMap {
        let pocket = try canvas.metricBox(0, 0, 2000, 6000)
        let hostile = try canvas.metricBox(block.0, block.1, block.2, block.3)
        let rest = try canvas.metricBox(0, 0, 10_000, 6000).difference(pocket).difference(hostile)
        return try ControlMap(file: "map", areas: [
            canvas.area(0, try canvas.toLonLat.apply(pocket), "opposition", population: 1000),
            canvas.area(1, try canvas.toLonLat.apply(hostile), "government"),
        ] + (try rest.polygons()).enumerated().map { try canvas.area(2 + $0.offset, canvas.toLonLat.apply($0.element), "sdf") })
    }

    func analysis(_ map: ControlMap, _ net: RoadNetwork, range: Double, avoidFire: Bool = false,
                  places: [AccessPlace] = [], corridors: [Route] = []) throws -> AccessAnalysis {
        try AccessAnalysis(map: map, network: net,
                           options: AccessOptions(besieged: "opposition", allies: ["sdf"], fireRange: range, avoidFire: avoidFire),
                           bases: [try canvas.point(10_000, 1000)], places: places, corridors: corridors, context: canvas.ctx)
    }

    @Test func theWayOutGoesRoundAHostileBlock() throws {
        // The block [3.5, 6.5] × [0, 4.5] km cuts every road through it (x = 4, 5, 6 km below
        // 4.5 km, y = 0…4 km between x = 3 and 7 km). From the pocket's edge (x = 2 km) to the
        // base at (10, 1) km the shortest road passes above the block: east along y = 5 km
        // from (2, 5) to (10, 5), 8 km, then south to (10, 1), 4 km: 12 km. The 100 m fire
        // range reaches no road (the nearest, y = 5 km and x = 3, 7 km, lie 500 m away).
        let net = try network(grid())
        let day = try analysis(map(block: (3500, 0, 6500, 4500)), net, range: 100).access(on: nil)
        let pocket = try #require(day.pockets.first)
        #expect(pocket.roadWayOut)
        let path = try #require(pocket.safest)
        #expect(abs(path.metres / (12_000 / k) - 1) < 1e-4, "\(path.metres) m")
        #expect(path.exposedMetres == 0 && path.hostileMetres == 0)
        // Residential roads at 25 km/h: 12,000/k m in 12,000/k / (25/3.6) s = 1728.14 s.
        #expect(abs(path.seconds / (12_000 / k / (25 / 3.6)) - 1) < 1e-4, "\(path.seconds) s")
        #expect(path.endsIn == "sdf")
        // 16 roads cut through the block: 3 north-south roads × 5 edges (0…4 km, 4…5 km
        // reaches 4.5 km) = 15, and y = 0…4 km × (3–4, 4–5, 5–6, 6–7 km) = 20; 35 edges.
        #expect(day.cutEdges.count == 35)
    }

    @Test func fireCoveringEveryWayOutClosesTheRoadsOnlyWhenAvoided() throws {
        // A wall [4.5, 5.5] × [0, 5.8] km: the only road round it is y = 6 km, 200 m from the
        // wall's top, inside a 400 m fire range from x = 4.5 − √(400² − 200²) to 5.5 + √(…):
        // exposed 1000/k + 2·√(400² − (200/k)²) = 1692.9 m (the buffer's 32-segment quarter
        // circles shorten it by well under 0.1 %). x = 4 and 6 km lie 500 m from the wall.
        let net = try network(grid())
        let map = try map(block: (4500, 0, 5500, 5800))
        let exposedDay = try analysis(map, net, range: 400).access(on: nil)
        let open = try #require(exposedDay.pockets.first)
        #expect(open.roadWayOut)
        let expected = 1000 / k + 2 * (400.0 * 400 - (200 / k) * (200 / k)).squareRoot()
        let exposed = try #require(open.safest).exposedMetres
        #expect(abs(exposed / expected - 1) < 1e-3, "exposed \(exposed) m, expected \(expected)")

        let avoided = try #require(try analysis(map, net, range: 400, avoidFire: true).access(on: nil).pockets.first)
        #expect(!avoided.roadWayOut)
        #expect(avoided.safest == nil)
        // Reopening takes no ground here (fire is not counted): the road round the wall.
        let round = try #require(avoided.reopen)
        #expect(round.hostileMetres == 0 && abs(round.exposedMetres / expected - 1) < 1e-3)
        // A wall over the whole height: the shortest reopening cut is a road straight through its 1 km.
        let walled = try #require(try analysis(self.map(block: (4500, 0, 5500, 6000)), net, range: 400).access(on: nil).pockets.first)
        #expect(!walled.roadWayOut)
        let reopen = try #require(walled.reopen)
        #expect(abs(reopen.hostileMetres / (1000 / k) - 1) < 1e-4, "\(reopen.hostileMetres) m")
    }

    @Test func aBridgeIsNotNodedIntoTheRoadBelow() throws {
        // The bridge (0, 0)–(2, 0) km crosses road A (1, −1)–(1, 1) and ends on road B
        // (2, −1)–(2, 1): no node where it crosses A; B is split at the bridge's end.
        // Nodes: 2 bridge ends + 2 ends of A + 2 ends of B = 6; edges: bridge, A, B in two = 4.
        let bridge = try road([(0, 0), (2000, 0)], ["highway": .string("primary"), "bridge": .string("yes")])
        let a = try road([(1000, -1000), (1000, 1000)]), b = try road([(2000, -1000), (2000, 1000)])
        let net = try network([bridge, a, b])
        #expect(net.nodes.count == 6 && net.edgeCount == 4, "\(net.nodes.count) nodes, \(net.edgeCount) edges")
        // Tagged `layer` = 1 the same; untagged, the crossing is a node: 7 nodes, 6 edges.
        let layered = try road([(0, 0), (2000, 0)], ["highway": .string("primary"), "layer": .number(1)])
        let net2 = try network([layered, a, b])
        #expect(net2.nodes.count == 6 && net2.edgeCount == 4)
        let flat = try network([try road([(0, 0), (2000, 0)]), a, b])
        #expect(flat.nodes.count == 7 && flat.edgeCount == 6, "\(flat.nodes.count) nodes, \(flat.edgeCount) edges")
    }

    @Test func roadsAreNodedWhereOneEndsOnAnotherAndOverlapsAreMerged() throws {
        // C (1, 0)–(1, 1) km ends on A (0, 0)–(2, 0): A is cut there. Nodes (0, 0), (1, 0),
        // (2, 0), (1, 1); edges A in two and C: 3. The Swift noder does this level.
        let a = try road([(0, 0), (2000, 0)]), c = try road([(1000, 0), (1000, 1000)])
        let t = try network([a, c])
        #expect(t.nodes.count == 4 && t.edgeCount == 3, "\(t.nodes.count) nodes, \(t.edgeCount) edges")
        // B (1, 0)–(3, 0) km overlaps A along 1–2 km: GEOS's union nodes that level, the overlap
        // once: a single path from 0 to 3 km (one edge fewer than nodes; GEOS cuts the overlap at
        // the drawing's 50 m vertices), 3 km in all, not the 4 km of A and B.
        let b = try road([(1000, 0), (3000, 0)])
        let o = try network([a, b])
        #expect(o.edgeCount == o.nodes.count - 1, "\(o.nodes.count) nodes, \(o.edgeCount) edges")
        #expect(abs(o.lengths.reduce(0, +) / (3000 / k) - 1) < 1e-4)
    }

    @Test func movingACorridorEntryChangesTravelTimes() throws {
        // One footway (5 km/h) along y = 3 km through besieged ground; 500 residents at x = 1 km.
        // Entry at x = 3 km: 2000/k m, 2000/k / (5/3.6) s = 1440.12 s = 24.002 min: within 30
        // and 60 minutes, not 15. Entry moved to x = 8 km: 7000/k m, 5040.4 s = 84.007 min: none.
        let all = try canvas.metricBox(0, 0, 10_000, 6000)
        let map = ControlMap(file: "map", areas: [canvas.area(0, try canvas.toLonLat.apply(all), "opposition")])
        let net = try network([try road([(0, 3000), (10_000, 3000)], ["highway": .string("footway")])])
        let people = [AccessPlace(name: "Bustan", geometry: try canvas.point(1000, 3000), population: 500)]
        func corridor(_ x: Double) throws -> Route {
            Route(feature: 0, name: "corridor", kind: .corridor, geometry: try canvas.line([(x, 3000), (x, 5000)]))
        }
        let near = try AccessAnalysis(map: map, network: net, options: AccessOptions(besieged: "opposition"),
                                      places: people, corridors: [corridor(3000)], context: canvas.ctx).access(on: nil)
        let p = try #require(near.places.first)
        #expect(abs(try #require(p.corridorSeconds) / (2000 / k / (5 / 3.6)) - 1) < 1e-4, "\(p)")
        #expect(abs(try #require(p.corridorMetres) / (2000 / k) - 1) < 1e-4)
        // The pocket's count, as written to `residents_within_N_min`: the whole map is one pocket.
        let within = try #require(near.pockets.first).residentsWithin
        #expect(within[15] == nil && within[30] == 500 && within[60] == 500)
        let far = try AccessAnalysis(map: map, network: net, options: AccessOptions(besieged: "opposition"),
                                     places: people, corridors: [corridor(8000)], context: canvas.ctx).access(on: nil)
        let q = try #require(far.places.first)
        #expect(abs(try #require(q.corridorSeconds) / (7000 / k / (5 / 3.6)) - 1) < 1e-4)
        #expect(try #require(far.pockets.first).residentsWithin.isEmpty)
        // The way out is the study area's edge: 1 km west of the place.
        #expect(abs(try #require(q.wayOutMetres) / (1000 / k) - 1) < 1e-4)
    }

    @Test func aWayOutOnThePlacesOwnRoadIsReachedAlongIt() throws {
        // One road along y = 3 km, a single edge from x = 0 to 10 km, all besieged; a place at
        // x = 4 km and a base at x = 7 km, both on that edge: the way out is 3 km east along it
        // (3000/k m), not by an end of the edge and back (via x = 10 km: 6 + 3 = 9 km).
        let all = try canvas.metricBox(0, 0, 10_000, 6000)
        let map = ControlMap(file: "map", areas: [canvas.area(0, try canvas.toLonLat.apply(all), "opposition")])
        let net = try network([try road([(0, 3000), (10_000, 3000)])])
        #expect(net.edgeCount == 1)
        let people = [AccessPlace(name: "Baqin", geometry: try canvas.point(4000, 3000), population: 5000)]
        let day = try AccessAnalysis(map: map, network: net, options: AccessOptions(besieged: "opposition"),
                                     bases: [try canvas.point(7000, 3000)], places: people, context: canvas.ctx).access(on: nil)
        let p = try #require(day.places.first)
        #expect(abs(try #require(p.wayOutMetres) / (3000 / k) - 1) < 1e-4, "\(p.wayOutMetres ?? -1) m")
    }

    @Test func oneWayRoadsAreDrivenForwardOnly() throws {
        // The grid without a block, but y = 1 km drawn from x = 10 to 0 km. Two-way, the pocket's
        // road out runs east along it from (2, 1) to the base at (10, 1): 8 km. One-way as drawn
        // (westward only) the way out takes y = 0 (or 2) km: (2, 0) to (10, 0), 8 km, then
        // north 1 km: 9 km. A resident at (1.5, 1) km on it must first drive west 0.5 km to
        // (1, 1), then 1 km to y = 0, 9 km east and 1 km north: 11.5 km (two-way: 8.5 km east).
        // `oneway=-1` on the same drawing lets it be driven east only: 8 km again.
        func roads(_ tags: JSONObject) throws -> [Feature] {
            var f: [Feature] = []
            for x in stride(from: 0.0, through: 10_000, by: 1000) { f.append(try road([(x, 0), (x, 6000)])) }
            for y in stride(from: 0.0, through: 6000, by: 1000) where y != 1000 { f.append(try road([(0, y), (10_000, y)])) }
            return f + [try road([(10_000, 1000), (0, 1000)], tags)]
        }
        let map = try ControlMap(file: "map", areas: [
            canvas.area(0, try canvas.toLonLat.apply(canvas.metricBox(0, 0, 2000, 6000)), "opposition"),
            canvas.area(1, try canvas.toLonLat.apply(canvas.metricBox(2000, 0, 10_000, 6000)), "sdf"),
        ])
        let resident = [AccessPlace(name: "Hanano", geometry: try canvas.point(1500, 1000), population: 100)]
        func answer(_ tags: JSONObject) throws -> (path: RoadPath, place: PlaceAccess) {
            let day = try analysis(map, network(roads(tags)), range: 0, places: resident).access(on: nil)
            return (try #require(day.pockets.first?.safest), try #require(day.places.first))
        }
        let twoWay = try answer(["highway": .string("residential")])
        #expect(abs(twoWay.path.metres / (8000 / k) - 1) < 1e-4, "\(twoWay.path.metres) m")
        #expect(abs(try #require(twoWay.place.wayOutMetres) / (8500 / k) - 1) < 1e-4)
        let west = try answer(["highway": .string("residential"), "oneway": .string("yes")])
        #expect(abs(west.path.metres / (9000 / k) - 1) < 1e-4, "\(west.path.metres) m")
        #expect(abs(try #require(west.place.wayOutMetres) / (11_500 / k) - 1) < 1e-4, "\(west.place)")
        // 11.5 km at 25 km/h.
        #expect(abs(try #require(west.place.wayOutSeconds) / (11_500 / k / (25 / 3.6)) - 1) < 1e-4)
        let east = try answer(["highway": .string("residential"), "oneway": .string("-1")])
        #expect(abs(east.path.metres / (8000 / k) - 1) < 1e-4, "\(east.path.metres) m")
        // A roundabout is one-way as drawn unless it says otherwise.
        #expect(RoadLine.oneway(.init(["junction": .string("roundabout")])) == 1)
        #expect(RoadLine.oneway(.init(["junction": .string("roundabout"), "oneway": .string("no")])) == 0)
        #expect(RoadLine.oneway(.init(["other_tags": .string("\"oneway\"=>\"-1\"")])) == -1)
    }

    @Test func badRoadsAreNamed() throws {
        #expect(throws: SiegeInputError.self) { try RoadLine.read([], file: "roads.geojson") }
        do {
            _ = try RoadLine.read([try road([(0, 0), (1, 1)]), Feature(geometry: try canvas.ctx.lineString([Coordinate(37.1, 36.2), Coordinate(37.1, 36.2)]))], file: "roads.geojson")
            Issue.record("a one-point road was taken")
        } catch let e as SiegeInputError {
            #expect(e.feature == 1 && e.reason.contains("2 distinct points"), "\(e)")
        }
        do {
            _ = try RoadSpeeds(text: "primary,40\nprimray,30\n", file: "speeds.csv", networkClasses: ["primary"])
            Issue.record("a misspelt class was taken")
        } catch let e as SiegeInputError {
            #expect(e.description.contains("primray") && e.description.hasPrefix("speeds.csv"), "\(e)")
        }
        // A spreadsheet's export: a byte-order mark, a header, a quoted class, CRLF.
        let csv = try RoadSpeeds(text: "\u{FEFF}class,kmh\r\n\"primary\",40\r\n# closed by checkpoints\r\ntrack,8\r\n",
                                 file: "speeds.csv", networkClasses: [])
        #expect(csv.byClass["primary"] == 40 && csv.byClass["track"] == 8)
        do {
            _ = try RoadSpeeds(text: "primary,40\ntrack,fast\n", file: "speeds.csv", networkClasses: [])
            Issue.record("a speed that is not a number was taken")
        } catch let e as SiegeInputError {
            #expect(e.description.contains("line 2") && e.description.contains("fast"), "\(e)")
        }
        let json = try RoadSpeeds(text: "{\"primary\": 40}", file: "speeds.json", networkClasses: [])
        #expect(json.kmh(roadClass: "primary", maxspeed: nil) == 40 && json.kmh(roadClass: "primary", maxspeed: "30 mph") == 30 * 1.609344)
        // Roads 100 km away from the map.
        let map = ControlMap(file: "map", areas: [canvas.area(0, try canvas.box(0, 0, 1000, 1000), "opposition")])
        let far = try network([try road([(100_000, 0), (101_000, 0)])])
        do {
            _ = try AccessAnalysis(map: map, network: far, options: AccessOptions(besieged: "opposition"), context: canvas.ctx)
            Issue.record("a network off the map was taken")
        } catch let e as SiegeInputError {
            #expect(e.description.contains("no road reaches the map"), "\(e)")
        }
    }

    @Test func theTimelineMeasuresOnlyWhatChangedAndAgreesWithEachDate() throws {
        // The wall [4.5, 5.5] × [0, 6] km is held from 2016-07-17 only; before, the ground is allied.
        // The timeline re-measures only roads near the wall on the change; each period must give
        // what a fresh analysis of its day gives: before, the pocket's road out runs straight
        // east along y = 1 km, 8 km; after, none, and the reopening cut is 1 km.
        let pocket = try canvas.metricBox(0, 0, 2000, 6000), wall = try canvas.metricBox(4500, 0, 5500, 6000)
        let rest = try canvas.metricBox(0, 0, 10_000, 6000).difference(pocket).difference(wall)
        let map = try ControlMap(file: "map", areas: [
            canvas.area(0, canvas.toLonLat.apply(pocket), "opposition"),
            canvas.area(1, canvas.toLonLat.apply(wall), "government", from: "2016-07-17"),
            canvas.area(2, canvas.toLonLat.apply(wall), "sdf", until: "2016-07-17"),
        ] + rest.polygons().enumerated().map { try canvas.area(3 + $0.offset, canvas.toLonLat.apply($0.element), "sdf") })
        let net = try network(grid())
        let days = try analysis(map, net, range: 100).timeline()
        #expect(days.count == 2)
        for d in days {
            let fresh = try analysis(map, net, range: 100).access(on: d.period?.sampleDay)
            #expect(d.cutEdges == fresh.cutEdges && d.exposedEdges == fresh.exposedEdges)
            #expect(d.pockets.map(\.roadWayOut) == fresh.pockets.map(\.roadWayOut))
        }
        #expect(abs(try #require(days[0].pockets.first?.safest).metres / (8000 / k) - 1) < 1e-4)
        #expect(days[1].pockets.first?.roadWayOut == false)
        #expect(abs(try #require(days[1].pockets.first?.reopen).hostileMetres / (1000 / k) - 1) < 1e-4)

        // On pockets found apart (as `cordon run` passes its enclosure timeline's, with their
        // periods) the same answers; a window from the change on analyses its period only.
        let enclosure = try EnclosureAnalysis(map: map, options: EnclosureOptions(besieged: "opposition", allies: ["sdf"]),
                                              context: canvas.ctx)
        let found = try days.flatMap { d in
            try enclosure.pockets(on: d.period?.sampleDay).map { p in var q = p; q.period = d.period; return q }
        }
        let given = try analysis(map, net, range: 100).timeline(pockets: found)
        #expect(given.map(\.period) == days.map(\.period))
        for (a, b) in zip(given, days) {
            #expect(a.cutEdges == b.cutEdges && a.pockets.map(\.roadWayOut) == b.pockets.map(\.roadWayOut))
            #expect(a.pockets.map { $0.safest?.metres ?? $0.reopen?.hostileMetres } == b.pockets.map { $0.safest?.metres ?? $0.reopen?.hostileMetres })
        }
        let change = try #require(Day(iso: "2016-07-17"))
        let late = try analysis(map, net, range: 100).timeline(pockets: found, within: Period(from: change + 3, until: nil))
        #expect(late.map(\.period) == [days[1].period])
        #expect(late.first?.pockets.first?.roadWayOut == false)
        // At the ends: periods are half-open, so a window from the change day holds the second
        // period only, one from the day before holds both, one until the change the first only.
        let a = try analysis(map, net, range: 100)
        #expect(try a.timeline(pockets: found, within: Period(from: change, until: nil)).map(\.period) == [days[1].period])
        #expect(try a.timeline(pockets: found, within: Period(from: change - 1, until: nil)).map(\.period) == days.map(\.period))
        #expect(try a.timeline(pockets: found, within: Period(from: nil, until: change)).map(\.period) == [days[0].period])
    }

    /// A place meets the edge nearest it, ties by edge number, as trying every edge finds it:
    /// the search ring by ring through the edge grid stops early only when every edge left is
    /// certainly farther. Points on and off the grid (up to 60 km off), on roads and at nodes.
    @Test func aPlaceMeetsTheNearestEdgeAsTryingEveryEdgeFindsIt() throws {
        let net = try network(grid() + [try road([(500, 500), (2500, 2300), (2600, 5900)])])
        var state: UInt64 = 3
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var points = try (0..<400).map { _ in try canvas.point(uniform() * 140_000 - 65_000, uniform() * 130_000 - 62_000).coordinates[0] }
        points += try (0..<200).map { _ in try canvas.point(uniform() * 10_000, uniform() * 6000).coordinates[0] }
        points += [net.nodes[0], net.nodes[7], try canvas.point(3000, 2500).coordinates[0]]
        for p in points {
            var best: (e: Int, d: Double)?
            for e in 0..<net.edgeCount {
                let d = Geodesic.stepDistance(p, Polyline.locate(p, in: net.coordinates[e]).point)
                if best == nil || d < best!.d { best = (e, d) }
            }
            let found = try RoadAttachment.nearest(p, index: net.grid, network: net)
            #expect(found.edge == best!.e && found.metres == best!.d, "\(p)")
        }
    }

    /// The roads layer writes a road's consecutive cut edges as one line. The grid's first road
    /// (x = 0, north from y = 0) is noded at every kilometre into edges 0–5; edge 6 begins the
    /// next road (x = 1 km). Cut {0, 1, 2, 4, 5, 6}: three lines, 0–3 km and 4–6 km along the
    /// first road, and edge 6 alone.
    @Test func aRoadsConsecutiveEdgesAreOneLine() throws {
        let net = try network(grid())
        try #require(net.roads[0...5].allSatisfy { $0 == 0 } && net.roads[6] == 1)
        let lines = net.stretches([0, 1, 2, 4, 5, 6])
        let c = net.coordinates
        #expect(lines.map(\.count) == [c[0].count + c[1].count + c[2].count - 2, c[4].count + c[5].count - 1, c[6].count])
        #expect(lines[0] == c[0] + c[1].dropFirst() + c[2].dropFirst())
        #expect(lines[0].first == net.nodes[Int(net.edgeFrom[0])] && lines[0].last == net.nodes[Int(net.edgeTo[2])])
        #expect(lines[1].first == net.nodes[Int(net.edgeFrom[4])] && lines[1].last == net.nodes[Int(net.edgeTo[5])])
        #expect(lines[2] == net.coordinates[6])
        let north = try canvas.point(0, 3000).coordinates[0]
        #expect(abs(lines[0].last!.x - north.x) < 1e-9 && abs(lines[0].last!.y - north.y) < 1e-9)
    }

    @Test func cutRoadsAreWrittenOncePerRun() throws {
        // Cut edges by day: {1, 2}, {1, 2, 3}, {2, 3}; edge 5 exposed on the last day. By hand:
        // edge 1 is cut from the start until day 2 (d2), edge 2 throughout, edge 3 from d1 on,
        // edge 5 exposed from d2 on: four runs, each one feature.
        let d1 = try #require(Day(iso: "2016-07-01")), d2 = d1 + 5
        let periods = [Period(from: nil, until: d1), Period(from: d1, until: d2), Period(from: d2, until: nil)]
        let cut = [[1, 2], [1, 2, 3], [2, 3]]
        let days = periods.indices.map { i in
            var d = AccessDay()
            d.period = periods[i]
            d.cutEdges = cut[i]
            d.exposedEdges = i == 2 ? [5] : []
            return d
        }
        let runs = AccessLayers.roadRuns(days)
        #expect(runs.map(\.status) == ["cut", "cut", "cut", "exposed"])
        #expect(runs.map(\.edges) == [[1], [2], [3], [5]])
        #expect(runs.map(\.period) == [Period(from: nil, until: d2), Period(from: nil, until: nil),
                                        Period(from: d1, until: nil), Period(from: d2, until: nil)])
        // One date: one feature per status, on its date.
        var one = AccessDay()
        one.date = d1
        one.cutEdges = [4, 7]
        one.exposedEdges = [9]
        let single = AccessLayers.roadRuns([one])
        #expect(single.map(\.status) == ["cut", "exposed"] && single.map(\.edges) == [[4, 7], [9]])
        #expect(single.allSatisfy { $0.date == d1 && $0.period == nil })
    }
}
