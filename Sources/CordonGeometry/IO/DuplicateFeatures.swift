import CGEOS
import CordonCore

/// A feature that repeats an earlier one exactly: the same geometry, coordinate for coordinate,
/// and the same properties (in any order; `id` aside). A map that holds a feature twice counts its
/// ground and its people twice, so the readers warn about it.
///
/// The same geometry with other properties is not a duplicate: with another controller at the
/// same time it is an overlap, which the enclosure refuses; at other times, a change of hands.
public struct DuplicateFeature: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The later feature, counted from 0.
    public var feature: Int
    /// The earlier feature it repeats.
    public var original: Int

    /// A note that feature `feature` of `file` repeats feature `original`.
    public init(file: String, feature: Int, original: Int) {
        self.file = file
        self.feature = feature
        self.original = original
    }

    /// One line: `map.geojson: feature 5: warning: the same geometry and properties as feature 2, …`.
    public var description: String {
        "\(file): feature \(feature): warning: the same geometry and properties as feature \(original), so it counts twice"
    }
}

/// Spots duplicates as features go past, keeping a 64-bit fingerprint of each rather than the
/// feature, so a streaming reader stays streaming (about 16 bytes a feature). The fingerprint
/// is Swift's `Hasher`, keyed afresh in every process, so no file can be made to collide on purpose.
public struct DuplicateFinder {
    private var seen: [Int: Int] = [:]
    private let writer: WKBWriter

    /// A finder for the geometries of `context`, having seen nothing yet.
    public init(context: GEOSContext) {
        writer = WKBWriter(context: context)
    }

    /// The earlier feature whose fingerprint `feature` (number `index`) shares; nil the first time.
    public mutating func sighting(of feature: Feature, index: Int) -> Int? {
        guard let print = fingerprint(feature) else { return nil }
        if let first = seen[print] { return first }
        seen[print] = index
        return nil
    }

    /// Every exact duplicate among features held in memory, each checked byte for byte behind
    /// its fingerprint, in file order.
    public static func find(_ features: [Feature], file: String, context: GEOSContext) -> [DuplicateFeature] {
        let finder = DuplicateFinder(context: context)
        let prints = fingerprints(features, context: context)
        var out: [DuplicateFeature] = []
        // The first feature of each fingerprint, and the later ones that proved not to repeat it.
        var first = [Int: Int](minimumCapacity: features.count)
        var others: [Int: [Int]] = [:]
        for i in features.indices {
            guard let print = prints[i] else { continue }
            guard let a = first[print] else { first[print] = i; continue }
            let f = features[i]
            if finder.same(features[a], f) {
                out.append(DuplicateFeature(file: file, feature: i, original: a))
            } else if let original = others[print]?.first(where: { finder.same(features[$0], f) }) {
                out.append(DuplicateFeature(file: file, feature: i, original: original))
            } else {
                others[print, default: []].append(i)
            }
        }
        return out
    }

    /// Each feature's fingerprint; a large layer's second half on a side thread, which reads
    /// its geometries in a GEOS context of its own.
    private static func fingerprints(_ features: [Feature], context: GEOSContext) -> [Int?] {
        let main = Unchecked(context)
        let done = inHalves(features) { half, side -> [Int?] in
            let handle = (side ?? main.value).handle
            var buffer: [Double] = []
            return half.map { fingerprint($0, handle: handle, buffer: &buffer) }
        }
        if let done { return done }
        var buffer: [Double] = []
        return features.map { fingerprint($0, handle: nil, buffer: &buffer) }
    }

    private func fingerprint(_ feature: Feature) -> Int? {
        var buffer: [Double] = []
        return Self.fingerprint(feature, handle: nil, buffer: &buffer)
    }

    /// `handle`: the GEOS context to read the geometry in; nil for its own.
    private static func fingerprint(_ feature: Feature, handle: GEOSContextHandle_t?, buffer: inout [Double]) -> Int? {
        var h = Hasher()
        if let g = feature.geometry {
            guard hash(g, handle: handle ?? g.context.handle, into: &h, buffer: &buffer) else { return nil }
        } else {
            h.combine(-1)
        }
        // Members in any order: the sum of each member's own hash.
        var members = 0
        for (key, value) in feature.properties {
            var m = Hasher()
            m.combine(key)
            Self.hash(value, into: &m)
            members = members &+ m.finalize()
        }
        h.combine(members)
        return h.finalize()
    }

    /// Feeds the geometry's type, structure and coordinates to `h`, read straight from GEOS
    /// (no WKB copy); false when GEOS cannot say.
    private static func hash(_ g: Geometry, handle ctx: GEOSContextHandle_t, into h: inout Hasher, buffer xy: inout [Double]) -> Bool {
        func ring(_ r: OpaquePointer) -> Bool {
            guard let seq = GEOSGeom_getCoordSeq_r(ctx, r) else { return false }
            var n: UInt32 = 0
            guard GEOSCoordSeq_getSize_r(ctx, seq, &n) == 1 else { return false }
            h.combine(n)
            if n == 0 { return true }
            let count = 2 * Int(n)
            if xy.count < count { xy = [Double](repeating: 0, count: max(count, 2 * xy.count)) }
            guard xy.withUnsafeMutableBufferPointer({ GEOSCoordSeq_copyToBuffer_r(ctx, seq, $0.baseAddress, 0, 0) }) == 1
            else { return false }
            xy.withUnsafeBytes { h.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[..<(count * 8)])) }
            return true
        }
        func walk(_ p: OpaquePointer) -> Bool {
            let type = GEOSGeomTypeId_r(ctx, p)
            h.combine(type)
            switch type {
            case 0, 1, 2:  // point, line string, linear ring
                return ring(p)
            case 3:  // polygon
                guard GEOSisEmpty_r(ctx, p) == 0 else { h.combine(0); return true }
                guard let shell = GEOSGetExteriorRing_r(ctx, p), ring(shell) else { return false }
                let holes = GEOSGetNumInteriorRings_r(ctx, p)
                guard holes >= 0 else { return false }
                h.combine(holes)
                for i in 0..<holes {
                    guard let r = GEOSGetInteriorRingN_r(ctx, p, i), ring(r) else { return false }
                }
                return true
            default:
                let n = GEOSGetNumGeometries_r(ctx, p)
                guard n >= 0 else { return false }
                h.combine(n)
                for i in 0..<n {
                    guard let part = GEOSGetGeometryN_r(ctx, p, i), walk(part) else { return false }
                }
                return true
            }
        }
        return walk(g.pointer)
    }

    /// Feeds a JSON value to `h`: equal values (as `jsonText` writes them) hash alike.
    private static func hash(_ v: JSONValue, into h: inout Hasher) {
        switch v {
        case .null: h.combine(0)
        case .bool(let b): h.combine(1); h.combine(b)
        case .number(let n): h.combine(2); h.combine(n)
        case .string(let s): h.combine(3); h.combine(s)
        case .array(let a):
            h.combine(4); h.combine(a.count)
            for x in a { hash(x, into: &h) }
        case .object(let o):
            h.combine(5)
            for (k, x) in o { h.combine(k); hash(x, into: &h) }
        }
    }

    private func same(_ a: Feature, _ b: Feature) -> Bool {
        guard Self.members(a).elementsEqual(Self.members(b), by: ==) else { return false }
        switch (a.geometry, b.geometry) {
        case (nil, nil): return true
        case let (ga?, gb?): return (try? writer.write(ga)) == (try? writer.write(gb))
        default: return false
        }
    }

    /// The properties sorted by key, each value as JSON text: the same properties in any order match.
    private static func members(_ feature: Feature) -> [(String, String)] {
        feature.properties.map { ($0.0, $0.1.jsonText) }.sorted { $0.0 < $1.0 }
    }
}
