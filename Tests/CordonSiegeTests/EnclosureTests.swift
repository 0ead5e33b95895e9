import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// Constructed maps with answers worked out by hand, in metres (see MetricCanvas).
@Suite struct EnclosureTests {
    let canvas: MetricCanvas
    init() throws { canvas = try MetricCanvas() }

    func pockets(_ areas: [ControlArea], _ options: EnclosureOptions, day: String? = nil,
                 layers: EnclosureLayers = EnclosureLayers()) throws -> [Pocket] {
        let map = ControlMap(file: "test.geojson", areas: areas)
        return try EnclosureAnalysis(map: map, options: options, layers: layers, context: canvas.ctx)
            .pockets(on: day.flatMap { Day(iso: $0) })
    }

    @Test func islandInHostileGroundIsEncircled() throws {
        let areas = try canvas.map([(4000, 2000, 6000, 4000)], extent: (0, 0, 10_000, 6000))
        let p = try pockets(areas, EnclosureOptions(besieged: "opposition"))
        #expect(p.count == 1)
        #expect(p[0].encircled)
        #expect(p[0].closureM == 0)
        #expect(abs(p[0].hostileShare - 1) < 1e-9)  // every side faces government ground
        // 2 km × 2 km drawn in UTM: geodesic area is the planar one over the scale factor squared
        // pyproj on the same four corners: Geod(ellps="WGS84").geometry_area_perimeter of the box
        // (334000+4000 … +6000, 4008000+2000 … +4000) in EPSG:32637 -> 4.000645003 km², 8.000644912 km
        // (k = 0.99992 there, from pyproj's Proj("EPSG:32637").get_factors).
        #expect(abs(p[0].areaKm2 - 4.000_645_003) < 1e-6)
        #expect(abs(p[0].perimeterKm - 8.000_644_912) < 1e-6)
        #expect(p[0].population == 1000)
    }

    @Test func passageBetweenTwoHostileBlocksClosesAtHalfItsWidth() throws {
        // Pocket body 2 km × 2 km, reaching the western edge by a 400 m passage between hostile blocks.
        let areas = try canvas.map([(2000, 2000, 4000, 4000), (0, 2800, 2000, 3200)], extent: (0, 0, 10_000, 6000))
        let p = try pockets(areas, EnclosureOptions(besieged: "opposition"))
        #expect(p.count == 1)
        #expect(!p[0].encircled)
        let closure = try #require(p[0].closureM)
        #expect(abs(closure - 200) <= 25, "closure \(closure) m, expected 200 m (half of 400)")
    }

    @Test func passageBetweenHostileGroundAndTheEdgeClosesAtItsFullWidth() throws {
        // The way out is a base at the south-east corner; the pocket reaches it by a 300 m strip
        // along the southern edge of the map, which hostile ground can press from one side only.
        let areas = try canvas.map([(2000, 2000, 4000, 4000), (2900, 0, 3100, 2000), (3100, 0, 10_000, 300)],
                                   extent: (0, 0, 10_000, 6000))
        // A 200 m neck between hostile blocks closes first, at 100 m; widened to 1 km, the strip
        // along the edge is the bottleneck.
        let wide = try canvas.map([(2000, 2000, 4000, 4000), (2500, 0, 3500, 2000), (3500, 0, 10_000, 300)],
                                  extent: (0, 0, 10_000, 6000))
        let base = try canvas.box(9900, 0, 10_000, 100)
        let layers = EnclosureLayers(bases: [base])
        let narrow = try pockets(areas, EnclosureOptions(besieged: "opposition"), layers: layers)
        let neck = try #require(narrow[0].closureM)
        #expect(abs(neck - 100) <= 25, "closure \(neck) m, expected 100 m (half of the 200 m neck)")
        let p = try pockets(wide, EnclosureOptions(besieged: "opposition"), layers: layers)
        #expect(!p[0].encircled)
        let closure = try #require(p[0].closureM)
        #expect(abs(closure - 300) <= 25, "closure \(closure) m, expected 300 m (the full width)")
    }

    @Test func alliedGroundKeepsAPocketOpen() throws {
        // West of the pocket, an allied strip 2 km wide reaches the western edge.
        let rest = try canvas.metricBox(0, 0, 10_000, 6000).difference(canvas.metricBox(0, 2000, 6000, 4000))
        let areas = [
            canvas.area(0, try canvas.box(4000, 2000, 6000, 4000), "opposition"),
            canvas.area(1, try canvas.box(0, 2000, 4000, 4000), "kurdish"),
            canvas.area(2, try canvas.toLonLat.apply(rest), "government"),
        ]
        let alone = try pockets(areas, EnclosureOptions(besieged: "opposition"))
        #expect(alone[0].encircled)
        let allied = try pockets(areas, EnclosureOptions(besieged: "opposition", allies: ["kurdish"]))
        #expect(!allied[0].encircled)
        #expect(abs(allied[0].hostileShare - 0.75) < 1e-3)  // the western side faces the ally
        // The allied strip is 2 km wide: hostile ground from north and south closes it at 1 km.
        let closure = try #require(allied[0].closureM)
        #expect(abs(closure - 1000) <= 25, "closure \(closure) m, expected 1000 m")
    }

    @Test func pocketsAreNumberedByDescendingArea() throws {
        let areas = try canvas.map([(1000, 1000, 2000, 2000), (4000, 1000, 7000, 4000), (8000, 1000, 9000, 3000)],
                                   extent: (0, 0, 10_000, 6000))
        let p = try pockets(areas, EnclosureOptions(besieged: "opposition"))
        #expect(p.map(\.index) == [0, 1, 2])
        #expect(p[0].areaKm2 > p[1].areaKm2 && p[1].areaKm2 > p[2].areaKm2)
    }

    @Test func holesInTheStudyAreaLeadNowhere() throws {
        // A pocket ringing a hole in the map (no data) is still encircled: only outer rings lead out.
        let ring = try canvas.box(3000, 1000, 7000, 5000).difference(canvas.box(4000, 2000, 6000, 4000))
        let outer = try canvas.box(0, 0, 10_000, 6000).difference(canvas.box(3000, 1000, 7000, 5000))
        let areas = [canvas.area(0, ring, "opposition"), canvas.area(1, outer, "government")]
        let p = try pockets(areas, EnclosureOptions(besieged: "opposition"))
        #expect(p.count == 1 && p[0].encircled)
        // Its inner side faces no one: the hostile share is the outer ring's 16 km of 24 km.
        #expect(abs(p[0].hostileShare - 16.0 / 24.0) < 1e-3)
    }

    @Test func snapJoinsAreasAcrossNarrowGaps() throws {
        // Two besieged blocks 30 m apart: two pockets without snap, one with --snap 60.
        let areas = [canvas.area(0, try canvas.box(1000, 1000, 2000, 2000), "opposition"),
                     canvas.area(1, try canvas.box(2030, 1000, 3000, 2000), "opposition"),
                     canvas.area(2, try canvas.box(0, 0, 5000, 3000).difference(canvas.box(1000, 1000, 3000, 2000)), "government")]
        #expect(try pockets(areas, EnclosureOptions(besieged: "opposition")).count == 2)
        let joined = try pockets(areas, EnclosureOptions(besieged: "opposition", snap: 60))
        #expect(joined.count == 1)
        // The gap is filled: 1 km² + 0.97 km² + 30 m × 1 km = 2 km² planar; geodesic 2.0001
        // (the yardstick gives 2.000107 on the same map).
        #expect(abs(joined[0].areaKm2 - 2.000107) < 0.0005)
    }

    @Test func populationIsWeightedByAreaInside() throws {
        // A 2 km × 2 km district of 8,000 people, half of it inside the pocket: 4,000 inside.
        let areas = try canvas.map([(4000, 2000, 6000, 4000)], extent: (0, 0, 10_000, 6000))
        let layer = [PopulationArea(geometry: try canvas.box(3000, 2000, 5000, 4000), population: 8000)]
        // Shares are geodesic: a box drawn half inside in UTM is 50.0004 % inside on the ground
        // (the scale factor falls eastwards here), so "under half" is drawn at 49.5 %.
        let districts = [District(name: "under half", geometry: try canvas.box(2990, 2000, 4990, 4000)),
                         District(name: "most", geometry: try canvas.box(4200, 2000, 6200, 4000))]
        let p = try pockets(areas, EnclosureOptions(besieged: "opposition"),
                            layers: EnclosureLayers(population: layer, districts: districts))
        #expect(abs(p[0].population - 4000) < 1)
        #expect(p[0].districts == ["most"])  // "under half" is not more than half inside
    }
}

/// Near a pole, ground grown in a transverse Mercator plane no longer returns as a valid lon/lat
/// polygon (a cap up to 90° came back as slivers): such maps are refused, naming the feature.
@Suite struct PolarMapTests {
    @Test func aMapReachingBeyond85DegreesIsRefused() throws {
        let ctx = try GEOSContext()
        let cap = try ctx.rectangle(Bounds(minX: -180, minY: 89.7, maxX: 180, maxY: 90))
        let ring = try ctx.rectangle(Bounds(minX: -180, minY: 89, maxX: 180, maxY: 89.69))
        let map = ControlMap(file: "arctic.geojson", areas: [
            ControlArea(feature: 0, geometry: ring, controller: "b"),
            ControlArea(feature: 1, geometry: cap, controller: "a"),
        ])
        #expect(throws: SiegeInputError(file: "arctic.geojson", feature: 0,
                                        "reaches latitude 89.69°; Cordon analyses maps between -85.0° and 85.0° only")) {
            try EnclosureAnalysis(map: map, options: EnclosureOptions(besieged: "a", snap: 100), context: ctx)
        }
    }
}
