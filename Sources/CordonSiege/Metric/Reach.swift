import CordonGeometry

/// Distances in metres between lon/lat geometries, worked in local planes
/// (docs/design.md#metric-work-and-projections). Inputs and results stay in lon/lat, so
/// strips worked in different planes meet again without seams.
extension Workspace {
    /// The ground within `distance` metres of `ground` (lon/lat), exact at least over
    /// `region`: a buffer in the local plane(s) of the region, brought back to lon/lat.
    func reach(of ground: Geometry, within distance: Double, over region: Bounds,
               quadrantSegments: Int = 8) throws -> Geometry {
        try frames.reach(of: ground, within: distance, over: region, quadrantSegments: quadrantSegments, context: ctx)
    }

    /// Whether `a` and `b` (lon/lat) come within `distance` metres of each other, decided in the
    /// local plane(s) of `a`.
    func within(_ a: Geometry, _ b: Geometry, distance: Double) throws -> Bool {
        guard let ab = a.bounds else { return false }
        // Lines are clipped by GEOS's fast rectangle clip (O(n), no overlay): it may drop lines
        // lying on the window's edge, which are farther than `distance` anyway.
        let window = ab.grown(metres: distance * 1.01 + 1)
        let near = try b.type.isLineal ? b.clip(to: window) : b.cut(to: window)
        if near.isEmpty { return false }
        // Quick accepts, without projecting: `b` starts on `a`, as a zone's own outer ring does;
        // or meets it anywhere (a large zone along the study area's edge: projecting its
        // thousands of vertices cost more than all the other zones of a 20,000-cell map).
        if let first = near.firstCoordinate, try a.dwithin(ctx.point(first), distance: 0) { return true }
        if try PreparedGeometry(a).intersects(near) { return true }
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

extension Frames {
    /// `Workspace.reach` in these planes, with `ctx` for the union of strips: for a side
    /// thread with planes and a GEOS context of its own.
    func reach(of ground: Geometry, within distance: Double, over region: Bounds,
               quadrantSegments: Int = 8, context ctx: GEOSContext) throws -> Geometry {
        let strips = try cover(region, margin: distance)
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
}

extension Geometry {
    /// The first vertex, if any.
    var firstCoordinate: Coordinate? {
        if isEmpty { return nil }
        if type.isCollection { return parts.lazy.compactMap(\.firstCoordinate).first }
        if type == .polygon { return exteriorRing?.firstCoordinate }
        return coordinates.first
    }

    /// The part inside the box; itself when already inside. Polygons by GEOS's rectangle clip
    /// (linear, no overlay); lines by overlay, which keeps a line lying on the box's border
    /// (the rectangle clip drops it).
    func cut(to b: Bounds) throws -> Geometry {
        guard let g = bounds else { return self }
        if g.minX >= b.minX && g.maxX <= b.maxX && g.minY >= b.minY && g.maxY <= b.maxY { return self }
        guard g.intersects(b) else { return try context.empty(type.isLineal ? .lineString : .polygon) }
        return try type.isPolygonal ? clip(to: b) : intersection(context.rectangle(b))
    }
}
