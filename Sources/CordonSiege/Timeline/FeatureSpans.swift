import CordonCore
import CordonGeometry

/// A timeline layer written once per change, not once per period: a feature whose geometry
/// (vertex for vertex) and properties are the same as those of a feature ending the day it
/// starts is that feature, its `until` carried on (docs/design.md#features-written-once). Every
/// day shows the same features as before, so QGIS's temporal controller shows what it did.
public enum FeatureSpans {
    /// The features with each run of unchanged ones joined into the first.
    ///
    /// - Parameter features: Timeline features with `from`/`until` properties (ISO dates; absent
    ///   for open ends), in any order; `id`, `from` and `until` are not compared.
    /// - Returns: The features in the order of their first period, each spanning its run; the
    ///   first period's `id` is kept.
    /// - Throws: A `GeometryError` when GEOS cannot compare two geometries.
    public static func merged(_ features: [Feature]) throws -> [Feature] {
        try joined(features).features
    }

    /// As ``merged(_:)``, with the feature each input was joined into.
    /// - Returns: The joined features, and for each input feature the position of its feature
    ///   among them (per-date files take that feature's `id`).
    public static func joined(_ features: [Feature]) throws -> (features: [Feature], into: [Int]) {
        var out: [Feature] = [], into: [Int] = []
        // Features whose span is still open to extension, by the day they end and what they say.
        // A list emptied stays in the table: removing keys rehashed whole clusters of them.
        var ending: [SpanKey: [Int]] = [:]
        for f in features {
            let what = Shown(f.properties)
            let ends = SpanKey(end: f.properties["until"]?.stringValue ?? "-", what: what)
            if let from = f.properties["from"]?.stringValue, let i = ending.index(forKey: SpanKey(end: from, what: what)),
               let hit = try ending.values[i].firstIndex(where: { try sameGeometry(out[$0].geometry, f.geometry) }) {
                let c = ending.values[i].remove(at: hit)
                out[c].properties["until"] = f.properties["until"]
                ending[ends, default: []].append(c)
                into.append(c)
                continue
            }
            out.append(f)
            into.append(out.count - 1)
            ending[ends, default: []].append(out.count - 1)
        }
        return (out, into)
    }

    /// The day a span ends, and what its feature says.
    private struct SpanKey: Hashable {
        let end: String
        let what: Shown
    }

    private static func sameGeometry(_ a: Geometry?, _ b: Geometry?) throws -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        if a === b { return true }
        return try a.equalsExact(b)
    }
}
