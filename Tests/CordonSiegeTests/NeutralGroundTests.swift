import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// A neutral strip between besieged and hostile ground (docs/design.md#neutral-ground), with
/// answers worked out by hand in metres (MetricCanvas). The map, drawn in UTM (k = 0.999919):
///
///     government everywhere else in 0…10,000 × 0…6,000
///     un          3,000…4,000 × 2,000…4,000   a 1 km strip along the pocket's western side
///     opposition  4,000…6,000 × 2,000…4,000   the pocket, 2 km × 2 km
///
/// Listed as neutral, `un` stops being hostile: the pocket's western side no longer counts in
/// `hostile_share`, a road into the strip is no longer cut, a road beside it no longer under
/// fire. The pocket stays encircled: neutral ground is no way out.
@Suite struct NeutralGroundTests {
    let canvas: MetricCanvas
    init() throws { canvas = try MetricCanvas() }
    let k = 0.999_919  // as RouteTests: pyproj's meridional scale of EPSG:32637 at the site

    /// The map above; with `reachingEdge`, the strip runs on west to the map's edge (0…4,000).
    func strip(reachingEdge: Bool = false) throws -> ControlMap {
        let west = reachingEdge ? 0.0 : 3000
        let pocket = try canvas.metricBox(4000, 2000, 6000, 4000), un = try canvas.metricBox(west, 2000, 4000, 4000)
        let rest = try canvas.metricBox(0, 0, 10_000, 6000).difference(canvas.ctx.union([pocket, un]))
        return ControlMap(file: "strip.geojson", areas: [
            canvas.area(0, try canvas.toLonLat.apply(pocket), "opposition", population: 1000),
            canvas.area(1, try canvas.toLonLat.apply(un), "un"),
            canvas.area(2, try canvas.toLonLat.apply(rest), "government"),
        ])
    }

    func pocket(_ map: ControlMap, _ options: EnclosureOptions) throws -> Pocket {
        let pockets = try EnclosureAnalysis(map: map, options: options, context: canvas.ctx).pockets(on: nil)
        #expect(pockets.count == 1)
        return try #require(pockets.first)
    }

    @Test func neutralStripLeavesHostileShare() throws {
        let map = try strip()
        let counted = try pocket(map, EnclosureOptions(besieged: "opposition", closure: false))
        #expect(abs(counted.hostileShare - 1) < 1e-9)  // un counted hostile: every side faces the enemy
        let neutral = try pocket(map, EnclosureOptions(besieged: "opposition", neutral: ["un"], closure: false))
        // North, south and east sides (6 km) face government; of the western side only the last
        // t = 1 m at each end lies within 1 m of the government ground beyond the strip's corners:
        // (6000 + 2) / 8000 = 0.75025. The scale factor cancels in the ratio.
        #expect(abs(neutral.hostileShare - 6002.0 / 8000) < 2e-5, "share \(neutral.hostileShare)")
        // Encirclement is unchanged: the strip is no way out.
        #expect(counted.encircled && neutral.encircled)
    }

    @Test func neutralGroundIsPassableOnlyWhenAlsoAllied() throws {
        // The strip now reaches the western edge, the way out.
        let map = try strip(reachingEdge: true)
        let neutral = try pocket(map, EnclosureOptions(besieged: "opposition", neutral: ["un"]))
        #expect(neutral.encircled)
        #expect(neutral.closureM == 0)
        let allied = try pocket(map, EnclosureOptions(besieged: "opposition", allies: ["un"], neutral: ["un"]))
        #expect(!allied.encircled)
        #expect(abs(allied.hostileShare - 6002.0 / 8000) < 2e-5, "share \(allied.hostileShare)")
        // The 2 km strip closes from north and south at 1 km, as an ally's strip does (EnclosureTests).
        let closure = try #require(allied.closureM)
        #expect(abs(closure - 1000) <= 25, "closure \(closure) m, expected 1000 m")
    }

    func states(_ map: ControlMap, neutral: [String], range: Double) throws -> [String: RouteState] {
        // Into the strip: from the pocket's centre west to the strip's middle, like a road to an airport.
        let intoStrip = Route(feature: 0, name: "airport road", kind: .supply, geometry: try canvas.line([(5000, 3000), (3500, 3000)]))
        // Inside the pocket, 200 m east of the strip, 500 m from the government ground north and south.
        let beside = Route(feature: 1, name: "inner road", kind: .supply, geometry: try canvas.line([(4200, 2500), (4200, 3500)]))
        let options = RouteOptions(besieged: "opposition", neutral: neutral, fireRange: range)
        let states = try RouteAnalysis(map: map, routes: [intoStrip, beside], options: options, context: canvas.ctx).states(on: nil)
        return Dictionary(uniqueKeysWithValues: states.map { ($0.route.name, $0) })
    }

    @Test func neutralStripNeitherCutsNorFiresOnRoutes() throws {
        let map = try strip()
        let counted = try states(map, neutral: [], range: 400)
        let road = try #require(counted["airport road"]), inner = try #require(counted["inner road"])
        #expect(road.condition == .cut)
        #expect(abs(road.hostileKm - 0.5 / k) < 1e-5, "hostile \(road.hostileKm) km, expected the 500 m inside the strip")
        #expect(inner.condition == .underFire)
        #expect(abs(try #require(inner.minDistanceM) - 200 / k) < 0.05)
        #expect(abs(inner.exposedKm - 1 / k) < 1e-4, "exposed \(inner.exposedKm) km: all of it lies within 400 m of the strip")

        let neutral = try states(map, neutral: ["un"], range: 400)
        let road2 = try #require(neutral["airport road"]), inner2 = try #require(neutral["inner road"])
        // The road ends in the strip's middle, 500 m from the government ground west of it and
        // 1 km from that north and south: beyond the 400 m range.
        #expect(road2.condition == .open)
        #expect(road2.hostileKm == 0 && road2.exposedKm == 0)
        #expect(abs(try #require(road2.minDistanceM) - 500 / k) < 0.05, "\(road2.minDistanceM as Any)")
        // The inner road's ends lie 500 m from the government ground beyond the pocket.
        #expect(inner2.condition == .open)
        #expect(abs(try #require(inner2.minDistanceM) - 500 / k) < 0.05, "\(inner2.minDistanceM as Any)")
        // With a 600 m range the government ground reaches it again: neutral ground hides nothing.
        let wider = try states(map, neutral: ["un"], range: 600)
        #expect(wider["airport road"]?.condition == .underFire)
        #expect(wider["inner road"]?.condition == .underFire)
    }

    @Test func frontsLabelNeutralGround() throws {
        let map = try strip()
        let pocketLL = try canvas.box(4000, 2000, 6000, 4000)
        func fronts(_ neutral: [String]) throws -> [String: Double] {
            let analysis = try FrontAnalysis(map: map, options: EnclosureOptions(besieged: "opposition", neutral: neutral),
                                             context: canvas.ctx)
            return Dictionary(uniqueKeysWithValues: try analysis.fronts(of: pocketLL, neighbours: [], on: nil)
                .map { ($0.across.description, $0.lengthKm) })
        }
        let counted = try fronts([])
        #expect(Set(counted.keys) == ["government", "un"])
        let neutral = try fronts(["un"])
        #expect(Set(neutral.keys) == ["government", "neutral"])
        // Government takes its 6 km and the metre at each end of the western side; neutral the rest.
        #expect(abs(try #require(neutral["government"]) - 6.002 / k) < 1e-4)
        #expect(abs(try #require(neutral["neutral"]) - 1.998 / k) < 1e-4)
    }

    @Test func aNeutralControllerMissingFromTheMapIsNamed() throws {
        #expect(throws: SiegeInputError.self) {
            _ = try EnclosureAnalysis(map: try strip(), options: EnclosureOptions(besieged: "opposition", neutral: ["unhcr"]),
                                      context: canvas.ctx)
        }
    }
}
