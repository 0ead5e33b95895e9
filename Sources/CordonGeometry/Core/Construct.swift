import CGEOS

/// Building geometries from coordinates. Coordinates go to GEOS in one buffer copy.
extension GEOSContext {
    func sequence(_ coords: UnsafeBufferPointer<Double>, count: Int) throws -> OpaquePointer {
        reset()
        guard let s = GEOSCoordSeq_copyFromBuffer_r(handle, coords.baseAddress, UInt32(count), 0, 0) else {
            throw error("coordinate sequence")
        }
        return s
    }

    func sequence(_ coords: [Coordinate]) throws -> OpaquePointer {
        try coords.withUnsafeBytes { raw in
            try sequence(raw.bindMemory(to: Double.self), count: coords.count)
        }
    }

    /// A point at `c` (lon/lat in degrees, or metres in a projected CRS).
    /// - Throws: ``GeometryError/geos(operation:message:)`` when GEOS cannot build it.
    public func point(_ c: Coordinate) throws -> Geometry {
        try make("create point") { GEOSGeom_createPointFromXY_r($0, c.x, c.y) }
    }

    /// A line through `coords` in order, such as a road from the besieged side outwards.
    /// - Parameter coords: Two points or more.
    /// - Throws: ``GeometryError/geos(operation:message:)`` when GEOS refuses the points.
    public func lineString(_ coords: [Coordinate]) throws -> Geometry {
        let s = try sequence(coords)
        return try make("create linestring") { GEOSGeom_createLineString_r($0, s) }
    }

    /// A polygon from its exterior ring and holes; rings must be closed, 4 points or more.
    ///
    /// - Parameters:
    ///   - shell: The exterior ring, first point repeated at the end.
    ///   - holes: Interior rings, each closed the same way.
    /// - Throws: ``GeometryError/unsupported(_:)`` for a ring that is open or too short, or
    ///   ``GeometryError/geos(operation:message:)``.
    public func polygon(_ shell: [Coordinate], holes: [[Coordinate]] = []) throws -> Geometry {
        let rings = try ([shell] + holes).map { ring -> OpaquePointer in
            guard ring.count >= 4, ring.first == ring.last else {
                throw GeometryError.unsupported("a ring needs at least 4 points and must be closed")
            }
            let s = try sequence(ring)
            reset()
            guard let r = GEOSGeom_createLinearRing_r(handle, s) else { throw error("create linear ring") }
            return r
        }
        return try polygon(rings: rings)
    }

    /// Takes ownership of ring pointers (the first is the shell).
    func polygon(rings: [OpaquePointer]) throws -> Geometry {
        var holes: [OpaquePointer?] = Array(rings.dropFirst())
        return try holes.withUnsafeMutableBufferPointer { hb in
            try make("create polygon") { GEOSGeom_createPolygon_r($0, rings[0], hb.baseAddress, UInt32(hb.count)) }
        }
    }

    /// A collection of the given type; the parts are cloned, so the inputs stay usable.
    ///
    /// - Parameters:
    ///   - type: ``GeometryType/multiPoint``, ``GeometryType/multiLineString``,
    ///     ``GeometryType/multiPolygon`` or ``GeometryType/geometryCollection``.
    ///   - parts: The members, made with this context.
    /// - Throws: ``GeometryError/geos(operation:message:)`` when the parts do not fit `type`.
    public func collection(_ type: GeometryType, _ parts: [Geometry]) throws -> Geometry {
        var ptrs: [OpaquePointer?] = []
        ptrs.reserveCapacity(parts.count)
        for p in parts {
            reset()
            guard let c = GEOSGeom_clone_r(handle, p.pointer) else { throw error("clone") }
            ptrs.append(c)
        }
        return try collection(type, owning: ptrs)
    }

    /// A collection that takes ownership of the given part pointers.
    func collection(_ type: GeometryType, owning ptrs: [OpaquePointer?]) throws -> Geometry {
        var ptrs = ptrs
        return try ptrs.withUnsafeMutableBufferPointer { b in
            try make("create collection") { GEOSGeom_createCollection_r($0, type.rawValue, b.baseAddress, UInt32(b.count)) }
        }
    }

    /// An empty geometry of `type`, such as "no pockets" as one polygonal value.
    /// - Throws: ``GeometryError/geos(operation:message:)`` when GEOS cannot build it.
    public func empty(_ type: GeometryType) throws -> Geometry {
        switch type {
        case .point: return try make("create empty point") { GEOSGeom_createEmptyPoint_r($0) }
        case .lineString, .linearRing: return try make("create empty line") { GEOSGeom_createEmptyLineString_r($0) }
        case .polygon: return try make("create empty polygon") { GEOSGeom_createEmptyPolygon_r($0) }
        default: return try make("create empty collection") { GEOSGeom_createEmptyCollection_r($0, type.rawValue) }
        }
    }

    /// An axis-aligned rectangle.
    ///
    /// - Parameter b: The corners, in the units of the geometries it will meet.
    /// - Returns: A polygon with the four corners of `b`.
    public func rectangle(_ b: Bounds) throws -> Geometry {
        try make("create rectangle") { GEOSGeom_createRectangle_r($0, b.minX, b.minY, b.maxX, b.maxY) }
    }
}
