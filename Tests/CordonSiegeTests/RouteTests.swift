import CordonCore
import CordonGeometry
import Foundation
import Testing
@testable import CordonSiege

/// Roads near a hostile block, with answers worked out by hand in metres (MetricCanvas).
/// The map is drawn in UTM, whose scale factor there is k = 0.999919, so a drawn length L is
/// L / k on the ground; fire ranges and distances are true metres (docs/design.md#metric-work-and-projections).
/// Expected values carry that factor, checked to 0.01 %, and chords across the buffer's
/// rounded corners to 0.03 %: the buffer draws each quarter circle with 32 segments, whose
/// chords fall up to 0.45 m inside the 1.5 km arc, shortening the exposure by about 0.6 m at each end.
@Suite struct RouteTests {
    let canvas: MetricCanvas
    init() throws { canvas = try MetricCanvas() }
    let k = 0.999_919  // pyproj: Proj("EPSG:32637").get_factors(lon, lat).meridional_scale at the site

    /// A 2 km × 2 km government block at (4000…6000, 4000…6000) in a study area of opposition ground.
    func blockMap() throws -> ControlMap {
        let block = try canvas.metricBox(4000, 4000, 6000, 6000)
        let rest = try canvas.metricBox(0, 0, 10_000, 10_000).difference(block)
        return ControlMap(file: "block.geojson", areas: [
            canvas.area(0, try canvas.toLonLat.apply(rest), "opposition", population: 100_000),
            canvas.area(1, try canvas.toLonLat.apply(block), "government"),
        ])
    }

    func state(_ map: ControlMap, _ line: [(Double, Double)], kind: RouteKind = .supply, range: Double = 1500,
               day: String? = nil, extra: (Route) -> Route = { $0 }) throws -> RouteState {
        let route = extra(Route(feature: 0, name: "road", kind: kind, geometry: try canvas.line(line)))
        return try RouteAnalysis(map: map, routes: [route], options: RouteOptions(besieged: "opposition", fireRange: range),
                                 context: canvas.ctx).states(on: day.flatMap { Day(iso: $0) })[0]
    }

    @Test func roadWithinRangeIsUnderFireWithTheChordOfTheBufferedBlock() throws {
        // A road 1 km south of the block, parallel to its side: the fire zone is the block grown
        // by 1.5 km; the road lies inside it along the side (2 km) plus, at each end, the chord
        // of the rounded corner: sqrt(1500² − (1000/k)²) = 1117.96 m. Total 4236.08 m.
        let s = try state(blockMap(), [(0, 3000), (10_000, 3000)])
        #expect(s.condition == .underFire)
        #expect(s.hostileKm == 0)
        let expected = (2000 / k + 2 * (1500.0 * 1500 - 1000 / k * 1000 / k).squareRoot()) / 1000
        #expect(abs(s.exposedKm / expected - 1) < 3e-4, "exposed \(s.exposedKm) km, expected \(expected)")
        // pyproj: Geod(ellps="WGS84").inv between (339000, 4011000) and (339000, 4012000) of
        // EPSG:32637 -> 1000.0806 m; the distance is measured on the ellipsoid.
        #expect(abs(try #require(s.minDistanceM) - 1000.0806) < 0.01, "\(s.minDistanceM as Any)")
        #expect(abs(s.lengthKm - 10 / k) < 0.005)
    }

    @Test func roadBeyondRangeIsOpen() throws {
        let s = try state(blockMap(), [(0, 2000), (10_000, 2000)])  // 2 km from the block
        #expect(s.condition == .open)
        #expect(s.exposedKm == 0 && s.hostileKm == 0)
        #expect(abs(try #require(s.minDistanceM) - 2000 / k) < 0.01, "\(s.minDistanceM as Any)")
        // With a 2.5 km range the same road is under fire: chord 2 × sqrt(2500² − (2000/k)²) + the 2 km side.
        let wide = try state(blockMap(), [(0, 2000), (10_000, 2000)], range: 2500)
        #expect(wide.condition == .underFire)
        let expected = (2000 / k + 2 * (2500.0 * 2500 - 2000 / k * 2000 / k).squareRoot()) / 1000
        #expect(abs(wide.exposedKm / expected - 1) < 3e-4, "exposed \(wide.exposedKm) km, expected \(expected)")
    }

    @Test func roadThroughTheBlockIsCutWithTheCrossingLength() throws {
        let s = try state(blockMap(), [(0, 5000), (10_000, 5000)])
        #expect(s.condition == .cut)
        #expect(abs(s.hostileKm / (2.0 / k) - 1) < 1e-4)
        // Exposed includes the part inside: 2 km drawn + 1.5 km on each side.
        #expect(abs(s.exposedKm / ((2000 / k + 3000) / 1000) - 1) < 1e-4)
        #expect(s.minDistanceM == 0)
        let segments = s.features().compactMap { $0.properties["segment"]?.stringValue }
        #expect(segments == ["whole", "hostile", "exposed"])
        // Every stretch carries the route's status, so styling by status leaves no empty class.
        #expect(s.features().map { $0.properties["status"]?.stringValue } == ["cut", "cut", "cut"])
    }

    @Test func routeOutsideTheMapIsUnknownNotFatal() throws {
        let s = try state(blockMap(), [(20_000, 0), (30_000, 0)])
        #expect(s.condition == .unknown)
        #expect(s.features()[0].properties["status"] == .string("unknown"))
    }

    @Test func corridorReportsWhereItLeadsAndWhoLivesNearItsEntry() throws {
        // From inside the opposition ground into the government block; capacity over 8 hours a day.
        let s = try state(blockMap(), [(5000, 1000), (5000, 5000)], kind: .corridor, day: nil) { r in
            Route(feature: 0, name: "corridor", kind: .corridor, geometry: r.geometry, capacityPerDay: 3000, hoursPerDay: 8)
        }
        #expect(s.origin == "opposition" && s.destination == "government")
        #expect(s.pocket == 0)
        #expect(s.dailyCapacity == 1000)
        // 3 km around the entry at (5000, 1000), all opposition ground but what lies outside the
        // map (y < 0): a disc of 9π km² minus the segment below y = 0 at 1 km from the centre.
        // Opposition ground is 96 km² holding 100,000: residents per km² = 100,000 / 96.
        let r = 3000.0, d = 1000.0
        let segment = r * r * acos(d / r) - d * (r * r - d * d).squareRoot()
        let inside = (Double.pi * r * r - segment) / 1e6
        #expect(abs(try #require(s.reachPopulation) - inside * 100_000 / 96) < 50)
    }

    @Test func corridorStartingOutsideIsTurnedRound() throws {
        let s = try state(blockMap(), [(5000, 5000), (5000, 1000)], kind: .corridor)
        #expect(s.origin == "opposition" && s.destination == "government")
    }

    @Test func castelloRoadOpenThenUnderFireThenCut() async throws {
        // Shaped like the Castello Road in July 2016: open, then on 7 July government ground
        // comes within 1.5 km, then on 17 July it covers the road.
        let road = [(0.0, 5000.0), (10_000.0, 5000.0)]
        let far = try canvas.metricBox(4000, 7000, 6000, 9000)      // 2 km north of the road
        let near = try canvas.metricBox(4000, 6000, 6000, 9000)     // 1 km north
        let over = try canvas.metricBox(4000, 4000, 6000, 9000)     // across the road
        let extent = try canvas.metricBox(0, 0, 10_000, 10_000)
        func piece(_ i: Int, _ g: Geometry, _ c: String, _ from: String?, _ until: String?) throws -> ControlArea {
            canvas.area(i, try canvas.toLonLat.apply(g), c, from: from, until: until)
        }
        let map = ControlMap(file: "castello.geojson", areas: [
            try piece(0, extent.difference(far), "opposition", nil, "2016-07-07"),
            try piece(1, far, "government", nil, "2016-07-07"),
            try piece(2, extent.difference(near), "opposition", "2016-07-07", "2016-07-17"),
            try piece(3, near, "government", "2016-07-07", "2016-07-17"),
            try piece(4, extent.difference(over), "opposition", "2016-07-17", nil),
            try piece(5, over, "government", "2016-07-17", nil),
        ])
        let route = Route(feature: 0, name: "Castello Road", kind: .supply, geometry: try canvas.line(road))
        let states = try await RouteTimeline.run(map: map, routes: [route], options: RouteOptions(besieged: "opposition"), jobs: 2)
        #expect(states.map(\.condition) == [.open, .underFire, .cut])
        #expect(states.map { $0.period?.from?.description ?? "-" } == ["-", "2016-07-07", "2016-07-17"])
        #expect(states.map { $0.period?.until?.description ?? "-" } == ["2016-07-07", "2016-07-17", "-"])
    }

    @Test func badRoutesNameTheFeature() throws {
        let line = try canvas.line([(0, 0), (10, 10)])
        let f = { (props: JSONObject) in Feature(geometry: line, properties: props) }
        #expect(throws: SiegeInputError(file: "r", feature: 1, "`kind` must be `supply` or `corridor`, got \"road\"")) {
            try RouteFile.load(file: "r", features: [f(["name": "a", "kind": "supply"]), f(["name": "b", "kind": "road"])])
        }
        #expect(throws: SiegeInputError(file: "r", feature: 0, "a route must be a LineString or MultiLineString")) {
            try RouteFile.load(file: "r", features: [Feature(geometry: try canvas.point(0, 0), properties: ["kind": "supply"])])
        }
        #expect(throws: SiegeOptionError(setting: .fireRange, value: -5, allowed: SiegeLimits.fireRange)) {
            try RouteAnalysis(map: blockMap(), routes: [], options: RouteOptions(besieged: "opposition", fireRange: -5),
                              context: canvas.ctx)
        }
    }
}
