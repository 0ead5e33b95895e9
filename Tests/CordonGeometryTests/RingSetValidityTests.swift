import Testing
@testable import CordonGeometry

/// The coverage dissolve's quick proof of validity never calls an invalid set of rings valid:
/// checked against GEOS's own validity (GEOSisValid_r, an independent implementation) on
/// hand-made cases and on random rings on a small lattice, most of them invalid; and it proves
/// what map cells dissolve into (grid cells touching at corners included), so GEOS is rarely asked.
@Suite struct RingSetValidityTests {
    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    /// A set of rings (each a list of points, not closed); `shellOf[i]` nil for a shell, else
    /// the index of the shell ring a hole belongs to.
    struct Rings {
        var rings: [[(Double, Double)]]
        var shellOf: [Int?]
    }

    func proof(_ r: Rings) -> Bool {
        var ids: [String: Int32] = [:], xy: [Double] = []
        let rings = r.rings.map { ring in
            ring.map { p -> Int32 in
                let key = "\(p.0.bitPattern),\(p.1.bitPattern)"
                if let id = ids[key] { return id }
                let id = Int32(xy.count / 2)
                ids[key] = id
                xy += [p.0, p.1]
                return id
            }
        }
        return RingSetValidity(xy: xy, rings: rings, shellOf: r.shellOf).provesValid()
    }

    func geos(_ r: Rings) throws -> Bool {
        func closed(_ ring: [(Double, Double)]) -> [Coordinate] { (ring + [ring[0]]).map { Coordinate($0.0, $0.1) } }
        var polygons: [Geometry] = []
        for (i, ring) in r.rings.enumerated() where r.shellOf[i] == nil {
            let holes = r.rings.indices.filter { r.shellOf[$0] == i }.map { closed(r.rings[$0]) }
            polygons.append(try ctx.polygon(closed(ring), holes: holes))
        }
        let g = polygons.count == 1 ? polygons[0] : try ctx.collection(.multiPolygon, polygons)
        return try g.isValidByGEOS
    }

    func square(_ x: Double, _ y: Double, _ s: Double = 1, clockwise: Bool = false) -> [(Double, Double)] {
        let ring = [(x, y), (x + s, y), (x + s, y + s), (x, y + s)]
        return clockwise ? ring.reversed() : ring
    }

    /// Proven (and valid for GEOS): a square; a square with a hole; two squares meeting at a
    /// corner; a hole touching its shell at one corner; an island in a hole; a shell going
    /// straight on through a vertex; a cell meeting four others at its corners.
    @Test func provesWhatIsValid() throws {
        let cases = [
            Rings(rings: [square(0, 0)], shellOf: [nil]),
            Rings(rings: [square(0, 0, 4), square(1, 1, 2, clockwise: true)], shellOf: [nil, 0]),
            Rings(rings: [square(0, 0), square(1, 1)], shellOf: [nil, nil]),
            Rings(rings: [square(0, 0, 4), [(0, 0), (1, 2), (2, 1)]], shellOf: [nil, 0]),
            Rings(rings: [square(0, 0, 6), square(1, 1, 4, clockwise: true), square(2, 2, 2)], shellOf: [nil, 0, nil]),
            Rings(rings: [[(0, 0), (1, 0), (2, 0), (2, 1), (0, 1)]], shellOf: [nil]),
            // A cell touching four others at its four corners: no vertex of its own.
            Rings(rings: [square(1, 1), square(0, 0), square(2, 0), square(2, 2), square(0, 2)], shellOf: [nil, nil, nil, nil, nil]),
        ]
        for c in cases {
            #expect(try geos(c))
            #expect(proof(c))
        }
    }

    /// Left to GEOS, and invalid there: a hole touching its shell at two corners (its inside in
    /// two); squares overlapping; a shell inside another; a hole outside its shell; a hole in a
    /// hole; two triangles from a common vertex overlapping; a hole given to the wrong shell.
    @Test func leavesWhatIsInvalidToGEOS() throws {
        let cases = [
            Rings(rings: [square(0, 0, 4), [(0, 0), (4, 4), (1, 3)]], shellOf: [nil, 0]),
            Rings(rings: [square(0, 0, 2), square(1, 1, 2)], shellOf: [nil, nil]),
            Rings(rings: [square(0, 0, 4), square(1, 1)], shellOf: [nil, nil]),
            Rings(rings: [square(0, 0), square(3, 3, 1, clockwise: true)], shellOf: [nil, 0]),
            Rings(rings: [square(0, 0, 6), square(1, 1, 4, clockwise: true), square(2, 2, 2, clockwise: true)],
                  shellOf: [nil, 0, 0]),
            Rings(rings: [[(0, 0), (2, 0), (2, 2)], [(2, 0), (4, 2), (0, 2)]], shellOf: [nil, nil]),
            Rings(rings: [square(0, 0, 2), square(5, 5, 2), square(5.5, 5.5, 1, clockwise: true)], shellOf: [nil, nil, 0]),
        ]
        for c in cases {
            #expect(try !geos(c))
            #expect(!proof(c))
        }
    }

    /// Random shells and holes with vertices on a 5 × 5 lattice: they cross, touch, overlap and
    /// nest every way. Whatever is proven is valid for GEOS.
    @Test func neverProvesAnInvalidSet() throws {
        var rng = SplitMix(seed: 17)
        var proven = 0, invalid = 0
        for _ in 0..<3000 {
            var r = Rings(rings: [], shellOf: [])
            var shells: [Int] = []
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let n = 3 + Int(rng.next() % 3)
                let ring = (0..<n).map { _ in (Double(rng.next() % 5), Double(rng.next() % 5)) }
                if shells.isEmpty || rng.next() % 2 == 0 {
                    shells.append(r.rings.count)
                    r.shellOf.append(nil)
                } else {
                    r.shellOf.append(shells[Int(rng.next() % UInt64(shells.count))])
                }
                r.rings.append(ring)
            }
            // GEOS cannot build rings of fewer than 3 distinct points: the proof refuses them too.
            guard r.rings.allSatisfy({ Set($0.map { "\($0.0),\($0.1)" }).count == $0.count }) else {
                #expect(!proof(r))
                continue
            }
            let valid = try geos(r)
            if !valid { invalid += 1 }
            if proof(r) {
                proven += 1
                #expect(valid, "\(r.rings) \(r.shellOf)")
            }
        }
        #expect(proven > 100 && invalid > 1000)
    }

    /// Thousands of rings (their nesting found through a grid of their boxes, not every pair):
    /// a 70 × 70 checkerboard (2,450 cells meeting at corners) as islands in the hole of a frame
    /// is proven; one shell more, inside a cell, is not (GEOS: invalid).
    @Test func provesThousandsOfRingsAndStillFindsOneNested() throws {
        var r = Rings(rings: [square(-10, -10, 90), square(-5, -5, 80, clockwise: true)], shellOf: [nil, 0])
        for x in 0..<70 { for y in 0..<70 where (x + y) % 2 == 0 {
            r.rings.append(square(Double(x), Double(y)))
            r.shellOf.append(nil)
        } }
        #expect(r.rings.count == 2452)
        #expect(try geos(r))
        #expect(proof(r))
        r.rings.append(square(40.25, 20.25, 0.5))
        r.shellOf.append(nil)
        #expect(try !geos(r))
        #expect(!proof(r))
    }

    /// Random sets of cells of a 12 × 12 grid, dissolved: every result GEOS finds valid, and
    /// most of them (cells meeting at corners, holes touching their shells) proven without it.
    @Test func provesMostDissolvedGrids() throws {
        var rng = SplitMix(seed: 5)
        var proven = 0
        for _ in 0..<60 {
            var cells: [Geometry] = []
            for x in 0..<12 { for y in 0..<12 where rng.next() % 2 == 0 {
                cells.append(try ctx.rectangle(Bounds(minX: Double(x), minY: Double(y), maxX: Double(x + 1), maxY: Double(y + 1))))
            } }
            let u = try ctx.union(cells)
            #expect(try u.isValidByGEOS)
            var r = Rings(rings: [], shellOf: [])
            for p in u.type == .polygon ? [u] : try u.polygons() {
                let shell = r.rings.count
                r.rings.append(p.exteriorRing!.coordinates.dropLast().map { ($0.x, $0.y) })
                r.shellOf.append(nil)
                for i in 0..<p.interiorRingCount {
                    r.rings.append(p.interiorRing(i)!.coordinates.dropLast().map { ($0.x, $0.y) })
                    r.shellOf.append(shell)
                }
            }
            if proof(r) { proven += 1 }
            // The dissolve itself, proven or checked by GEOS, holds the same ground as GEOS's union.
            #expect(try ctx.dissolve(cells).symmetricDifference(u).planarArea() < 1e-9)
        }
        #expect(proven >= 30)
    }
}

/// A small reproducible generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
