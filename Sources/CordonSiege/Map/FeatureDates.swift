import CordonCore
import CordonGeometry

/// The `from`/`until` properties of a map area or a corridor: ISO dates, `from` before `until`.
enum FeatureDates {
    static func span(of f: Feature, _ fail: (String) -> SiegeInputError) throws -> (from: Day?, until: Day?) {
        func day(_ key: String) throws -> Day? {
            guard let v = f.properties[key], !v.isNull else { return nil }
            guard let s = v.stringValue, let d = Day(iso: s) else {
                throw fail("`\(key)` must be an ISO date (YYYY-MM-DD), got \(v.jsonText)")
            }
            return d
        }
        let from = try day("from"), until = try day("until")
        if let from, let until, from >= until { throw fail("`from` \(from) is not before `until` \(until)") }
        return (from, until)
    }
}
