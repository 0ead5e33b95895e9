import Foundation
import Testing
@testable import CordonGeometry

/// The locator's cell grid answers most points from a cell's centre; it must answer every point
/// as the band test does (and as GEOS's prepared `covers` does, `EvidenceTests`), on polygons
/// that overlap, nest, share edges and have holes, whose edges run at every slope.
@Suite struct PointLocatorTests {
    @Test func theCellGridAnswersAsTheBandTestDoes() throws {
        let ctx = try GEOSContext()
        var state: UInt64 = 99
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var polygons: [Geometry] = []
        for k in 0..<300 {
            let cx = uniform() * 10, cy = uniform() * 6, r = 0.05 + uniform() * 0.3
            // Stars with 5 to 12 points (concave, edges at every slope); every third with a hole.
            let n = 5 + k % 8
            let shell = (0...(2 * n)).map { i -> Coordinate in
                let a = Double(i % (2 * n)) * .pi / Double(n), rr = i % 2 == 0 ? r : r * 0.5
                return Coordinate(cx + rr * cos(a), cy + rr * sin(a))
            }
            let hole = k % 3 == 0 ? [[Coordinate(cx - r * 0.2, cy - r * 0.2), Coordinate(cx + r * 0.2, cy - r * 0.2),
                                      Coordinate(cx + r * 0.2, cy + r * 0.2), Coordinate(cx - r * 0.2, cy + r * 0.2),
                                      Coordinate(cx - r * 0.2, cy - r * 0.2)]] : []
            polygons.append(try ctx.polygon(shell, holes: hole))
        }
        // Squares on a lattice sharing their edges, as a control map's cells do.
        for i in 0..<5 { for j in 0..<3 {
            polygons.append(try ctx.rectangle(Bounds(minX: Double(i), minY: Double(j), maxX: Double(i + 1), maxY: Double(j + 1))))
        } }
        let locator = PointLocator(polygons)
        var scratch: [UInt8] = [], byCell = 0, held = 0
        for _ in 0..<40_000 {
            let x = uniform() * 12 - 1, y = uniform() * 8 - 1
            let band = locator.locateInBand(x, y, scratch: &scratch)
            #expect(locator.locate(x, y, scratch: &scratch) == band, "(\(x), \(y))")
            if locator.answeredByCell(x, y) { byCell += 1; if band != nil { held += 1 } }
        }
        // Of the two thirds of the points within the polygons' extent, most are answered by
        // their cell (19,806 when written), thousands of them inside a polygon (5,732).
        #expect(byCell > 15_000 && held > 4_000)
        // On the lattice's edges and corners.
        for i in 0...20 { for j in 0...12 {
            let x = Double(i) / 4, y = Double(j) / 4
            #expect(locator.locate(x, y, scratch: &scratch) == locator.locateInBand(x, y, scratch: &scratch), "(\(x), \(y))")
        } }
    }
}
