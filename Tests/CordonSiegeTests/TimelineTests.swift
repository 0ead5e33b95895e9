import CordonCore
import CordonGeometry
import Testing
@testable import CordonSiege

/// A pocket encircled, briefly reopened and encircled again, as eastern Aleppo was in 2016.
@Suite struct TimelineTests {
    let canvas: MetricCanvas
    init() throws { canvas = try MetricCanvas() }

    /// Body always besieged; a 400 m passage to the western edge held by the besieged
    /// before 17 July and from 6 August to 4 September, by the government otherwise;
    /// an unrelated change on 1 October.
    func aleppoLikeMap() throws -> ControlMap {
        let body = try canvas.box(2000, 2000, 4000, 4000)
        let passage = try canvas.box(0, 2800, 2000, 3200)
        let rest = try canvas.metricBox(0, 0, 10_000, 6000)
            .difference(canvas.ctx.union([canvas.metricBox(2000, 2000, 4000, 4000), canvas.metricBox(0, 2800, 2000, 3200)]))
        let farEast = try canvas.metricBox(9000, 0, 10_000, 1000)
        var areas = [
            canvas.area(0, body, "opposition", population: 250_000),
            canvas.area(1, passage, "opposition", until: "2016-07-17"),
            canvas.area(2, passage, "government", from: "2016-07-17", until: "2016-08-06"),
            canvas.area(3, passage, "opposition", from: "2016-08-06", until: "2016-09-04"),
            canvas.area(4, passage, "government", from: "2016-09-04"),
        ]
        areas.append(canvas.area(5, try canvas.toLonLat.apply(rest.difference(farEast)), "government"))
        areas.append(canvas.area(6, try canvas.toLonLat.apply(farEast), "government", until: "2016-10-01"))
        areas.append(canvas.area(7, try canvas.toLonLat.apply(farEast), "kurdish", from: "2016-10-01"))
        return ControlMap(file: "aleppo-like.geojson", areas: areas)
    }

    @Test func periodsFollowTheChangeDates() throws {
        let map = try aleppoLikeMap()
        #expect(map.periods.map { $0.from?.description ?? "-" } == ["-", "2016-07-17", "2016-08-06", "2016-09-04", "2016-10-01"])
        #expect(map.periods.map { $0.until?.description ?? "-" } == ["2016-07-17", "2016-08-06", "2016-09-04", "2016-10-01", "-"])
    }

    @Test func sinceRestartsAtTheSecondEncirclement() async throws {
        let pockets = try await EnclosureTimeline.run(
            map: aleppoLikeMap(), options: EnclosureOptions(besieged: "opposition"), jobs: 3)
        let largest = pockets.filter { $0.index == 0 }
        #expect(largest.map(\.encircled) == [false, true, false, true, true])
        #expect(largest.map { $0.since?.description ?? "-" } == ["-", "2016-07-17", "-", "2016-09-04", "2016-09-04"])
        #expect(largest.allSatisfy { abs($0.population - 250_000) < 1 })
        // Open periods have a closure distance: half the 400 m passage.
        for p in largest where !p.encircled { #expect(abs((p.closureM ?? 0) - 200) <= 25) }
    }

    /// A dated map on a 10 km × 6 km canvas: in each period (from, until), the opposition holds
    /// the boxes (metres) and the government the rest.
    func boxesMap(_ file: String, _ periods: [(String?, String?, [(Double, Double, Double, Double)])]) throws -> ControlMap {
        var areas: [ControlArea] = []
        for (from, until, boxes) in periods {
            for area in try canvas.map(boxes, extent: (0, 0, 10_000, 6000)) {
                areas.append(canvas.area(areas.count, area.geometry, area.controller, from: from, until: until,
                                         population: area.population))
            }
        }
        return ControlMap(file: file, areas: areas)
    }

    /// Two pockets encircled on different days merge, then split again (docs/design.md#since).
    /// Worked out by hand from the rule, in metres on a 10 km × 6 km map held by the government:
    ///
    ///     before 1 July   A (3 × 3 km) and B (2 × 2 km), each with a passage to the edge: open
    ///     from 1 July     A's passage falls: A encircled, since 1 July
    ///     from 5 July     B's passage falls: B encircled, since 5 July
    ///     from 10 July    A is overrun but for its eastern 1 km strip, which a bridge joins to B:
    ///                     one pocket sharing 3 km² with A (the first and larger pocket before)
    ///                     and 4 km² with B, so it takes B's date, 5 July
    ///     from 20 July    the bridge falls: B and the strip, both keeping 5 July
    ///
    /// Numbers (docs/design.md#pocket-numbers): A #0 and B #1 by area; the joined pocket of
    /// 10 July continues B (4 km² of its 7), so it is #1; on 20 July B (4 km², the larger)
    /// keeps #1 and the strip, which continues the same pocket, takes the next number, #2.
    @Test func sinceFollowsTheLargestSharedGroundThroughAMergeAndASplit() async throws {
        let a = (1000.0, 1000.0, 4000.0, 4000.0), b = (6000.0, 1000.0, 8000.0, 3000.0)
        let west = (0.0, 2300.0, 1000.0, 2700.0), east = (8000.0, 1800.0, 10_000.0, 2200.0)
        let strip = (3000.0, 1000.0, 4000.0, 4000.0), bridge = (4000.0, 1800.0, 6000.0, 2200.0)
        let periods: [(String?, String?, [(Double, Double, Double, Double)])] = [
            (nil, "2016-07-01", [a, west, b, east]),
            ("2016-07-01", "2016-07-05", [a, b, east]),
            ("2016-07-05", "2016-07-10", [a, b]),
            ("2016-07-10", "2016-07-20", [strip, bridge, b]),
            ("2016-07-20", nil, [strip, b]),
        ]
        let pockets = try await EnclosureTimeline.run(map: boxesMap("merge.geojson", periods),
                                                      options: EnclosureOptions(besieged: "opposition", closure: false), jobs: 2)
        let rows = pockets.map {
            "\($0.period?.from?.description ?? "-") #\($0.index) \($0.status) since \($0.since?.description ?? "-")"
        }
        #expect(rows == [
            "- #0 open since -", "- #1 open since -",
            "2016-07-01 #0 encircled since 2016-07-01", "2016-07-01 #1 open since -",
            "2016-07-05 #0 encircled since 2016-07-01", "2016-07-05 #1 encircled since 2016-07-05",
            "2016-07-10 #1 encircled since 2016-07-05",
            "2016-07-20 #1 encircled since 2016-07-05", "2016-07-20 #2 encircled since 2016-07-05",
        ])
        // The areas that decide it: B (#1 from 20 July, 4 km², first by area) and the strip (#2, 3 km²).
        let last = pockets.filter { $0.period?.from == Day(iso: "2016-07-20") }
        #expect(last.count == 2 && abs(last[0].areaKm2 - 4) < 0.01 && abs(last[1].areaKm2 - 3) < 0.01)
    }

    /// A pocket keeps its number when another outgrows it (docs/design.md#pocket-numbers), so
    /// on a 10 km × 6 km map where A (3 × 3 km) stays and B grows from 2 × 2 km to 4 × 3 km on
    /// 1 July, A is #0 throughout and one feature; B is #1 in both periods, two features.
    @Test func aPocketKeepsItsNumberWhenAnotherOutgrowsIt() async throws {
        let a = (1000.0, 1000.0, 4000.0, 4000.0)
        let periods: [(String?, String?, [(Double, Double, Double, Double)])] = [
            (nil, "2016-07-01", [a, (6000.0, 1000.0, 8000.0, 3000.0)]),
            ("2016-07-01", nil, [a, (5000.0, 1000.0, 9000.0, 4000.0)]),
        ]
        let pockets = try await EnclosureTimeline.run(map: boxesMap("grow.geojson", periods),
                                                      options: EnclosureOptions(besieged: "opposition", closure: false), jobs: 1)
        // Each period's pockets by area: 9 and 4 km², then 12 (B) and 9 (A).
        #expect(pockets.map { (($0.areaKm2 * 10).rounded() / 10, $0.index) }.map { "\($0.0) #\($0.1)" }
                == ["9.0 #0", "4.0 #1", "12.0 #1", "9.0 #0"])
        let written = try FeatureSpans.merged(pockets.map { $0.feature() })
        #expect(written.map { $0.properties["pocket"] } == [.number(0), .number(1), .number(1)])
        #expect(written[0].properties["until"] == nil && written[0].properties["from"] == nil)
    }

    /// A pocket encircled when the map begins (Deir ez-Zor's enclave) stays `since` null while
    /// it shrinks: the map never says when that encirclement began (docs/design.md#since).
    @Test func anEncirclementOlderThanTheMapStaysWithoutADate() async throws {
        let pockets = try await EnclosureTimeline.run(map: boxesMap("enclave.geojson", [
            (nil, "2016-01-16", [(1000.0, 1000.0, 5000.0, 5000.0)]),
            ("2016-01-16", "2016-09-17", [(1000.0, 1000.0, 4000.0, 5000.0)]),
            ("2016-09-17", nil, [(1000.0, 1000.0, 3000.0, 5000.0)]),
        ]), options: EnclosureOptions(besieged: "opposition", closure: false), jobs: 1)
        #expect(pockets.map(\.encircled) == [true, true, true])
        #expect(pockets.map(\.since) == [nil, nil, nil])
    }

    @Test func timelineFeaturesCarryFromUntilAndSince() async throws {
        let pockets = try await EnclosureTimeline.run(
            map: aleppoLikeMap(), options: EnclosureOptions(besieged: "opposition"), jobs: 2)
        let first = pockets[0].feature().properties, second = pockets[1].feature().properties
        #expect(first["from"] == nil && first["until"] == .string("2016-07-17") && first["since"] == .null)
        #expect(second["from"] == .string("2016-07-17") && second["since"] == .string("2016-07-17"))
        #expect(second["status"] == .string("encircled") && second["encircled"] == .bool(true))
    }

    @Test func oneWorkerAndManyGiveTheSameAnswer() async throws {
        let map = try aleppoLikeMap()
        let one = try await EnclosureTimeline.run(map: map, options: EnclosureOptions(besieged: "opposition"), jobs: 1)
        let four = try await EnclosureTimeline.run(map: map, options: EnclosureOptions(besieged: "opposition"), jobs: 4)
        let w = GeoJSONWriter()
        #expect(try w.collection(one.map { $0.feature() }) == w.collection(four.map { $0.feature() }))
    }

    @Test func aDateTakesTheMapOfThatDay() throws {
        let analysis = try EnclosureAnalysis(map: aleppoLikeMap(), options: EnclosureOptions(besieged: "opposition"),
                                             context: canvas.ctx)
        #expect(try analysis.pockets(on: Day(iso: "2016-07-16"))[0].encircled == false)
        #expect(try analysis.pockets(on: Day(iso: "2016-07-17"))[0].encircled == true)
        #expect(try analysis.pockets(on: Day(iso: "2016-08-06"))[0].encircled == false)
    }
}

/// Bad maps: one clear error naming the file and feature.
@Suite struct ControlMapInputTests {
    let canvas: MetricCanvas
    init() throws { canvas = try MetricCanvas() }

    func feature(_ g: Geometry?, _ props: JSONObject) -> Feature { Feature(geometry: g, properties: props) }

    @Test func unknownBesiegedControllerListsTheKnownOnes() throws {
        let map = ControlMap(file: "m.geojson", areas: try canvas.map([(0, 0, 100, 100)], extent: (-100, -100, 200, 200)))
        do {
            _ = try EnclosureAnalysis(map: map, options: EnclosureOptions(besieged: "rebels"), context: canvas.ctx)
            Issue.record("expected an error")
        } catch let e as SiegeInputError {
            #expect(e.description.contains("`rebels` never appears"))
            #expect(e.description.contains("government, opposition"))
        }
        #expect(throws: SiegeInputError.self) {
            try EnclosureAnalysis(map: map, options: EnclosureOptions(besieged: "opposition", allies: ["sdf"]), context: canvas.ctx)
        }
    }

    @Test func overlapAcrossControllersNamesBothFeaturesAndTheArea() throws {
        let areas = [canvas.area(0, try canvas.box(0, 0, 1000, 1000), "opposition"),
                     canvas.area(1, try canvas.box(900, 0, 2000, 1000), "government")]  // 100 m × 1 km overlap
        let analysis = try EnclosureAnalysis(map: ControlMap(file: "m.geojson", areas: areas),
                                             options: EnclosureOptions(besieged: "opposition"), context: canvas.ctx)
        do {
            _ = try analysis.pockets(on: nil)
            Issue.record("expected an overlap error")
        } catch let e as SiegeInputError {
            #expect(e.description.hasPrefix("m.geojson: feature 0: overlaps feature 1 by "))
            // 0.1 km² planar in UTM; geodesic about 100,007 m², written in km².
            #expect(e.description.contains("0.1 km²"))
        }
    }

    @Test func overlapThinnerThanTheToleranceIsAccepted() throws {
        let areas = [canvas.area(0, try canvas.box(0, 0, 1000, 1000), "opposition"),
                     canvas.area(1, try canvas.box(999.5, 0, 2000, 1000), "government")]  // 0.5 m sliver
        let analysis = try EnclosureAnalysis(map: ControlMap(file: "m.geojson", areas: areas),
                                             options: EnclosureOptions(besieged: "opposition"), context: canvas.ctx)
        #expect(try analysis.pockets(on: nil).count == 1)
    }

    @Test func badDatesNameTheFeature() throws {
        let g = try canvas.box(0, 0, 10, 10)
        #expect(throws: SiegeInputError(file: "m", feature: 0, "`from` must be an ISO date (YYYY-MM-DD), got \"17/07/2016\"")) {
            try ControlMap(file: "m", features: [feature(g, ["controller": "a", "from": "17/07/2016"])])
        }
        #expect(throws: SiegeInputError(file: "m", feature: 1, "`from` 2016-08-01 is not before `until` 2016-07-01")) {
            try ControlMap(file: "m", features: [feature(g, ["controller": "a"]),
                                                 feature(g, ["controller": "a", "from": "2016-08-01", "until": "2016-07-01"])])
        }
    }

    @Test func missingControllerAndWrongGeometryAreNamed() throws {
        let g = try canvas.box(0, 0, 10, 10)
        #expect(throws: SiegeInputError.self) { try ControlMap(file: "m", features: [feature(g, ["name": "x"])]) }
        let line = try canvas.line([(0, 0), (10, 10)])
        do {
            _ = try ControlMap(file: "m", features: [feature(line, ["controller": "a"])])
            Issue.record("expected an error: a LineString is no control area")
        } catch let e as SiegeInputError {
            #expect(e.description == "m: feature 0: is a LineString; a control area must be a Polygon or MultiPolygon")
        }
    }

    @Test func invalidGeometryIsAnErrorUnlessRepaired() throws {
        let bow = try canvas.ctx.polygon([Coordinate(37, 36), Coordinate(37.01, 36.01), Coordinate(37.01, 36),
                                          Coordinate(37, 36.01), Coordinate(37, 36)])
        do {
            _ = try ControlMap(file: "m", features: [feature(bow, ["controller": "a"])])
            Issue.record("expected an error")
        } catch let e as SiegeInputError {
            #expect(e.description.contains("feature 0: invalid geometry: Self-intersection"))
        }
        var mended: [Int] = []
        let map = try ControlMap(file: "m", features: [feature(bow, ["controller": "a"])], repair: true) { i, _ in mended.append(i) }
        #expect(mended == [0])
        #expect(try map.areas[0].geometry.isValid)
    }
}
