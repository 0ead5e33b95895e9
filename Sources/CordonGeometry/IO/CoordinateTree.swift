/// A GeoJSON `coordinates` array read flat: every position's x, y in one buffer,
/// and for each nesting level the number of children of each array, in order.
/// The buffers are reused from one geometry to the next, so reading allocates little.
///
/// Levels count from the outermost array (0). Positions sit at level 0 for a Point,
/// 1 for LineString and MultiPoint, 2 for Polygon and MultiLineString, 3 for MultiPolygon.
struct CoordinateTree {
    var xy: [Double] = []
    /// counts[l][i]: children of the i-th array at level l (only for arrays holding arrays, or empty).
    var counts: [[Int]] = [[], [], [], []]
    /// starts[l][i]: byte offset of that array, for error messages.
    var starts: [[Int]] = [[], [], [], []]
    /// Level at which arrays are positions; nil while none was seen.
    var positionLevel: Int?
    /// Deepest level of an array holding arrays (or empty); -1 for none.
    var deepestContainer = -1
    /// Byte offset of the whole `coordinates` value.
    var offset = 0
    /// Whether longitudes and latitudes must lie in ±180 and ±90.
    var checkRange = true
    /// Whether a position held a third or fourth number (Z, M) since the owner last cleared it.
    var droppedOrdinates = false

    mutating func clear() {
        xy.removeAll(keepingCapacity: true)
        for l in 0..<4 { counts[l].removeAll(keepingCapacity: true); starts[l].removeAll(keepingCapacity: true) }
        positionLevel = nil
        deepestContainer = -1
    }

    /// Reads the array at `s.pos` (an opening bracket, checked by the caller).
    mutating func read(_ s: inout JSONScanner) throws {
        clear()
        offset = s.pos
        guard s.next() == UInt8(ascii: "[") else {
            throw s.fault("\"coordinates\" must be an array, found \(s.found())", kind: .geoJSON)
        }
        try readArray(level: 0, &s)
    }

    /// Recursion is bounded: at most four levels exist in any geometry type.
    private mutating func readArray(level: Int, _ s: inout JSONScanner) throws {
        let start = s.pos
        try s.open()
        var first = true
        guard try s.nextElement(&first) else {
            try container(level, at: start, s)
            counts[level].append(0)
            starts[level].append(start)
            return
        }
        if s.peek() == UInt8(ascii: "[") {
            try container(level, at: start, s)
            guard level < 3 else {
                throw s.fault("coordinates nested deeper than any geometry type (a MultiPolygon has 4 levels)", kind: .geoJSON)
            }
            var n = 0
            repeat {
                guard s.peek() == UInt8(ascii: "[") else {
                    throw s.fault("expected an array in \"coordinates\", found \(s.found())", kind: .geoJSON)
                }
                try readArray(level: level + 1, &s)
                n += 1
            } while try s.nextElement(&first)
            counts[level].append(n)
            starts[level].append(start)
        } else {
            try position(level, at: start, &s)
        }
    }

    private mutating func container(_ level: Int, at start: Int, _ s: JSONScanner) throws {
        if let p = positionLevel, level >= p {
            throw s.fault("mixed nesting in \"coordinates\": expected a position (an array of numbers)", at: start, kind: .geoJSON)
        }
        deepestContainer = max(deepestContainer, level)
    }

    private mutating func position(_ level: Int, at start: Int, _ s: inout JSONScanner) throws {
        if positionLevel == nil {
            guard deepestContainer < level else {
                throw s.fault("mixed nesting in \"coordinates\": a position where an array of positions belongs", at: start, kind: .geoJSON)
            }
            positionLevel = level
        } else if positionLevel != level {
            throw s.fault("mixed nesting in \"coordinates\": positions at different depths", at: start, kind: .geoJSON)
        }
        var n = 0
        var first = false
        repeat {
            guard s.atNumber else {
                throw s.fault("a coordinate is not a number: found \(s.found())", kind: .geoJSON)
            }
            let at = s.pos
            let v = try s.readNumber()
            guard v.isFinite else {
                throw s.fault("a coordinate is not finite: \(text(s, at, s.pos))", at: at, kind: .geoJSON)
            }
            // Only x and y are kept: Cordon is 2-D; a third or fourth number (z, m) is read and dropped.
            if n < 2 {
                if checkRange {
                    if n == 0 && !(v >= -180 && v <= 180) {
                        throw s.fault("longitude \(text(s, at, s.pos)) is out of range [-180, 180]", at: at, kind: .geoJSON)
                    }
                    if n == 1 && !(v >= -90 && v <= 90) {
                        throw s.fault("latitude \(text(s, at, s.pos)) is out of range [-90, 90]", at: at, kind: .geoJSON)
                    }
                }
                xy.append(v)
            }
            n += 1
        } while try s.nextElement(&first)
        if n > 2 { droppedOrdinates = true }
        guard n >= 2 else {
            xy.removeLast(n)
            throw s.fault("a position needs at least 2 numbers (longitude, latitude)", at: start, kind: .geoJSON)
        }
    }

    private func text(_ s: JSONScanner, _ a: Int, _ b: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: s.base + a, count: min(b - a, 40)), as: UTF8.self)
    }

    /// Checks the nesting against a geometry type's; returns a reason when it does not fit.
    func mismatch(for type: GeometryType) -> String? {
        let want = Self.positionLevel(of: type)
        if let p = positionLevel {
            return p == want ? nil : "\(type.geoJSONName) coordinates must be \(Self.shape(of: type))"
        }
        // Only empty arrays: fine as long as they are not deeper than the type allows.
        if deepestContainer <= max(want - 1, 0) { return nil }
        return "\(type.geoJSONName) coordinates must be \(Self.shape(of: type))"
    }

    static func positionLevel(of type: GeometryType) -> Int {
        switch type {
        case .point: return 0
        case .lineString, .linearRing, .multiPoint: return 1
        case .polygon, .multiLineString: return 2
        case .multiPolygon: return 3
        case .geometryCollection: return -1
        }
    }

    static func shape(of type: GeometryType) -> String {
        switch type {
        case .point: return "one position [lon, lat]"
        case .lineString, .linearRing: return "an array of positions"
        case .multiPoint: return "an array of positions"
        case .polygon: return "an array of rings, each an array of positions"
        case .multiLineString: return "an array of lines, each an array of positions"
        case .multiPolygon: return "an array of polygons, each an array of rings"
        case .geometryCollection: return "absent (a GeometryCollection has \"geometries\")"
        }
    }
}
