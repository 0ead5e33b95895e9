import CordonCore

/// The GeoJSON object structure, read member by member in whatever order the
/// members come. Features go to `features` as they are read; with `collectFaults`,
/// a faulty feature is noted and skipped, and reading goes on with the next one.
struct DocumentParser {
    enum Role { case top, feature, geometry }

    enum TypeName: Equatable {
        case featureCollection, feature, geometry(GeometryType), unknown(String)

        init(_ s: String) {
            switch s {
            case "FeatureCollection": self = .featureCollection
            case "Feature": self = .feature
            case "Point": self = .geometry(.point)
            case "LineString": self = .geometry(.lineString)
            case "Polygon": self = .geometry(.polygon)
            case "MultiPoint": self = .geometry(.multiPoint)
            case "MultiLineString": self = .geometry(.multiLineString)
            case "MultiPolygon": self = .geometry(.multiPolygon)
            case "GeometryCollection": self = .geometry(.geometryCollection)
            default: self = .unknown(s)
            }
        }
    }

    /// What one object's members said.
    struct Members {
        var offset = 0
        var type: TypeName?
        var geometry: Geometry?
        var hasGeometry = false
        var properties: JSONObject?
        var id: JSONValue?
        var built: Geometry?
        var pending: CoordinateTree?
        var geometries: [Geometry]?
        var hasFeatures = false
    }

    /// Where a feature was read: its index in the file and its first line (counted in check mode).
    struct Origin {
        var index: Int
        var line: Int
    }

    var s: JSONScanner
    var builder: GeometryBuilder
    var tree: CoordinateTree
    let collectFaults: Bool
    var features: [Feature] = []
    /// When set, each feature goes here instead of into `features` (streaming).
    var sink: ((_ feature: Feature, _ index: Int, _ offset: Int) throws -> Void)?
    /// An error the sink threw; reading stopped there.
    var sinkError: (any Error)?
    /// The last properties read, when streaming (for sharing key arrays).
    private var lastProperties: JSONObject?
    var origins: [Origin] = []
    /// Called with the offset of each feature read; everything before it is done with.
    var progress: ((Int) -> Void)?
    /// Line counting, carried forward from one feature to the next.
    private var countedTo = 0, countedLine = 1
    var faults: [(fault: ScanFault, feature: Int?)] = []
    /// The feature being read, for error messages.
    var featureIndex: Int?
    var featureCount = 0
    /// Features whose positions carried Z or M values, dropped on reading.
    var featuresWithDroppedOrdinates = 0
    private var featureDroppedOrdinates = false
    /// Whether the second half of a large "features" array may be read on a side thread
    /// (reading, not checking: no sink, no faults collected).
    var splitting = false
    /// Whether this parser reads such a second half: a GeometryCollection there gives up (it
    /// would be made in the side thread's context), and the main parser reads on instead.
    private var isSidePiece = false
    /// Whether a side thread's features were taken (tests check both ways are taken).
    private(set) var sidePieceTaken = false
    /// Arrays shorter than this many bytes are read in one piece.
    static let splitBytes = 1 << 20

    init(_ data: UnsafeRawBufferPointer, context: GEOSContext, maxDepth: Int, checkRange: Bool, collectFaults: Bool) {
        s = JSONScanner(data, maxDepth: maxDepth)
        builder = GeometryBuilder(context: context)
        tree = CoordinateTree()
        tree.checkRange = checkRange
        self.collectFaults = collectFaults
    }

    /// Reads the whole document. A fault that stops reading is recorded in `faults` too.
    mutating func document() {
        do {
            guard s.next() == UInt8(ascii: "{") else {
                if s.atEnd { throw s.fault("the file is empty") }
                let at = s.pos
                _ = try s.readValue()  // broken JSON is reported as such before "not GeoJSON"
                throw s.fault("not GeoJSON: the top level must be an object", at: at, kind: .geoJSON)
            }
            var m = try object(.top)
            try resolveTop(&m)
            guard s.atEnd else { throw s.fault("invalid JSON: unexpected \(s.found()) after the end of the document") }
        } catch let f as ScanFault {
            faults.append((f, featureIndex))
        } catch {
            sinkError = error
        }
    }

    // MARK: Objects

    /// Reads an object's members; `s` is at its `{`.
    mutating func object(_ role: Role) throws -> Members {
        var m = Members()
        m.offset = s.pos
        try s.open()
        var first = true
        var seen = 0  // one bit per structural member
        while let key = try s.nextKey(&first) {
            // A second "type" or "coordinates" would silently replace the first: say so instead.
            if let i = Self.structural.firstIndex(where: { s.matches(key, $0) }) {
                if seen & (1 << i) != 0 { throw geo("the \"\(Self.structural[i])\" member is given twice", at: s.pos) }
                seen |= 1 << i
            }
            if s.matches(key, "type") {
                guard s.next() == UInt8(ascii: "\"") else { throw wrongValue("\"type\" must be a string") }
                m.type = TypeName(try s.readString())
                if role == .top && m.type == .feature { featureIndex = 0 }
            } else if s.matches(key, "coordinates") && role != .feature && isGeometry(m.type) {
                try coordinates(&m)
            } else if s.matches(key, "geometries") && role != .feature && isGeometry(m.type) {
                m.geometries = try geometries()
            } else if s.matches(key, "geometry") && role != .geometry {
                m.hasGeometry = true
                m.geometry = try geometryMember()
            } else if s.matches(key, "properties") && role != .geometry {
                m.properties = try properties()
            } else if s.matches(key, "id") && role != .geometry {
                let at = s.pos
                let v = try s.readValue()
                guard v.stringValue != nil || v.numberValue != nil else {
                    throw geo("\"id\" must be a string or a number", at: at)
                }
                m.id = v
            } else if s.matches(key, "features") && role == .top && (m.type == nil || m.type == .featureCollection) {
                m.hasFeatures = true
                try featureArray()
            } else {
                _ = try s.readValue()  // bbox (recomputed on output), crs, foreign members
            }
        }
        return m
    }

    /// Members whose value shapes what is read; each may appear once per object.
    private static let structural: [StaticString] = ["type", "coordinates", "geometries", "geometry", "properties", "features"]

    /// True while the type is unknown or a geometry type.
    private func isGeometry(_ t: TypeName?) -> Bool {
        if case .geometry = t { return true }
        return t == nil
    }

    private mutating func coordinates(_ m: inout Members) throws {
        try tree.read(&s)
        if tree.droppedOrdinates { featureDroppedOrdinates = true; tree.droppedOrdinates = false }
        if case let .geometry(type)? = m.type {
            m.built = try build(type, tree)
        } else {
            // The type comes later: keep these coordinates, read the next ones into a fresh tree.
            m.pending = tree
            let checkRange = tree.checkRange
            tree = CoordinateTree()
            tree.checkRange = checkRange
        }
    }

    private func build(_ type: GeometryType, _ t: CoordinateTree) throws -> Geometry {
        do {
            return try builder.build(type, t)
        } catch let e as GeometryError {
            throw ScanFault(kind: .geometry, offset: t.offset, reason: e.description)
        }
    }

    private mutating func geometries() throws -> [Geometry] {
        guard s.next() == UInt8(ascii: "[") else { throw wrongValue("\"geometries\" must be an array") }
        try s.open()
        var out: [Geometry] = []
        var first = true
        while try s.nextElement(&first) {
            guard s.peek() == UInt8(ascii: "{") else { throw wrongValue("each of \"geometries\" must be a geometry object") }
            var m = try object(.geometry)
            out.append(try resolveGeometry(&m))
        }
        return out
    }

    /// The value of a feature's "geometry": an object or null.
    private mutating func geometryMember() throws -> Geometry? {
        switch s.next() {
        case UInt8(ascii: "n"):
            try s.literal("null")
            return nil
        case UInt8(ascii: "{"):
            var m = try object(.geometry)
            return try resolveGeometry(&m)
        default:
            throw wrongValue("\"geometry\" must be an object or null")
        }
    }

    private mutating func properties() throws -> JSONObject {
        let previous = features.last?.properties ?? lastProperties
        if let previous, !previous.isEmpty, let o = properties(keyedAs: previous) {
            if sink != nil { lastProperties = o }
            return o
        }
        let at = s.pos
        let v = try s.readValue()
        if v.isNull { return JSONObject() }
        guard var o = v.objectValue else { throw geo("\"properties\" must be an object or null", at: at) }
        // Features of one file mostly have the same keys: let them share one array of keys.
        if let last = features.last?.properties ?? lastProperties { o.shareKeys(with: last) }
        if sink != nil { lastProperties = o }
        return o
    }

    /// The properties when their members have exactly `previous`'s keys, in order (a file mostly
    /// gives every feature the same ones): only the values are read, the keys shared. Nil, with
    /// the scanner where it was, for anything else, faults included (the general reading that
    /// follows reports them).
    private mutating func properties(keyedAs previous: JSONObject) -> JSONObject? {
        let start = s.pos, depth = s.depth
        if s.next() == UInt8(ascii: "{") {
            do {
                try s.open()
                var first = true
                var values: [JSONValue] = []
                values.reserveCapacity(previous.count)
                for key in previous.keys {
                    guard let k = try s.nextKey(&first), s.matches(k, key) else { break }
                    values.append(try s.readValue())
                }
                if values.count == previous.count, try s.nextKey(&first) == nil {
                    return JSONObject(keysOf: previous, values: values)
                }
            } catch {}
        }
        s.pos = start
        s.depth = depth
        return nil
    }

    /// The "features" array of a FeatureCollection.
    private mutating func featureArray() throws {
        guard s.next() == UInt8(ascii: "[") else { throw wrongValue("\"features\" must be an array") }
        try s.open()
        let side = splitting ? startSidePiece() : nil
        defer { side?.task.wait() }  // it reads the same bytes: never leave it running
        var first = true
        while try s.nextElement(&first) {
            if let side, s.pos == side.start, s.depth == side.depth, take(side) { return }
            let index = featureCount
            featureCount += 1
            featureIndex = index
            let start = s.pos, depth = s.depth
            do {
                guard s.peek() == UInt8(ascii: "{") else { throw wrongValue("a feature must be an object") }
                var m = try object(.feature)
                let feature = try resolveFeature(&m)
                try add(feature, index: index, at: start)
            } catch let f as ScanFault where collectFaults && (f.kind == .geoJSON || f.kind == .geometry) {
                // Note the fault, then step over the rest of this feature as plain JSON.
                faults.append((f, index))
                s.pos = start
                s.depth = depth
                _ = try s.readValue()
            }
            featureIndex = nil
            progress?(start)
        }
    }

    // MARK: Reading the second half on a side thread

    /// A side thread reading the features from `start` (a `{` that looks like the start of an
    /// element of the "features" array) to the array's end, at nesting `depth`.
    struct SidePiece {
        var start: Int
        var depth: Int
        var task: SideTask<(features: [Feature], dropped: Int, end: Int)?>
    }

    /// Starts reading the array's second half on a side thread, from the first `}`,`{` past the
    /// middle of what is left. That guess is used only when this parser, reading on, lands on
    /// exactly that byte at the start of an element of this array (`take`): the side thread has
    /// then read what this parser would have read. Otherwise its work is dropped.
    private func startSidePiece() -> SidePiece? {
        guard s.end - s.pos >= Self.splitBytes else { return nil }
        let base = s.base, end = s.end
        var i = s.pos + (s.end - s.pos) / 2
        let stop = min(end, i + Self.splitBytes)
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        var start: Int?
        while i < stop {
            if base[i] == UInt8(ascii: ",") {
                var b = i - 1
                while b > 0 && isSpace(base[b]) { b -= 1 }
                var a = i + 1
                while a < end && isSpace(base[a]) { a += 1 }
                if base[b] == UInt8(ascii: "}") && a < end && base[a] == UInt8(ascii: "{") { start = a; break }
            }
            i += 1
        }
        guard let start else { return nil }
        let bytes = Unchecked(UnsafeRawBufferPointer(start: UnsafeRawPointer(base), count: end))
        let depth = s.depth, maxDepth = s.maxDepth, checkRange = tree.checkRange, owner = Unchecked(builder.context)
        let task = SideTask<(features: [Feature], dropped: Int, end: Int)?> {
            guard let context = try? GEOSContext() else { return nil }
            var p = DocumentParser(bytes.value, context: context, maxDepth: maxDepth, checkRange: checkRange, collectFaults: false)
            p.builder.owner = owner.value
            p.isSidePiece = true
            return p.features(from: start, depth: depth)
        }
        return SidePiece(start: start, depth: depth, task: task)
    }

    /// The side thread's reading: the features from `start` to the end of the array, and
    /// where the array ends; nil on any fault (the main parser then reads on and finds it).
    private mutating func features(from start: Int, depth: Int) -> (features: [Feature], dropped: Int, end: Int)? {
        s.pos = start
        s.depth = depth
        do {
            var first = false
            repeat {
                guard s.peek() == UInt8(ascii: "{") else { return nil }
                let at = s.pos
                var m = try object(.feature)
                try add(try resolveFeature(&m), index: featureCount, at: at)
                featureCount += 1
            } while try s.nextElement(&first)
            return (features, featuresWithDroppedOrdinates, s.pos)
        } catch {
            return nil
        }
    }

    /// Takes the side thread's features when it read them all; false to read on here.
    private mutating func take(_ side: SidePiece) -> Bool {
        guard let piece = try? side.task.value() else { return false }
        origins += piece.features.indices.map { Origin(index: featureCount + $0, line: 0) }
        features.append(contentsOf: piece.features)
        featureCount += piece.features.count
        featuresWithDroppedOrdinates += piece.dropped
        s.pos = piece.end
        s.depth = side.depth - 1
        progress?(piece.end)
        sidePieceTaken = true
        return true
    }

    private mutating func add(_ f: Feature, index: Int, at offset: Int) throws {
        if featureDroppedOrdinates { featuresWithDroppedOrdinates += 1; featureDroppedOrdinates = false }
        if let sink {
            try sink(f, index, offset)
            return
        }
        features.append(f)
        origins.append(Origin(index: index, line: collectFaults ? line(at: offset) : 0))
    }

    /// The line of an offset at or after the last one asked for: one pass over the file in all.
    private mutating func line(at offset: Int) -> Int {
        while countedTo < offset {
            if s.base[countedTo] == 0x0A { countedLine += 1 }
            countedTo += 1
        }
        return countedLine
    }

    // MARK: Resolving an object once all its members are read

    private mutating func resolveTop(_ m: inout Members) throws {
        switch m.type {
        case .featureCollection?:
            guard m.hasFeatures else { throw geo("a FeatureCollection needs a \"features\" array", at: m.offset) }
        case .feature?:
            featureIndex = 0
            try noFeatures(m)
            try add(try resolveFeature(&m), index: 0, at: m.offset)
            featureCount = 1
        case .geometry?:
            try noFeatures(m)
            try add(Feature(geometry: try resolveGeometry(&m)), index: 0, at: m.offset)
            featureCount = 1
        case let .unknown(name)?:
            throw geo("unknown GeoJSON type \"\(name)\"", at: m.offset)
        case nil:
            throw geo("not GeoJSON: the object has no \"type\" member", at: m.offset)
        }
    }

    private func noFeatures(_ m: Members) throws {
        if m.hasFeatures { throw geo("\"features\" belongs in a FeatureCollection, not here", at: m.offset) }
    }

    private func resolveFeature(_ m: inout Members) throws -> Feature {
        switch m.type {
        case .feature?: break
        case nil: throw geo("a feature needs \"type\": \"Feature\"", at: m.offset)
        case .featureCollection?: throw geo("wrong type: expected \"Feature\", found \"FeatureCollection\"", at: m.offset)
        case let .geometry(t)?: throw geo("wrong type: expected \"Feature\", found \"\(t.geoJSONName)\"", at: m.offset)
        case let .unknown(name)?: throw geo("wrong type: expected \"Feature\", found \"\(name)\"", at: m.offset)
        }
        guard m.hasGeometry else { throw geo("a feature needs a \"geometry\" member (null is allowed)", at: m.offset) }
        return Feature(geometry: m.geometry, properties: m.properties ?? JSONObject(), id: m.id)
    }

    private func resolveGeometry(_ m: inout Members) throws -> Geometry {
        let type: GeometryType
        switch m.type {
        case let .geometry(t)?: type = t
        case nil: throw geo("a geometry needs a \"type\" member", at: m.offset)
        case .feature?: throw geo("expected a geometry, found a \"Feature\"", at: m.offset)
        case .featureCollection?: throw geo("expected a geometry, found a \"FeatureCollection\"", at: m.offset)
        case let .unknown(name)?: throw geo("unknown geometry type \"\(name)\"", at: m.offset)
        }
        if type == .geometryCollection {
            if isSidePiece { throw geo("a GeometryCollection is read by the main parser", at: m.offset) }
            guard let parts = m.geometries else { throw geo("a GeometryCollection needs a \"geometries\" array", at: m.offset) }
            do {
                return try builder.context.collection(.geometryCollection, parts)
            } catch let e as GeometryError {
                throw ScanFault(kind: .geometry, offset: m.offset, reason: e.description)
            }
        }
        if let g = m.built { return g }
        if let t = m.pending { return try build(type, t) }
        throw geo("a \(type.geoJSONName) needs \"coordinates\"", at: m.offset)
    }

    /// A value of the wrong kind: reads it first, so broken JSON is reported as such.
    private mutating func wrongValue(_ reason: String) -> ScanFault {
        let at = s.pos
        do { _ = try s.readValue() } catch let f as ScanFault { return f } catch {}
        return geo(reason, at: at)
    }

    private func geo(_ reason: String, at offset: Int? = nil) -> ScanFault {
        s.fault(reason, at: offset, kind: .geoJSON)
    }
}
