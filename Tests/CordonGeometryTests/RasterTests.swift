import Testing
@testable import CordonGeometry

/// The grid behind the closure search's first guess: shapes burnt in by cell centre, lines
/// traced cell by cell, and distances from marked cells, each against a count by hand or a
/// brute-force minimum over every marked cell.
@Suite struct RasterTests {
    let ctx: GEOSContext
    init() throws { ctx = try GEOSContext() }

    /// A 10 × 10 square with a 2 × 2 hole at (4, 4), on a 12 × 12 grid of unit cells from
    /// (−1, −1): centres at −0.5, 0.5, …, 10.5. Inside the square are the 10 × 10 centres 0.5 to
    /// 9.5; the hole holds the 2 × 2 centres 4.5 and 5.5: 100 − 4 = 96 cells.
    @Test func fillsBySquareCentreWithHoles() throws {
        let grid = try #require(RasterGrid(covering: Bounds(minX: -1, minY: -1, maxX: 11, maxY: 11), cell: 1))
        #expect(grid.columns == 12 && grid.rows == 12)
        var mask = [Bool](repeating: false, count: grid.count)
        grid.fill(try Shapes.squareWithHole(ctx), into: &mask)
        #expect(mask.filter { $0 }.count == 96)
        for i in 0..<grid.count {
            let c = grid.centre(i)
            let inSquare = c.x > 0 && c.x < 10 && c.y > 0 && c.y < 10
            let inHole = c.x > 4 && c.x < 6 && c.y > 4 && c.y < 6
            #expect(mask[i] == (inSquare && !inHole), "cell at \(c)")
        }
    }

    /// A sliver 0.2 wide between x = 3.1 and 3.3 holds no cell centre (column 4 is centred on 3.5), so filling marks
    /// nothing; tracing marks the cells of column 4 (x from 3 to 4, cells counted from −1) that
    /// it spans: rows 2 (y from 1 to 2, holding 1.5) to 8 (y from 7 to 8, holding 7.5).
    @Test func tracesWhatIsThinnerThanACell() throws {
        let grid = try #require(RasterGrid(covering: Bounds(minX: -1, minY: -1, maxX: 11, maxY: 11), cell: 1))
        let sliver = try ctx.polygon([Coordinate(3.1, 1.5), Coordinate(3.3, 1.5), Coordinate(3.3, 7.5),
                                      Coordinate(3.1, 7.5), Coordinate(3.1, 1.5)])
        var filled = [Bool](repeating: false, count: grid.count)
        grid.fill(sliver, into: &filled)
        #expect(!filled.contains(true))
        var traced = [Bool](repeating: false, count: grid.count)
        grid.trace(sliver, into: &traced)
        let marked = traced.indices.filter { traced[$0] }.map { ($0 % grid.columns, $0 / grid.columns) }
        #expect(marked.count == 7)
        #expect(marked.allSatisfy { $0.0 == 4 && (2...8).contains($0.1) }, "\(marked)")
    }

    /// Distances from random marked cells against the minimum over every marked cell.
    @Test func distancesAreTheNearestMarkedCentre() throws {
        var seed: UInt64 = 12345
        func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 }
        for (w, h, marks) in [(1, 1, 1), (7, 1, 2), (1, 9, 3), (23, 17, 5), (40, 31, 60), (16, 16, 0)] {
            let grid = try #require(RasterGrid(covering: Bounds(minX: 0, minY: 0, maxX: Double(w) * 2.5, maxY: Double(h) * 2.5), cell: 2.5))
            var mask = [Bool](repeating: false, count: grid.count)
            for _ in 0..<marks { mask[Int(next() % UInt64(grid.count))] = true }
            let d = DistanceTransform.distances(grid, from: mask)
            let sources = mask.indices.filter { mask[$0] }.map(grid.centre)
            for i in 0..<grid.count {
                let c = grid.centre(i)
                let brute = sources.map { ((c.x - $0.x) * (c.x - $0.x) + (c.y - $0.y) * (c.y - $0.y)).squareRoot() }.min() ?? .infinity
                #expect(d[i] == brute || abs(d[i] - brute) < 1e-9, "\(w)×\(h) cell \(i): \(d[i]) against \(brute)")
            }
        }
    }

    @Test func refusesGridsTooLargeOrUnmeasured() {
        let box = Bounds(minX: 0, minY: 0, maxX: 1000, maxY: 1000)
        #expect(RasterGrid(covering: box, cell: 0) == nil)
        #expect(RasterGrid(covering: box, cell: .nan) == nil)
        #expect(RasterGrid(covering: box, cell: 0.01, limit: 1_000_000) == nil)
        #expect(RasterGrid(covering: box, cell: 1, limit: 1_000_000)?.count == 1_000_000)
    }
}
