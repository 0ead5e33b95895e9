import Testing
@testable import CordonGeometry

/// The quick validity proof never calls an invalid polygon valid: checked against GEOS's own
/// validity (GEOSisValid_r through isValidByGEOS, an independent implementation) on hand-made cases and on random
/// small polygons, many of them self-intersecting.
@Suite struct QuickValidityTests {
    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    func polygon(_ points: [(Double, Double)]) throws -> Geometry {
        try ctx.polygon((points + [points[0]]).map { Coordinate($0.0, $0.1) })
    }

    @Test func provesASquareAndATriangle() throws {
        #expect(QuickValidity.provesValid(try polygon([(0, 0), (1, 0), (1, 1), (0, 1)])))
        #expect(QuickValidity.provesValid(try polygon([(0, 0), (1, 0), (0, 1)])))
    }

    /// Each of these is left to GEOS: a bow tie (invalid), a ring touching itself at a vertex
    /// (invalid), a spike going back along itself (invalid), a repeated point and a straight
    /// vertex (both valid for GEOS, but not proven here), and a polygon with a hole.
    @Test func leavesDoubtfulRingsToGEOS() throws {
        let cases: [(Geometry, Bool)] = [
            (try Shapes.bowTie(ctx), false),
            (try polygon([(0, 0), (2, 0), (2, 2), (1, 0), (0, 2)]), false),
            (try polygon([(0, 0), (2, 0), (3, 0), (2, 0), (2, 2), (0, 2)]), false),
            (try polygon([(0, 0), (1, 0), (1, 0), (1, 1), (0, 1)]), true),
            (try polygon([(0, 0), (1, 0), (2, 0), (2, 1), (0, 1)]), true),
            (try Shapes.squareWithHole(ctx), true),
        ]
        for (g, valid) in cases {
            #expect(!QuickValidity.provesValid(g))
            #expect((try g.isValidByGEOS) == valid)
            #expect(try g.isValid == valid)
            #expect(try (g.validityReason() == nil) == valid)
        }
    }

    /// 3,000 random polygons of 3 to 12 vertices on a small integer grid (so vertices often
    /// repeat or line up): whenever the quick proof says valid, GEOS agrees; and it proves a
    /// good share of the valid ones.
    @Test func neverDisagreesWithGEOSOnRandomPolygons() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {  // xorshift64: a fixed sequence
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        var proven = 0, valid = 0
        for _ in 0..<3000 {
            let k = 3 + next(10)
            let points = (0..<k).map { _ in (Double(next(8)), Double(next(8))) }
            let closedRing = (points + [points[0]]).map { Coordinate($0.0, $0.1) }
            guard let g = try? ctx.polygon(closedRing) else { continue }
            let geos = try g.isValidByGEOS
            if geos { valid += 1 }
            if QuickValidity.provesValid(g) {
                proven += 1
                #expect(geos, "proved valid but GEOS says otherwise: \(closedRing)")
            }
        }
        #expect(valid > 100)
        #expect(proven > valid / 4)
    }
}
