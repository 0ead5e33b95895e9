import CordonGeometry

/// Distances in metres between lon/lat geometries, worked in local planes
/// (docs/design.md#metric-work-and-projections). Inputs and results stay in lon/lat, so
/// strips worked in different planes meet again without seams.
extension Workspace {
    /// The ground within `distance` metres of `ground` (lon/lat), exact at least over
    /// `region`: a buffer in the local plane(s) of the region, brought back to lon/lat.
    func reach(of ground: Geometry, within distance: Double, over region: Bounds,
               quadrantSegments: Int = 8) throws -> Geometry {
        let strips = try frames.cover(region, margin: distance)
        if strips.count == 1 {
            let f = strips[0].frame
            return try f.lonLat(try f.metres(ground).buffer(distance, quadrantSegments: quadrantSegments))
        }
        var pieces: [Geometry] = []
        for (f, strip, window) in strips {
            let near = try ground.cut(to: window.grown(metres: distance))
            if near.isEmpty { continue }
            let grown = try f.lonLat(try f.metres(near).buffer(distance, quadrantSegments: quadrantSegments))
            pieces.append(try grown.cut(to: strip))
        }
        return try ctx.union(pieces)
    }

    /// Whether `a` and `b` (lon/lat) come within `distance` metres of each other, decided in the
    /// local plane(s) of `a`.
    func within(_ a: Geometry, _ b: Geometry, distance: Double) throws -> Bool {
        guard let ab = a.bounds else { return false }
        // Clipped lines lying on the window's edge may be dropped: they are farther than `distance`.
        let near = try b.cut(to: ab.grown(metres: distance * 1.01 + 1))
        if near.isEmpty { return false }
        // Quick accept, without projecting: `b` starts on `a`, as a zone's own outer ring does.
        if let first = near.firstCoordinate, try a.dwithin(ctx.point(first), distance: 0) { return true }
        let strips = try frames.cover(ab, margin: distance)
        for (f, strip, window) in strips {
            let part = strips.count == 1 ? a : try a.cut(to: strip)
            let other = strips.count == 1 ? near : try near.cut(to: window.grown(metres: 1))
            if part.isEmpty || other.isEmpty { continue }
            // Prepared: indexed, where plain GEOS compares every pair of segments.
            if try PreparedGeometry(f.metres(part)).dwithin(f.metres(other), distance: distance) { return true }
        }
        return false
    }
}

extension Geometry {
    /// The first vertex, if any.
    var firstCoordinate: Coordinate? {
        if isEmpty { return nil }
        if type.isCollection { return parts.lazy.compactMap(\.firstCoordinate).first }
        if type == .polygon { return exteriorRing?.firstCoordinate }
        return coordinates.first
    }

    /// The part inside the box, by overlay: GEOS 3.11's clip by rectangle can drop much of a
    /// polygon with holes whose edge runs close to the box's, and drops lines on its border.
    /// A geometry already inside the box is itself.
    func cut(to b: Bounds) throws -> Geometry {
        guard let g = bounds else { return self }
        if g.minX >= b.minX && g.maxX <= b.maxX && g.minY >= b.minY && g.maxY <= b.maxY { return self }
        guard g.intersects(b) else { return try context.empty(type.isLineal ? .lineString : .polygon) }
        return try intersection(context.rectangle(b))
    }
}
