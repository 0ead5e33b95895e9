import CGEOS

/// Overlay: union, intersection, difference; and the unions of many geometries.
extension Geometry {
    /// Every point in either geometry.
    /// - Throws: ``GeometryError/geos(operation:message:)``, for instance on invalid input.
    public func union(_ o: Geometry) throws -> Geometry {
        try context.make("union") { GEOSUnion_r($0, pointer, o.pointer) }
    }
    /// The points in both geometries, such as the stretch of a road inside hostile ground.
    /// - Throws: ``GeometryError/geos(operation:message:)``, for instance on invalid input.
    public func intersection(_ o: Geometry) throws -> Geometry {
        try context.make("intersection") { GEOSIntersection_r($0, pointer, o.pointer) }
    }
    /// The points of this geometry that are not in `o`.
    /// - Throws: ``GeometryError/geos(operation:message:)``, for instance on invalid input.
    public func difference(_ o: Geometry) throws -> Geometry {
        try context.make("difference") { GEOSDifference_r($0, pointer, o.pointer) }
    }
    /// The points in exactly one of the two geometries.
    /// - Throws: ``GeometryError/geos(operation:message:)``, for instance on invalid input.
    public func symmetricDifference(_ o: Geometry) throws -> Geometry {
        try context.make("symmetric difference") { GEOSSymDifference_r($0, pointer, o.pointer) }
    }
    /// The union of the parts of this geometry (dissolve).
    public func unaryUnion() throws -> Geometry {
        try context.make("unary union") { GEOSUnaryUnion_r($0, pointer) }
    }
    /// Fast union of a polygon coverage (parts that only share edges).
    /// GEOS 3.11 does not check its input; see `GEOSContext.dissolve` for the checked form.
    package func coverageUnionUnchecked() throws -> Geometry {
        try context.make("coverage union") { GEOSCoverageUnion_r($0, pointer) }
    }
    /// Fast clip to a rectangle (result may be invalid for invalid input, like GEOS's).
    public func clip(to b: Bounds) throws -> Geometry {
        try context.make("clip by rect") { GEOSClipByRect_r($0, pointer, b.minX, b.minY, b.maxX, b.maxY) }
    }
}

extension GEOSContext {
    /// The union of polygons that form a coverage: shared edges cancelled first
    /// (`CoverageDissolve`, checked with `GEOSisValid_r`), then unary union as the fallback.
    /// When the whole set does not dissolve that way, large inputs are dissolved in spatial
    /// blocks, then the blocks merged, so a few mis-noded edges (a vertex rounded differently
    /// on the two sides of an edge) send only their block to the slow path.
    ///
    /// - Parameter polygons: Polygons made with this context, such as one controller's areas.
    /// - Returns: Their union; an empty polygon when there are none.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func dissolve(_ polygons: [Geometry]) throws -> Geometry {
        if polygons.isEmpty { return try empty(.polygon) }
        if let fast = try CoverageDissolve.union(polygons, in: self) { return fast }
        if polygons.count <= Self.dissolveBlock { return try union(polygons) }
        return try dissolveDirectly(try blocks(of: polygons).map { try dissolveDirectly($0) })
    }

    /// Features per block: small enough that a fallback to unary union is cheap.
    static let dissolveBlock = 2048

    private func dissolveDirectly(_ polygons: [Geometry]) throws -> Geometry {
        if let fast = try CoverageDissolve.union(polygons, in: self) { return fast }
        return try union(polygons)
    }

    /// Splits polygons into compact spatial blocks: strips by x, then cells by y.
    private func blocks(of polygons: [Geometry]) throws -> [[Geometry]] {
        let centres = polygons.map { $0.bounds?.center ?? Coordinate(0, 0) }
        let count = Int((Double(polygons.count) / Double(Self.dissolveBlock)).squareRoot().rounded(.up))
        let byX = polygons.indices.sorted { centres[$0].x < centres[$1].x }
        let stripSize = (byX.count + count - 1) / count
        var out: [[Geometry]] = []
        for strip in stride(from: 0, to: byX.count, by: stripSize) {
            let members = byX[strip..<min(strip + stripSize, byX.count)].sorted { centres[$0].y < centres[$1].y }
            let cellSize = (members.count + count - 1) / count
            for cell in stride(from: 0, to: members.count, by: cellSize) {
                out.append(members[members.index(members.startIndex, offsetBy: cell)..<members.index(members.startIndex, offsetBy: min(cell + cellSize, members.count))].map { polygons[$0] })
            }
        }
        return out
    }

    /// The general union of any geometries.
    ///
    /// - Returns: The union; an empty polygon when `geometries` is empty.
    /// - Throws: ``GeometryError/geos(operation:message:)``.
    public func union(_ geometries: [Geometry]) throws -> Geometry {
        if geometries.isEmpty { return try empty(.polygon) }
        return try collection(.geometryCollection, geometries).unaryUnion()
    }
}
