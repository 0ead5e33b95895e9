import Testing
@testable import CordonGeometry

@Suite struct PredicateTests {
    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    @Test func squaresSharingAnEdgeTouchButDoNotOverlap() throws {
        let a = try Shapes.square(ctx, 0, 0, 1), b = try Shapes.square(ctx, 1, 0, 1)
        #expect(try a.touches(b))
        #expect(try a.intersects(b))
        #expect(try !a.disjoint(b))
        #expect(try !a.contains(b))
        #expect(try a.intersection(b).planarArea() == 0)
    }

    @Test func containmentAndCoverage() throws {
        let big = try Shapes.square(ctx, 0, 0, 10), small = try Shapes.square(ctx, 0, 0, 1)
        #expect(try big.covers(small))
        #expect(try big.contains(small))  // boundary contact is allowed by contains as long as interiors meet
        #expect(try small.within(big))
        #expect(try !small.contains(big))
    }

    @Test func holesAreOutside() throws {
        let donut = try Shapes.squareWithHole(ctx)
        let inHole = try ctx.point(Coordinate(5, 5)), inRing = try ctx.point(Coordinate(1, 1))
        #expect(try !donut.contains(inHole))
        #expect(try donut.contains(inRing))
        #expect(try donut.planarArea() == 96)
    }

    @Test func dwithinUsesExactDistance() throws {
        let a = try Shapes.square(ctx, 0, 0, 1), b = try Shapes.square(ctx, 4, 0, 1)  // 3 apart
        #expect(try a.distance(to: b) == 3)
        #expect(try a.dwithin(b, distance: 3))
        #expect(try !a.dwithin(b, distance: 2.999))
    }

    @Test func equalityIgnoresVertexOrder() throws {
        let a = try Shapes.square(ctx, 0, 0, 1)
        let b = try ctx.polygon([Coordinate(1, 1), Coordinate(0, 1), Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1)])
        #expect(try a.equals(b))
        #expect(try !a.equalsExact(b))
        #expect(try a.normalized().equalsExact(b.normalized()))
    }

    @Test func emptyGeometriesIntersectNothing() throws {
        let e = try ctx.empty(.polygon), a = try Shapes.square(ctx, 0, 0, 1)
        #expect(e.isEmpty)
        #expect(try !e.intersects(a))
        #expect(e.bounds == nil)
        #expect(try e.planarArea() == 0)
    }
}

@Suite struct OverlayTests {
    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    @Test func unionIntersectionDifferenceAreas() throws {
        let a = try Shapes.square(ctx, 0, 0, 2), b = try Shapes.square(ctx, 1, 1, 2)  // overlap 1 × 1
        #expect(try a.union(b).planarArea() == 7)
        #expect(try a.intersection(b).planarArea() == 1)
        #expect(try a.difference(b).planarArea() == 3)
        #expect(try a.symmetricDifference(b).planarArea() == 6)
    }

    @Test func dissolveOfACoverageCancelsSharedEdges() throws {
        let cells = try (0..<4).map { try Shapes.square(ctx, Double($0), 0, 1) }
        #expect(try CoverageDissolve.union(cells, in: ctx) != nil)
        let u = try ctx.dissolve(cells)
        #expect(u.type == .polygon)
        #expect(try u.planarArea() == 4)
        #expect(try u.isValid)
    }

    @Test func dissolveOfOverlappingPolygonsFallsBackToUnaryUnion() throws {
        // Cancelling edges on overlaps gives an invalid result; dissolve must not.
        let a = try Shapes.square(ctx, 0, 0, 2), b = try Shapes.square(ctx, 1, 0, 2)
        let u = try ctx.dissolve([a, b])
        #expect(try u.isValid)
        #expect(try u.planarArea() == 6)
    }

    @Test func multiPartsAndParts() throws {
        let a = try Shapes.square(ctx, 0, 0, 1), b = try Shapes.square(ctx, 5, 0, 1)
        let m = try ctx.union([a, b])
        #expect(m.type == .multiPolygon)
        #expect(m.partCount == 2)
        let parts = m.parts
        #expect(try parts.map { try $0.planarArea() } == [1, 1])
        #expect(try m.polygons().count == 2)
    }

    @Test func borrowedPartOutlivesItsCollectionVariable() throws {
        var m: Geometry? = try ctx.union([Shapes.square(ctx, 0, 0, 1), Shapes.square(ctx, 5, 0, 1)])
        let part = m!.part(1)
        m = nil  // the part keeps its parent alive
        #expect(try part.planarArea() == 1)
    }
}

@Suite struct ConstructiveTests {
    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    @Test func bufferOfAPointApproachesACircle() throws {
        let c = try ctx.point(Coordinate(0, 0)).buffer(10, quadrantSegments: 64)
        let area = try c.planarArea()
        #expect(abs(area - Double.pi * 100) / (Double.pi * 100) < 0.001)
    }

    @Test func negativeBufferShrinks() throws {
        let s = try Shapes.square(ctx, 0, 0, 10).buffer(-1, join: .mitre)
        #expect(abs(try s.planarArea() - 64) < 1e-9)
    }

    @Test func boundaryEnvelopeAndRepresentativePoint() throws {
        let donut = try Shapes.squareWithHole(ctx)
        #expect(try donut.boundary().planarLength() == 48)
        #expect(try donut.envelope().planarArea() == 100)
        let p = try donut.representativePoint()
        #expect(try donut.contains(p))
        #expect(donut.bounds == Bounds(minX: 0, minY: 0, maxX: 10, maxY: 10))
    }

    @Test func simplifyDropsNearlyStraightVertices() throws {
        let line = try ctx.lineString([Coordinate(0, 0), Coordinate(1, 0.01), Coordinate(2, 0)])
        #expect(try line.simplify(tolerance: 0.1).coordinates.count == 2)
        #expect(try line.simplify(tolerance: 0.001).coordinates.count == 3)
    }

    @Test func transformMovesEveryVertex() throws {
        let s = try Shapes.square(ctx, 0, 0, 1).transformed { $0.x += 10; return true }
        #expect(s.bounds == Bounds(minX: 10, minY: 0, maxX: 11, maxY: 1))
    }

    @Test func failingTransformBecomesAnError() throws {
        #expect(throws: GeometryError.self) { try Shapes.square(ctx, 0, 0, 1).transformed { _ in false } }
    }
}

@Suite struct ValidityTests {
    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    @Test func bowTieReasonNamesTheSelfIntersection() throws {
        let bow = try Shapes.bowTie(ctx)
        #expect(try !bow.isValid)
        let reason = try #require(try bow.validityReason())
        #expect(reason.hasPrefix("Self-intersection"))
        #expect(reason.contains("1 1"))
    }

    @Test func makeValidSplitsTheBowTie() throws {
        let fixed = try Shapes.bowTie(ctx).makeValid()
        #expect(try fixed.isValid)
        #expect(fixed.type == .multiPolygon)
        #expect(try fixed.planarArea() == 2)  // two triangles of area 1
    }

    @Test func validGeometryHasNoReason() throws {
        #expect(try Shapes.squareWithHole(ctx).validityReason() == nil)
    }

    @Test func geosErrorsBecomeSwiftErrorsWithGEOSText() throws {
        // Overlay of an invalid polygon makes GEOS throw a TopologyException: captured, not printed.
        let bow = try Shapes.bowTie(ctx), sq = try Shapes.square(ctx, 0.5, 0.5, 1)
        do {
            _ = try bow.intersection(sq)
            Issue.record("expected a GEOS error")
        } catch let GeometryError.geos(operation, message) {
            #expect(operation == "intersection")
            #expect(message.contains("TopologyException"))
        }
    }

    @Test func unclosedRingIsRejected() throws {
        #expect(throws: GeometryError.self) {
            try ctx.polygon([Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1)])
        }
    }
}

@Suite struct IndexTests {
    let ctx: GEOSContext

    init() throws { ctx = try GEOSContext() }

    @Test func strtreeReturnsIndicesOfCandidates() throws {
        let cells = try (0..<100).map { try Shapes.square(ctx, Double($0 % 10), Double($0 / 10), 1) }
        let tree = try STRtree(cells, context: ctx)
        let probe = try Shapes.square(ctx, 2.5, 3.5, 0.1)
        #expect(tree.queryIndices(envelopeOf: probe) == [32])
        // The envelope query of a 1 × 1 box on grid lines hits 3 × 3 cells.
        let hits = try tree.query(Bounds(minX: 4, minY: 4, maxX: 5, maxY: 5))
        #expect(hits == [33, 34, 35, 43, 44, 45, 53, 54, 55])
        let touching = try tree.query(probe) { try $0.intersects(probe) }
        #expect(touching == [32])
    }

    @Test func preparedPredicatesAgreeWithPlainOnes() throws {
        let donut = try Shapes.squareWithHole(ctx)
        let prepared = try PreparedGeometry(donut)
        for x in stride(from: -1.0, through: 11, by: 0.5) {
            for y in stride(from: -1.0, through: 11, by: 0.5) {
                let p = try ctx.point(Coordinate(x, y))
                #expect(try prepared.contains(p) == donut.contains(p))
                #expect(try prepared.intersects(p) == donut.intersects(p))
                #expect(try prepared.dwithin(p, distance: 0.5) == donut.dwithin(p, distance: 0.5))
            }
        }
    }
}
