import CordonCore
import CordonGeometry
import CordonTestSupport
import Foundation
import Testing
@testable import CordonSiege

/// Distances, fire ranges and overlaps against the geodesic truth that pyproj gives
/// (Fixtures/pyproj/make_metric_truth.py writes the maps and the figures): every distance
/// within 0.1 % (docs/design.md#metric-work-and-projections), on maps as wide as a continent
/// and across the antimeridian. Exposed lengths allow the 32-segment quarter circles of the
/// fire zone, whose chords shorten an exposure by about 0.6 m at each end.
@Suite struct MetricTruthTests {
    /// metric_truth.json.
    struct Truth: Decodable {
        var fireRangeM: Double
        var wideMaps: [Case]
        var antimeridian: Case
        var tileBorders: Case
        var overlaps: Overlaps
    }
    struct Case: Decodable {
        var name: String?
        var features: [Area]
        var roads: [Road]
        var pocketAreaKm2: Double?
    }
    struct Area: Decodable {
        var controller: String
        var rings: [[[Double]]]
    }
    struct Road: Decodable {
        var name: String
        var coordinates: [[Double]]
        var minDistanceM: Double
        var exposedKm: Double?
    }
    struct Overlaps: Decodable {
        var coverage: [Area]
        var overlapping: [Area]
        var overlap: Overlap
    }
    struct Overlap: Decodable {
        var features: [Int]
        var areaM2: Double
    }

    static let truth: Truth = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/pyproj/metric_truth.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(Truth.self, from: Data(contentsOf: url))
    }()

    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    func map(_ features: [Area]) throws -> ControlMap {
        let areas = try features.enumerated().map { i, f in
            let rings = f.rings.map(coordinates)
            return ControlArea(feature: i, geometry: try ctx.polygon(rings[0], holes: Array(rings.dropFirst())), controller: f.controller)
        }
        return ControlMap(file: "truth.geojson", areas: areas)
    }

    func coordinates(_ points: [[Double]]) -> [Coordinate] { points.map { Coordinate($0[0], $0[1]) } }

    /// Every road of a case, measured on its map with the fixture's fire range.
    func roads(_ c: Case) throws -> [(truth: Road, state: RouteState)] {
        let routes = try c.roads.enumerated().map { i, r in
            Route(feature: i, name: r.name, kind: .supply, geometry: try ctx.lineString(coordinates(r.coordinates)))
        }
        let options = RouteOptions(besieged: "opposition", fireRange: Self.truth.fireRangeM)
        let states = try RouteAnalysis(map: map(c.features), routes: routes, options: options, context: ctx).states(on: nil)
        return Array(zip(c.roads, states))
    }

    /// The road's distance within 0.1 % of pyproj's, its exposure within 0.1 % when it is under fire.
    func expectTruth(_ road: Road, _ s: RouteState, _ label: String) throws {
        let name = "\(label), \(road.name)"
        let measured = try #require(s.minDistanceM, "\(name): no distance")
        #expect(abs(measured / road.minDistanceM - 1) < 1e-3, "\(name): \(measured) m, pyproj \(road.minDistanceM) m")
        if let exposed = road.exposedKm {
            #expect(s.condition == .underFire, "\(name): \(s.condition)")
            #expect(abs(s.exposedKm / exposed - 1) < 1e-3, "\(name): exposed \(s.exposedKm) km, pyproj \(exposed) km")
        } else {
            #expect(s.condition == .open, "\(name): \(s.condition)")
        }
    }

    @Test("wide maps: the same distance reads the same at both edges", arguments: 0..<3)
    func wideMaps(_ k: Int) throws {
        let c = Self.truth.wideMaps[k]
        let label = c.name ?? "map \(k)"
        let measured = try roads(c)
        #expect(measured.count == 4)
        for (road, state) in measured { try expectTruth(road, state, label) }
        // West and east: the same roads at the same distances from the same blocks.
        #expect(abs(measured[0].state.minDistanceM! - measured[2].state.minDistanceM!) < 0.01, "\(label)")
        #expect(abs(measured[0].state.exposedKm - measured[2].state.exposedKm) < 1e-5, "\(label)")
    }

    @Test("roads along a fire tile's border: the equator and the prime meridian")
    func roadsOnTileBorders() throws {
        for (road, state) in try roads(Self.truth.tileBorders) { try expectTruth(road, state, "tile border") }
    }

    @Test("a pocket cut at 180° is one pocket, and a road is under fire from across 180°")
    func acrossTheAntimeridian() throws {
        let c = Self.truth.antimeridian
        let pockets = try EnclosureAnalysis(map: map(c.features), options: EnclosureOptions(besieged: "opposition"),
                                            context: ctx).pockets(on: nil)
        #expect(pockets.count == 2)
        let ringed = try #require(pockets.first { $0.encircled }, "the ringed square is encircled")
        #expect(abs(ringed.areaKm2 - (c.pocketAreaKm2 ?? 0)) < 1e-6)
        #expect(ringed.hostileShare == 1)
        // Written back within ±180°, as two parts either side of the antimeridian.
        let b = try #require(ringed.geometry.bounds)
        #expect(b.minX >= -180 && b.maxX <= 180 && ringed.geometry.partCount == 2)
        for (road, state) in try roads(c) { try expectTruth(road, state, "antimeridian") }
    }

    @Test("overlaps are decided in lon/lat: an exact coverage with T-junctions passes with snap 60")
    func exactCoverageWithLongEdges() throws {
        let c = Self.truth.overlaps
        let pockets = try EnclosureAnalysis(map: map(c.coverage), options: EnclosureOptions(besieged: "opposition", snap: 60, closure: false),
                                            context: ctx).pockets(on: nil)
        #expect(pockets.count == 1)
    }

    @Test("an overlap names the overlapping pair and its geodesic area, past a same-controller duplicate")
    func overlapNamesTheRightPair() throws {
        let truth = Self.truth.overlaps.overlap
        let map = try map(Self.truth.overlaps.overlapping)
        let ws = try Workspace(map: map, layers: EnclosureLayers(), context: ctx)
        let found = try #require(try OverlapCheck(ws, tolerance: 1).firstOverlap(Array(map.areas.indices)))
        #expect([map.areas[found.i].feature, map.areas[found.j].feature] == truth.features)
        #expect(abs(found.area / truth.areaM2 - 1) < 1e-3, "\(found.area) m², pyproj \(truth.areaM2) m²")
        #expect(throws: SiegeInputError(file: "truth.geojson", feature: 0, "overlaps feature 3 by 0.83 km² "
                                            + "(`government` and `opposition` cannot both hold the same ground)")) {
            try EnclosureAnalysis(map: map, options: EnclosureOptions(besieged: "opposition", closure: false), context: ctx).pockets(on: nil)
        }
    }
}

/// A stray feature far away changes nothing near the siege: each measure is taken in a plane
/// near itself, never in one chosen by the whole map's extent.
@Suite struct FarFeatureTests {
    @Test("a 100 m square at (0, 0) leaves the Layramoun corridor's exposure as it was")
    func straySquare() throws {
        let ctx = try GEOSContext()
        let reader = GeoJSONReader(context: ctx)
        let folder = Repository.aleppo
        let map = try ControlMap(file: "map", features: reader.read(path: folder.appendingPathComponent("map.geojson").path))
        let routes = try RouteFile.load(file: "routes", features: reader.read(path: folder.appendingPathComponent("routes.geojson").path))
        let square = try ctx.rectangle(Bounds(minX: 0, minY: 0, maxX: 0.0009, maxY: 0.0009))
        let stray = ControlMap(file: "map", areas: map.areas + [ControlArea(feature: map.areas.count, geometry: square, controller: "government")])
        let day = Day(iso: "2016-07-07")
        func corridor(_ m: ControlMap) throws -> RouteState {
            try #require(try RouteAnalysis(map: m, routes: routes, options: RouteOptions(besieged: "opposition"), context: ctx)
                .states(on: day).first { $0.route.name == "Layramoun corridor" })
        }
        let alone = try corridor(map), withSquare = try corridor(stray)
        #expect(alone.exposedKm > 0.5)
        #expect(abs(withSquare.exposedKm / alone.exposedKm - 1) < 1e-3, "\(alone.exposedKm) km, with the square \(withSquare.exposedKm) km")
        #expect(withSquare.condition == alone.condition && withSquare.minDistanceM == alone.minDistanceM)
    }
}
