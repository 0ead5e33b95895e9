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
        var out: [DuplicateFeature] = []
        var sameFingerprint: [Int: [Int]] = [:]
        for (i, f) in features.enumerated() {
            guard let print = finder.fingerprint(f) else { continue }
            let earlier = sameFingerprint[print, default: []]
            if let original = earlier.first(where: { finder.same(features[$0], f) }) {
                out.append(DuplicateFeature(file: file, feature: i, original: original))
            } else {
                sameFingerprint[print, default: []].append(i)
            }
        }
        return out
    }

    private func fingerprint(_ feature: Feature) -> Int? {
        var h = Hasher()
        if let g = feature.geometry {
            guard let wkb = try? writer.write(g) else { return nil }
            // The bytes in one go: `combine(wkb)` would feed the hasher byte by byte.
            wkb.withUnsafeBytes { h.combine(bytes: $0) }
        } else {
            h.combine(0)
        }
        for (key, value) in Self.members(feature) {
            h.combine(key)
            h.combine(value)
        }
        return h.finalize()
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
