import Foundation
import Testing
@testable import CordonGeometry

/// The edge-cancelling dissolve against Shapely's `union_all` on the cases of
/// `Fixtures/dissolve/cases.json` (made by `make_cases.py` beside it; Shapely 2.2, GEOS 3.14).
@Suite struct CoverageDissolveTests {
    struct Case: Decodable {
        let parts: [String]
        /// Whether the parts form a clean coverage (shapely.coverage_is_valid).
        let clean: Bool
        let area: Double, length: Double
        let polygons: Int, holes: Int
        let valid: Bool
    }

    static let cases: [String: Case] = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/dissolve/cases.json")
        guard let data = try? Data(contentsOf: url), let cases = try? JSONDecoder().decode([String: Case].self, from: data)
        else { return [:] }
        return cases
    }()

    static let names = ["grid_with_hole", "hole_touching_shell", "corner_only", "chessboard", "island_in_hole",
                        "filled_hole", "mixed_orientation", "overlap", "duplicate", "mis_noded", "nested", "voronoi"]

    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    func parts(_ c: Case) throws -> [Geometry] {
        let reader = WKTReader(context: ctx)
        return try c.parts.map { try reader.read($0) }
    }

    @Test func everyCaseIsRecorded() {
        #expect(Set(Self.cases.keys) == Set(Self.names))
    }

    @Test(arguments: names) func dissolveMatchesShapely(_ name: String) throws {
        let c = try #require(Self.cases[name])
        let u = try ctx.dissolve(try parts(c))
        #expect(try u.isValid == c.valid)
        #expect(abs(try u.planarArea() - c.area) <= 1e-12 * c.area)
        #expect(abs(try u.planarLength() - c.length) <= 1e-12 * c.length)
        let polygons = try polygons(of: u)
        #expect(polygons.count == c.polygons)
        #expect(polygons.map(\.interiorRingCount).reduce(0, +) == c.holes)
    }

    /// The edges cancel on a clean coverage, and give the same point set as GEOS's full union;
    /// on anything else the cancelled edges are not a valid geometry and the caller must fall back.
    @Test(arguments: names) func fastPathOnlyOnCleanCoverages(_ name: String) throws {
        let c = try #require(Self.cases[name])
        let input = try parts(c)
        let fast = try CoverageDissolve.union(input, in: ctx)
        #expect((fast != nil) == c.clean)
        if let fast {
            let full = try ctx.union(input)
            #expect(try fast.symmetricDifference(full).planarArea() <= 1e-12 * c.area)
        }
    }

    /// More areas than one block (2,048): a 50 × 50 grid of unit squares where one square has
    /// an extra vertex in the middle of an edge its neighbour does not have. Cancelling fails
    /// for the whole set, so the blocks are dissolved one by one. By hand: one polygon, no
    /// hole, area 2,500, perimeter 200.
    @Test func largeInputWithOneMisNodedEdgeStillDissolves() throws {
        var cells: [Geometry] = []
        for x in 0..<50 {
            for y in 0..<50 {
                let (a, b) = (Double(x), Double(y))
                var ring = [Coordinate(a, b), Coordinate(a + 1, b), Coordinate(a + 1, b + 1), Coordinate(a, b + 1), Coordinate(a, b)]
                if x == 20 && y == 20 { ring.insert(Coordinate(a + 1, b + 0.5), at: 2) }
                cells.append(try ctx.polygon(ring))
            }
        }
        #expect(cells.count > GEOSContext.dissolveBlock)
        #expect(try CoverageDissolve.union(cells, in: ctx) == nil)
        let u = try ctx.dissolve(cells)
        #expect(try u.isValid)
        #expect(try polygons(of: u).count == 1)
        #expect(try polygons(of: u)[0].interiorRingCount == 0)
        #expect(abs(try u.planarArea() - 2500) < 1e-9)
        #expect(abs(try u.planarLength() - 200) < 1e-9)
    }

    private func polygons(of g: Geometry) throws -> [Geometry] {
        g.type == .polygon ? [g] : try g.polygons()
    }
}
