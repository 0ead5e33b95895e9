import CGEOS
import CordonCore

/// Writes RFC 7946 GeoJSON: exterior rings counter-clockwise and holes clockwise,
/// coordinates at `decimals` places (6 by default, about 0.1 m), no `crs`, a `bbox`
/// on the collection. The same features always give the same bytes: one feature per
/// line, members in a fixed order (type, id, properties, geometry).
public struct GeoJSONWriter {
    /// Decimal places of coordinates, 0 to 9; 6 places is about 0.1 m.
    public var decimals: Int
    /// Properties whose whole numbers are written with a decimal point (`4.0`), so GDAL and
    /// QGIS type them Real in every file; empty writes every number in its shortest form.
    public var reals: Set<String>

    /// A writer rounding coordinates to `decimals` places (0 to 9).
    ///
    /// - Parameters:
    ///   - decimals: Places of coordinates, 0 to 9.
    ///   - reals: Properties always written as Real, such as `FractionalFields.names`.
    public init(decimals: Int = 6, reals: Set<String> = []) {
        precondition((0...9).contains(decimals), "decimals must be 0 to 9")
        self.decimals = decimals
        self.reals = reals
    }

    /// Writes a FeatureCollection to `path` atomically ("-" is standard output).
    ///
    /// - Throws: ``GeometryError`` for a geometry that cannot be written, or
    ///   `FileWriteError`; the target is then untouched.
    public func write(_ features: [Feature], to path: String) throws {
        try AtomicFile.write(to: path) { try write(features, into: &$0) }
    }

    /// A FeatureCollection as bytes.
    public func collection(_ features: [Feature]) throws -> [UInt8] {
        var out = ByteOutput()
        try write(features, into: &out)
        return out.bytes
    }

    /// Appends a FeatureCollection of `features` to `out`.
    /// - Throws: ``GeometryError`` for a geometry that cannot be written.
    public func write(_ features: [Feature], into out: inout ByteOutput) throws {
        out.append(contentsOf: try head(Self.bounds(features)))
        var stream = FeatureStream(decimals: decimals, reals: reals)
        // A large collection in blocks, encoded ahead on the side threads (each block reading its
        // geometries in a GEOS context of its own) while this thread writes them out in order.
        let block = Self.block
        guard features.count >= 2 * block else {
            for f in features { try stream.add(f, into: &out) }
            stream.finish(&out)
            return
        }
        let ahead = 3  // blocks encoded or being encoded at once; each has its own context
        let contexts = try (0..<ahead).map { _ in try GEOSContext() }
        let shared = Unchecked((features, contexts)), (decimals, reals) = (decimals, reals)
        let starts = Array(stride(from: 0, to: features.count, by: block))
        var pending: [SideTask<[UInt8]>] = [], launched = 0
        func launch() {
            guard launched < starts.count else { return }
            let k = launched, range = starts[k]..<min(starts[k] + block, features.count)
            pending.append(SideTask { () throws -> [UInt8] in
                let (all, ctx) = (shared.value.0, shared.value.1[k % ahead])
                var encoder = GeometryEncoder(decimals: decimals, reals: reals), bytes = ByteOutput()
                for i in range {
                    bytes.append(i == 0 ? "\n" : ",\n")
                    let f = all[i]
                    try encoder.feature(Feature(geometry: f.geometry?.viewed(in: ctx), properties: f.properties, id: f.id), &bytes)
                }
                return bytes.bytes
            })
            launched += 1
        }
        for _ in 0..<ahead { launch() }
        do {
            while !pending.isEmpty {
                out.append(contentsOf: try pending.removeFirst().value())
                try out.flushIfLarge()
                launch()  // its context's last block is written: no other block uses it now
            }
        } catch {
            for task in pending { task.wait() }
            throw error
        }
        stream.counted(features.count)
        stream.finish(&out)
    }

    /// Features per block when a large collection is encoded on two threads.
    static let block = 2048

    /// Streams a FeatureCollection to `path` ("-" is standard output): `body` adds the
    /// features one at a time and none is held in memory. The output is the same bytes as
    /// `write(_:to:)` gives: the bbox, known only at the end, still comes first (the
    /// features are spooled to a temporary file meanwhile).
    ///
    /// - Parameters:
    ///   - path: The destination; "-" is standard output.
    ///   - body: Calls `add` once per feature, in output order.
    /// - Throws: ``GeometryError``, `FileWriteError` or whatever `body` throws;
    ///   the target is then untouched.
    public func stream(to path: String, _ body: (_ add: (Feature) throws -> Void) throws -> Void) throws {
        try AtomicFile.writeSpooled(to: path) { (rest: inout ByteOutput) -> [UInt8] in
            var stream = FeatureStream(decimals: decimals, reals: reals)
            try withoutActuallyEscaping({ (f: Feature) throws in try stream.add(f, into: &rest) }) { add in
                try body(add)
            }
            stream.finish(&rest)
            return try head(stream.bounds)
        }
    }

    /// `{"type":"FeatureCollection","bbox":[...],"features":[`; no bbox without geometry.
    private func head(_ bounds: Bounds?) throws -> [UInt8] {
        var out = ByteOutput()
        out.append("{\"type\":\"FeatureCollection\"")
        if let b = bounds {
            out.append(",\"bbox\":[")
            for (i, v) in [b.minX, b.minY, b.maxX, b.maxY].enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try GeometryEncoder.number(v, decimals, &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(",\"features\":[")
        return out.bytes
    }

    /// One feature as a GeoJSON object.
    public func feature(_ f: Feature) throws -> String {
        var out = ByteOutput()
        var encoder = GeometryEncoder(decimals: decimals, reals: reals)
        try encoder.feature(f, &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// One geometry as a GeoJSON geometry object.
    public func geometry(_ g: Geometry) throws -> String {
        var out = ByteOutput()
        var encoder = GeometryEncoder(decimals: decimals)
        try encoder.geometry(g, &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func bounds(_ features: [Feature]) -> Bounds? {
        var all: Bounds?
        for f in features {
            guard let b = f.geometry?.bounds else { continue }
            all = all.map { $0.union(b) } ?? b
        }
        return all
    }
}

/// The features of a collection, one per line, with their bbox gathered on the way.
struct FeatureStream {
    private var encoder: GeometryEncoder
    private(set) var bounds: Bounds?
    private var count = 0

    init(decimals: Int, reals: Set<String> = []) { encoder = GeometryEncoder(decimals: decimals, reals: reals) }

    mutating func add(_ f: Feature, into out: inout ByteOutput) throws {
        if let b = f.geometry?.bounds { bounds = bounds.map { $0.union(b) } ?? b }
        out.append(count == 0 ? "\n" : ",\n")
        try encoder.feature(f, &out)
        count += 1
        try out.flushIfLarge()
    }

    /// Counts `n` features whose lines were written by someone else (they start ",\n").
    mutating func counted(_ n: Int) { count += n }

    func finish(_ out: inout ByteOutput) {
        out.append(count == 0 ? "]}\n" : "\n]}\n")
    }
}

/// Walks a GEOS geometry and writes its GeoJSON. Keeps one coordinate buffer for every ring.
struct GeometryEncoder {
    let decimals: Int
    let reals: Set<String>
    private var buffer: [Double] = []

    init(decimals: Int, reals: Set<String> = []) {
        self.decimals = decimals
        self.reals = reals
    }

    mutating func feature(_ f: Feature, _ out: inout ByteOutput) throws {
        out.append("{\"type\":\"Feature\"")
        if let id = f.id {
            out.append(",\"id\":")
            out.append(json: id)
        }
        out.append(",\"properties\":")
        properties(f.properties, &out)
        out.append(",\"geometry\":")
        if let g = f.geometry { try geometry(g, &out) } else { out.append("null") }
        out.append(UInt8(ascii: "}"))
    }

    // The last key list written, each key's `"key":` bytes (a comma before all but the first)
    // and whether it is a real: features made as rows share one key list, so their keys are
    // escaped and looked up once (the list is held, so its buffer cannot be reused meanwhile).
    private var keys: [String] = [], keyBytes: [[UInt8]] = [], keyIsReal: [Bool] = []

    /// `o` as `ByteOutput.append(json:reals:)` writes it.
    private mutating func properties(_ o: JSONObject, _ out: inout ByteOutput) {
        let same = o.keys.count == keys.count
            && o.keys.withUnsafeBufferPointer { a in keys.withUnsafeBufferPointer { $0.baseAddress == a.baseAddress } }
        if !same {
            keys = o.keys
            keyIsReal = keys.map(reals.contains)
            keyBytes = keys.enumerated().map { i, k in
                var b = ByteOutput()
                if i > 0 { b.append(UInt8(ascii: ",")) }
                b.append(jsonString: k)
                b.append(UInt8(ascii: ":"))
                return b.bytes
            }
        }
        out.append(UInt8(ascii: "{"))
        for (i, v) in o.values.enumerated() {
            out.append(contentsOf: keyBytes[i])
            if keyIsReal[i], case let .number(x) = v { out.append(real: x) } else { out.append(json: v) }
        }
        out.append(UInt8(ascii: "}"))
    }

    mutating func geometry(_ g: Geometry, _ out: inout ByteOutput) throws {
        let type = g.type
        out.append("{\"type\":\"")
        out.append(contentsOf: type.geoJSONName.utf8)
        if type == .geometryCollection {
            out.append("\",\"geometries\":[")
            for i in 0..<g.partCount {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try geometry(g.part(i), &out)
            }
            out.append("]}")
            return
        }
        out.append("\",\"coordinates\":")
        try coordinates(g, type, &out)
        out.append(UInt8(ascii: "}"))
    }

    private mutating func coordinates(_ g: Geometry, _ type: GeometryType, _ out: inout ByteOutput) throws {
        switch type {
        case .point:
            if g.isEmpty { out.append("[]") } else { try sequence(g, .asIs, single: true, &out) }
        case .lineString, .linearRing:
            try sequence(g, .asIs, single: false, &out)
        case .polygon:
            try polygon(g, &out)
        case .multiPoint, .multiLineString, .multiPolygon:
            out.append(UInt8(ascii: "["))
            for i in 0..<g.partCount {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try coordinates(g.part(i), type == .multiPoint ? .point : type == .multiLineString ? .lineString : .polygon, &out)
            }
            out.append(UInt8(ascii: "]"))
        case .geometryCollection:
            out.append("[]")  // not reached: collections write "geometries"
        }
    }

    private mutating func polygon(_ g: Geometry, _ out: inout ByteOutput) throws {
        guard !g.isEmpty, let shell = g.exteriorRing else { out.append("[]"); return }
        out.append(UInt8(ascii: "["))
        try sequence(shell, .counterClockwise, single: false, &out)
        for i in 0..<g.interiorRingCount {
            out.append(UInt8(ascii: ","))
            try sequence(g.interiorRing(i)!, .clockwise, single: false, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    enum Winding { case asIs, counterClockwise, clockwise }

    /// Writes a point's position (`single`) or a line's or ring's positions, reversed when
    /// a ring's winding is not the one asked for.
    private mutating func sequence(_ g: Geometry, _ winding: Winding, single: Bool, _ out: inout ByteOutput) throws {
        let h = g.context.handle
        guard let seq = GEOSGeom_getCoordSeq_r(h, g.pointer) else { throw g.context.error("read coordinates") }
        var n: UInt32 = 0
        GEOSCoordSeq_getSize_r(h, seq, &n)
        let count = Int(n)
        if buffer.count < 2 * count { buffer = [Double](repeating: 0, count: 2 * count) }
        var reverse = false
        if winding != .asIs && count >= 4 {
            var ccw: CChar = 0
            if GEOSCoordSeq_isCCW_r(h, seq, &ccw) == 1 {
                reverse = (ccw == 1) != (winding == .counterClockwise)
            }
        }
        let form = FixedPoint(decimals: decimals), decimals = decimals
        try buffer.withUnsafeMutableBufferPointer { b in
            if count > 0 { GEOSCoordSeq_copyToBuffer_r(h, seq, b.baseAddress, 0, 0) }
            if !single { out.append(UInt8(ascii: "[")) }
            // Positions written in place, a batch at a time (`[x,y]` and a comma: two numbers'
            // room and 4 bytes each); a batch with a number the fixed form cannot take is
            // written number by number instead, which throws for one that is not finite.
            let batch = 512, each = 2 * FixedPoint.room + 4
            for first in stride(from: 0, to: count, by: batch) {
                let positions = first..<min(first + batch, count)
                var fitted = true
                out.append(room: each * positions.count) { p in
                    var k = 0
                    for j in positions {
                        let i = reverse ? count - 1 - j : j
                        if j > 0 { p[k] = 44; k += 1 }
                        p[k] = 91; k += 1
                        guard let x = form.write(b[2 * i], at: p + k) else { fitted = false; return 0 }
                        k += x
                        p[k] = 44; k += 1
                        guard let y = form.write(b[2 * i + 1], at: p + k) else { fitted = false; return 0 }
                        k += y
                        p[k] = 93; k += 1
                    }
                    return k
                }
                if fitted { continue }
                for j in positions {
                    let i = reverse ? count - 1 - j : j
                    out.append(j > 0 ? ",[" : "[")
                    try Self.number(b[2 * i], decimals, &out)
                    out.append(UInt8(ascii: ","))
                    try Self.number(b[2 * i + 1], decimals, &out)
                    out.append(UInt8(ascii: "]"))
                }
            }
            if !single { out.append(UInt8(ascii: "]")) }
        }
    }

    func number(_ x: Double, _ out: inout ByteOutput) throws { try Self.number(x, decimals, &out) }

    static func number(_ x: Double, _ decimals: Int, _ out: inout ByteOutput) throws {
        guard out.append(fixed: x, decimals: decimals) else {
            throw GeometryError.unsupported("cannot write a coordinate that is not finite (\(x)) as GeoJSON")
        }
    }
}
