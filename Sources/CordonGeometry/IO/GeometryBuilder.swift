import CGEOS

/// Turns a `CoordinateTree` into a GEOS geometry: first every ring and line is checked
/// (so nothing is half-built when a check fails), then each ring or line goes to GEOS
/// in one buffer copy.
struct GeometryBuilder {
    /// The context GEOS works in.
    let context: GEOSContext
    /// The context the geometries belong to once built: another thread's, when a piece of a
    /// file is read on a side thread for it (`DocumentParser.sidePiece`).
    var owner: GEOSContext?

    func build(_ type: GeometryType, _ t: CoordinateTree) throws -> Geometry {
        if let why = t.mismatch(for: type) {
            throw ScanFault(kind: .geoJSON, offset: t.offset, reason: why)
        }
        try check(type, t)
        let p = try make(type, t)
        // GEOS keeps a geometry's box once asked; asking here, while the file is read (on two
        // threads for a large one), spares the indexes and clips that ask later.
        var box = (0.0, 0.0, 0.0, 0.0)
        _ = GEOSGeom_getExtent_r(context.handle, p, &box.0, &box.1, &box.2, &box.3)
        return Geometry(owning: p, context: owner ?? context)
    }

    // MARK: Checks

    private func check(_ type: GeometryType, _ t: CoordinateTree) throws {
        guard t.positionLevel != nil else { return try checkEmptyParts(type, t) }
        switch type {
        case .point, .multiPoint: return
        case .lineString, .linearRing:
            try checkLine(t.counts[0][0], at: t.starts[0][0], label: "a LineString")
        case .multiLineString:
            for (i, n) in t.counts[1].enumerated() { try checkLine(n, at: t.starts[1][i], label: "line \(i)") }
        case .polygon:
            var first = 0
            for (i, n) in t.counts[1].enumerated() {
                try checkRing(t, t.starts[1][i], first: first, n, label: "ring \(i)")
                first += n
            }
        case .multiPolygon:
            var ring = 0, first = 0
            for (p, rings) in t.counts[1].enumerated() {
                for r in 0..<rings {
                    let n = t.counts[2][ring]
                    try checkRing(t, t.starts[2][ring], first: first, n, label: "polygon \(p), ring \(r)")
                    ring += 1
                    first += n
                }
            }
        case .geometryCollection: return
        }
    }

    /// Without any position, only parts that are allowed to be empty may appear.
    private func checkEmptyParts(_ type: GeometryType, _ t: CoordinateTree) throws {
        let level = CoordinateTree.positionLevel(of: type) - 1
        guard level >= 1, let i = t.counts[level].indices.first else { return }
        let what = type == .multiLineString ? "line \(i)" : "ring \(i)"
        throw ScanFault(kind: .geoJSON, offset: t.starts[level][i],
                        reason: type == .multiLineString ? "\(what) has fewer than 2 positions"
                                                         : "\(what) has fewer than 4 positions")
    }

    private func checkLine(_ n: Int, at offset: Int, label: String) throws {
        if n == 1 || (n == 0 && label != "a LineString") {
            throw ScanFault(kind: .geoJSON, offset: offset, reason: "\(label) has fewer than 2 positions")
        }
    }

    /// `first`: index of the ring's first position in the buffer.
    private func checkRing(_ t: CoordinateTree, _ offset: Int, first: Int, _ n: Int, label: String) throws {
        guard n >= 4 else {
            throw ScanFault(kind: .geoJSON, offset: offset, reason: "\(label) has \(n) positions; a ring needs at least 4")
        }
        let last = first + n - 1
        guard t.xy[2 * first] == t.xy[2 * last] && t.xy[2 * first + 1] == t.xy[2 * last + 1] else {
            throw ScanFault(kind: .geoJSON, offset: offset, reason: "\(label) is not closed (the first and last positions differ)")
        }
    }

    // MARK: Building

    private func make(_ type: GeometryType, _ t: CoordinateTree) throws -> OpaquePointer {
        let h = context.handle
        guard t.positionLevel != nil else { return try empty(type, t) }
        return try t.xy.withUnsafeBufferPointer { xy in
            var cursor = 0  // next position to use
            func seq(_ n: Int) throws -> OpaquePointer {
                defer { cursor += n }
                return try context.sequence(UnsafeBufferPointer(rebasing: xy[(2 * cursor)...]), count: n)
            }
            func line(_ n: Int) throws -> OpaquePointer {
                try created("create linestring", GEOSGeom_createLineString_r(h, try seq(n)))
            }
            func ring(_ n: Int) throws -> OpaquePointer {
                try created("create linear ring", GEOSGeom_createLinearRing_r(h, try seq(n)))
            }
            func polygon(_ ringCounts: ArraySlice<Int>) throws -> OpaquePointer {
                if ringCounts.isEmpty { return try created("create empty polygon", GEOSGeom_createEmptyPolygon_r(h)) }
                return try Owned.gather(context) { for n in ringCounts { $0.add(try ring(n)) } }.polygon()
            }
            switch type {
            case .point:
                return try created("create point", GEOSGeom_createPointFromXY_r(h, xy[0], xy[1]))
            case .lineString, .linearRing:
                return try line(t.counts[0][0])
            case .multiPoint:
                return try Owned.gather(context) { parts in
                    for i in 0..<(xy.count / 2) {
                        parts.add(try created("create point", GEOSGeom_createPointFromXY_r(h, xy[2 * i], xy[2 * i + 1])))
                    }
                }.collection(.multiPoint)
            case .multiLineString:
                return try Owned.gather(context) { for n in t.counts[1] { $0.add(try line(n)) } }
                    .collection(.multiLineString)
            case .polygon:
                return try polygon(t.counts[1][...])
            case .multiPolygon:
                var firstRing = 0
                return try Owned.gather(context) { parts in
                    for rings in t.counts[1] {
                        parts.add(try polygon(t.counts[2][firstRing..<(firstRing + rings)]))
                        firstRing += rings
                    }
                }.collection(.multiPolygon)
            case .geometryCollection:
                throw ScanFault(kind: .geoJSON, offset: t.offset, reason: "a GeometryCollection has no \"coordinates\"")
            }
        }
    }

    /// Empty geometries, and multi-geometries whose parts are all empty polygons.
    private func empty(_ type: GeometryType, _ t: CoordinateTree) throws -> OpaquePointer {
        let h = context.handle
        if type == .multiPolygon, !t.counts[1].isEmpty {
            return try Owned.gather(context) { parts in
                for _ in t.counts[1] { parts.add(try created("create empty polygon", GEOSGeom_createEmptyPolygon_r(h))) }
            }.collection(.multiPolygon)
        }
        switch type {
        case .point: return try created("create empty point", GEOSGeom_createEmptyPoint_r(h))
        case .lineString, .linearRing: return try created("create empty linestring", GEOSGeom_createEmptyLineString_r(h))
        case .polygon: return try created("create empty polygon", GEOSGeom_createEmptyPolygon_r(h))
        default: return try created("create empty collection", GEOSGeom_createEmptyCollection_r(h, type.rawValue))
        }
    }

    private func created(_ op: String, _ p: OpaquePointer?) throws -> OpaquePointer {
        guard let p else { throw context.error(op) }
        return p
    }
}

/// GEOS pointers owned until handed to a polygon or collection; destroyed if that never happens.
private struct Owned {
    let context: GEOSContext
    var pointers: [OpaquePointer?] = []
    init(_ c: GEOSContext) { context = c }

    mutating func add(_ p: OpaquePointer) { pointers.append(p) }

    /// Collects parts; if collecting fails part-way, frees those already made.
    static func gather(_ c: GEOSContext, _ body: (inout Owned) throws -> Void) throws -> Owned {
        var o = Owned(c)
        do { try body(&o) } catch { o.destroy(); throw error }
        return o
    }

    /// Frees what was not handed over (a failure part-way).
    func destroy() { for p in pointers { GEOSGeom_destroy_r(context.handle, p) } }

    func polygon() throws -> OpaquePointer {
        context.reset()
        let shell = pointers[0]
        var pointers = pointers
        let made = pointers.withUnsafeMutableBufferPointer { b in
            GEOSGeom_createPolygon_r(context.handle, shell, b.baseAddress! + 1, UInt32(b.count - 1))
        }
        guard let made else { destroy(); throw context.error("create polygon") }
        return made
    }

    func collection(_ type: GeometryType) throws -> OpaquePointer {
        context.reset()
        var pointers = pointers
        let made = pointers.withUnsafeMutableBufferPointer { b in
            GEOSGeom_createCollection_r(context.handle, type.rawValue, b.baseAddress, UInt32(b.count))
        }
        guard let made else { destroy(); throw context.error("create collection") }
        return made
    }
}
