import CordonCore
import CordonGeometry

/// What a route is for: bringing supplies in, or letting people out.
public enum RouteKind: String, Sendable, CaseIterable {
    /// A road that brings food, fuel or medicine into the pocket.
    case supply
    /// A way out for people, from a pocket to ground beyond it.
    case corridor
}

/// A road, track or declared corridor (docs/design.md#routes).
public struct Route {
    /// Position of the feature in its file (the first is 0).
    public let feature: Int
    /// The route's `name`, unique in its file ("route N" when the feature gives none).
    public let name: String
    /// Whether it brings supplies in or lets people out.
    public let kind: RouteKind
    /// LineString or MultiLineString, lon/lat. A corridor runs from its end inside a pocket
    /// (the first point when neither end is in one).
    public let geometry: Geometry
    /// People (or loads) a day the corridor can pass when open all day.
    public let capacityPerDay: Double?
    /// Hours a day the corridor is open; nil: all day.
    public let hoursPerDay: Double?
    /// Declared open from this day (inclusive) until that day (exclusive).
    public let from: Day?
    /// The first day it is no longer declared open; nil for no end.
    public let until: Day?

    /// A route as the routes file would give it.
    /// - Parameters:
    ///   - feature: Its position in the routes file, from 0, for messages.
    ///   - name: A unique name; evacuation rules and the access timeline find it by this name.
    ///   - kind: Supply route or corridor.
    ///   - geometry: A LineString or MultiLineString, lon/lat.
    ///   - capacityPerDay: People (or loads) a day the corridor passes when open all day.
    ///   - hoursPerDay: Hours a day it is open, more than 0 and at most 24; nil for all day.
    ///   - from: The first day it is declared open; nil for no start.
    ///   - until: The first day it is no longer declared open; nil for no end.
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
    /// The routes of a file's features.
    /// - Parameters:
    ///   - file: The routes file's name, for messages.
    ///   - features: Its features, in file order.
    /// - Returns: One route per feature, in file order.
    /// - Throws: ``SiegeInputError`` naming the first faulty feature: not a line, a repeated
    ///   name, a `kind` other than `supply` or `corridor`, or a bad number or date.
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
