import CordonCore
import CordonGeometry

/// What a route is for: bringing supplies in, or letting people out.
public enum RouteKind: String, Sendable, CaseIterable {
    case supply, corridor
}

/// A road, track or declared corridor (docs/design.md#routes).
public struct Route {
    /// Position of the feature in its file (the first is 0).
    public let feature: Int
    public let name: String
    public let kind: RouteKind
    /// LineString or MultiLineString, lon/lat; a corridor runs from its first point.
    public let geometry: Geometry
    /// People (or loads) a day the corridor can pass when open all day.
    public let capacityPerDay: Double?
    /// Hours a day the corridor is open; nil: all day.
    public let hoursPerDay: Double?
    /// Declared open from this day (inclusive) until that day (exclusive).
    public let from: Day?
    public let until: Day?

    public init(feature: Int, name: String, kind: RouteKind, geometry: Geometry, capacityPerDay: Double? = nil,
                hoursPerDay: Double? = nil, from: Day? = nil, until: Day? = nil) {
        self.feature = feature
        self.name = name
        self.kind = kind
        self.geometry = geometry
        self.capacityPerDay = capacityPerDay
        self.hoursPerDay = hoursPerDay
        self.from = from
        self.until = until
    }

    /// Whether the route is declared open on `day` (its `from`/`until`); always when no day.
    public func declaredOpen(on day: Day?) -> Bool { Period(from: from, until: until).contains(day) }

    /// Capacity over the hours it is open: `capacity_per_day × hours_per_day / 24`.
    public var dailyCapacity: Double? {
        capacityPerDay.map { $0 * (hoursPerDay ?? 24) / 24 }
    }
}

/// Reads a routes file: LineString/MultiLineString features with `name`, `kind`, and optional
/// `capacity_per_day`, `hours_per_day`, `from`, `until`.
public enum RouteFile {
    public static func load(file: String, features: [Feature]) throws -> [Route] {
        var names = Set<String>()
        return try features.enumerated().map { i, f in
            func fail(_ reason: String) -> SiegeInputError { SiegeInputError(file: file, feature: i, reason) }
            guard let g = f.geometry, g.type.isLineal, g.type != .linearRing else {
                throw fail("a route must be a LineString or MultiLineString")
            }
            for part in g.parts where part.coordinates.count < 2 {
                throw fail("a route needs at least 2 points")
            }
            let name = f.properties["name"]?.stringValue ?? "route \(i)"
            guard names.insert(name).inserted else { throw fail("another route is already named `\(name)`") }
            guard let kindText = f.properties["kind"]?.stringValue, let kind = RouteKind(rawValue: kindText) else {
                let got = f.properties["kind"]?.jsonText ?? "nothing"
                throw fail("`kind` must be `supply` or `corridor`, got \(got)")
            }
            func number(_ key: String, _ valid: (Double) -> Bool, _ rule: String) throws -> Double? {
                guard let v = f.properties[key], !v.isNull else { return nil }
                guard let n = v.numberValue, n.isFinite, valid(n) else { throw fail("`\(key)` must be \(rule)") }
                return n
            }
            let (from, until) = try FeatureDates.span(of: f, fail)
            return Route(feature: i, name: name, kind: kind, geometry: g,
                         capacityPerDay: try number("capacity_per_day", { $0 >= 0 }, "a number ≥ 0"),
                         hoursPerDay: try number("hours_per_day", { $0 > 0 && $0 <= 24 }, "a number of hours in (0, 24]"),
                         from: from, until: until)
        }
    }
}
