@testable import CordonGeometry

/// Small shapes with hand-checkable answers, shared by the geometry tests.
enum Shapes {
    static func square(_ ctx: GEOSContext, _ x: Double, _ y: Double, _ side: Double) throws -> Geometry {
        try ctx.polygon([Coordinate(x, y), Coordinate(x + side, y), Coordinate(x + side, y + side),
                         Coordinate(x, y + side), Coordinate(x, y)])
    }

    /// A 10 × 10 square with a 2 × 2 hole at (4, 4).
    static func squareWithHole(_ ctx: GEOSContext) throws -> Geometry {
        try ctx.polygon([Coordinate(0, 0), Coordinate(10, 0), Coordinate(10, 10), Coordinate(0, 10), Coordinate(0, 0)],
                        holes: [[Coordinate(4, 4), Coordinate(4, 6), Coordinate(6, 6), Coordinate(6, 4), Coordinate(4, 4)]])
    }

    /// A bow tie: self-intersecting at (1, 1).
    static func bowTie(_ ctx: GEOSContext) throws -> Geometry {
        try ctx.polygon([Coordinate(0, 0), Coordinate(2, 2), Coordinate(2, 0), Coordinate(0, 2), Coordinate(0, 0)])
    }
}
