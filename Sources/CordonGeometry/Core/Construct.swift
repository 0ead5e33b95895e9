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

    public func point(_ c: Coordinate) throws -> Geometry {
        try make("create point") { GEOSGeom_createPointFromXY_r($0, c.x, c.y) }
    }

    public func lineString(_ coords: [Coordinate]) throws -> Geometry {
        let s = try sequence(coords)
        return try make("create linestring") { GEOSGeom_createLineString_r($0, s) }
    }

    /// A polygon from its exterior ring and holes; rings must be closed, 4 points or more.
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

    public func empty(_ type: GeometryType) throws -> Geometry {
        switch type {
        case .point: return try make("create empty point") { GEOSGeom_createEmptyPoint_r($0) }
        case .lineString, .linearRing: return try make("create empty line") { GEOSGeom_createEmptyLineString_r($0) }
        case .polygon: return try make("create empty polygon") { GEOSGeom_createEmptyPolygon_r($0) }
        default: return try make("create empty collection") { GEOSGeom_createEmptyCollection_r($0, type.rawValue) }
        }
    }

    /// An axis-aligned rectangle.
    public func rectangle(_ b: Bounds) throws -> Geometry {
        try make("create rectangle") { GEOSGeom_createRectangle_r($0, b.minX, b.minY, b.maxX, b.maxY) }
    }
}
