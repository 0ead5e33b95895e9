import Testing
@testable import CordonGeometry

/// Reference values from GeographicLib's own test suite and documentation
/// (Karney, geodesic.h examples; Planimeter tests), and from pyproj 3.x:
///   python3 -c "from pyproj import Geod; g=Geod(ellps='WGS84'); print(g.inv(-73.78,40.64,103.99,1.36))"
///   -> (3.3057734780176125, -2.5121597918448515, 15347512.94051294)
@Suite struct GeodesicTests {
    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    @Test func jfkToSingaporeMatchesGeographicLib() {
        let d = Geodesic.distance(Coordinate(-73.78, 40.64), Coordinate(103.99, 1.36))
        #expect(abs(d - 15_347_512.94051294) < 1e-6)
    }

    /// Short steps are measured in the tangent plane (see `Geodesic.stepDistance`): against pyproj
    /// (`Geod(ellps='WGS84').inv(37.15, 36.2, 37.158, 36.205)` -> 908.5385979525739 m, and
    /// `inv(-70.1, -84.9, -70.092, -84.908)` -> 896.9987258593853 m), and against PROJ's
    /// geod_inverse on 100,000 random steps up to the 0.01° limit, at every latitude it covers.
    @Test func shortStepsAgreeWithKarneysGeodesic() {
        #expect(abs(Geodesic.stepDistance(Coordinate(37.15, 36.2), Coordinate(37.158, 36.205)) - 908.5385979525739) < 1e-6)
        #expect(abs(Geodesic.stepDistance(Coordinate(-70.1, -84.9), Coordinate(-70.092, -84.908)) - 896.9987258593853) < 1e-5)
        var state: UInt64 = 12345
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var worst = 0.0
        for _ in 0..<100_000 {
            let a = Coordinate(uniform() * 360 - 180, uniform() * 170 - 85)
            let b = Coordinate(a.x + (uniform() * 2 - 1) * 0.01, a.y + (uniform() * 2 - 1) * 0.01)
            let exact = Geodesic.distance(a, b)
            guard exact > 1 else { continue }
            worst = max(worst, abs(Geodesic.stepDistance(a, b) - exact) / exact)
        }
        #expect(worst < 1e-8)
        // Beyond the limit, Karney's geodesic itself.
        let far = (Coordinate(37.15, 36.2), Coordinate(37.17, 36.2))
        #expect(Geodesic.stepDistance(far.0, far.1) == Geodesic.distance(far.0, far.1))
    }

    @Test func octantTriangleMatchesGeographicLibPlanimeterTest() {
        // Vertices (0N,0E), (0N,90E), (90N,0E): area 63758202715511 m², perimeter 30022685 m (±1).
        let r = Geodesic.ring([Coordinate(0, 0), Coordinate(90, 0), Coordinate(0, 90)])
        #expect(abs(r.area - 63_758_202_715_511) < 1)
        #expect(abs(r.perimeter - 30_022_685) < 1)
    }

    @Test func ringAreaIsSignedByWinding() {
        let ccw = [Coordinate(37, 36), Coordinate(37.01, 36), Coordinate(37.01, 36.01), Coordinate(37, 36.01)]
        let a = Geodesic.ring(ccw).area, b = Geodesic.ring(ccw.reversed()).area
        #expect(a > 0 && b < 0 && abs(a + b) < 1e-6)
    }

    @Test func polygonWithHoleSubtractsHoleAreaAndCountsTheExteriorPerimeter() throws {
        let shell = [Coordinate(37, 36), Coordinate(37.1, 36), Coordinate(37.1, 36.1), Coordinate(37, 36.1), Coordinate(37, 36)]
        let hole = [Coordinate(37.04, 36.04), Coordinate(37.04, 36.06), Coordinate(37.06, 36.06), Coordinate(37.06, 36.04), Coordinate(37.04, 36.04)]
        let donut = try ctx.polygon(shell, holes: [hole])
        let (a, p) = Geodesic.areaPerimeter(donut)
        let s = Geodesic.ring(shell), h = Geodesic.ring(hole)
        #expect(abs(a - (abs(s.area) - abs(h.area))) < 1e-6)
        #expect(abs(p - s.perimeter) < 1e-9)  // pyproj's convention: exterior perimeter only
        // pyproj 3 + shapely 2: Geod(ellps="WGS84").geometry_area_perimeter(Polygon(shell, [hole]))
        //   -> (95983063.05652809, 40213.32554422002)
        #expect(abs(a / 95_983_063.05652809 - 1) < 1e-9)
        #expect(abs(p / 40_213.32554422002 - 1) < 1e-9)
    }

    @Test func lineLengthSumsGeodesicSegments() throws {
        let pts = [Coordinate(37, 36), Coordinate(37.1, 36), Coordinate(37.1, 36.1)]
        let line = try ctx.lineString(pts)
        let expected = Geodesic.distance(pts[0], pts[1]) + Geodesic.distance(pts[1], pts[2])
        #expect(abs(Geodesic.length(line) - expected) < 1e-9)
        #expect(Geodesic.area(line) == 0)
        // A degree of latitude near 36 N is about 110.95 km.
        #expect(abs(Geodesic.distance(pts[1], pts[2]) - 11_095) < 5)
    }

    @Test func multiPolygonAddsParts() throws {
        let a = try Shapes.square(ctx, 37, 36, 0.01), b = try Shapes.square(ctx, 37.5, 36, 0.01)
        let m = try ctx.collection(.multiPolygon, [a, b])
        #expect(abs(Geodesic.area(m) - Geodesic.area(a) - Geodesic.area(b)) < 1e-6)
    }
}

@Suite struct ProjectionTests {
    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    @Test func utmZoneForAleppoIs37North() {
        #expect(Projection.utmEPSG(for: Coordinate(37.16, 36.2)) == 32637)
        #expect(Projection.utmEPSG(for: Coordinate(-58.4, -34.6)) == 32721)
        #expect(Projection.utmEPSG(for: Coordinate(180, 0)) == 32660)
    }

    @Test func centralMeridianMapsToFalseEasting() throws {
        let p = try Projection.toUTM(around: Coordinate(39, 36))
        let c = try p.apply(Coordinate(39, 0))  // zone 37 central meridian is 39 E
        #expect(abs(c.x - 500_000) < 1e-6)
        #expect(abs(c.y) < 1e-6)
    }

    @Test func planarOverGeodesicAreaIsScaleSquaredNearCentralMeridian() throws {
        // The UTM check (docs/design.md#metric-work-and-projections): about 0.9996² = 0.9992 near the central meridian.
        let sq = try Shapes.square(ctx, 38.95, 36.0, 0.1)
        let utm = try Projection.toUTM(around: Coordinate(39, 36)).apply(sq)
        let ratio = try utm.planarArea() / Geodesic.area(sq)
        #expect(abs(ratio - 0.9992) < 0.0002)
    }

    @Test func roundTripReturnsTheSameCoordinates() throws {
        let fwd = try Projection.toUTM(around: Coordinate(37.16, 36.2))
        let inv = try fwd.inverse()
        let c = Coordinate(37.1612345, 36.2012345)
        let back = try inv.apply(fwd.apply(c))
        #expect(abs(back.x - c.x) < 1e-9 && abs(back.y - c.y) < 1e-9)
    }

    @Test func unknownCRSIsAnErrorWithPROJText() throws {
        do {
            _ = try Projection(from: "EPSG:4326", to: "EPSG:999999")
            Issue.record("expected a PROJ error")
        } catch let GeometryError.proj(_, message) {
            #expect(!message.isEmpty)
        }
    }

    @Test func latitudeOutOfRangeIsAnError() throws {
        let p = try Projection.toUTM(around: Coordinate(37, 36))
        #expect(throws: GeometryError.self) { try p.apply(Coordinate(37, 95)) }
    }
}

@Suite struct ConcurrencyTests {
    /// Each task owns its own GEOS and PROJ contexts; run under `swift test --sanitize=thread`.
    @Test func manyTasksWorkInParallel() async throws {
        let results = try await withThrowingTaskGroup(of: Double.self) { group in
            for i in 0..<16 {
                group.addTask {
                    let ctx = try GEOSContext()
                    let utm = try Projection.toUTM(around: Coordinate(37, 36))
                    var total = 0.0
                    for j in 0..<50 {
                        let a = try Shapes.square(ctx, 37 + Double(j) * 0.001, 36, 0.01)
                        let b = try Shapes.square(ctx, 37.005 + Double(j) * 0.001, 36, 0.01)
                        let u = try utm.apply(a.union(b))
                        let tree = try STRtree([a, b], context: ctx)
                        total += try u.planarArea() * Double(tree.queryIndices(envelopeOf: a).count) / 2
                    }
                    return total + Double(i) * 0
                }
            }
            var all: [Double] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 16)
        #expect(Set(results.map { ($0 * 1e3).rounded() }).count == 1)  // every task computed the same
    }
}
