import CordonCore
import CordonGeometry

/// One area held by one controller, for a span of days (docs/design.md#control-maps).
public struct ControlArea {
    /// Position of the feature in its file (the first is 0), for messages.
    public let feature: Int
    public let geometry: Geometry
    public let controller: String
    /// First day held (inclusive); nil: since before the map begins.
    public let from: Day?
    /// First day no longer held (exclusive); nil: still held when the map ends.
    public let until: Day?
    public let name: String?
    /// Residents, for areal weighting; 0 when the feature gives none.
    public let population: Double

    public init(feature: Int, geometry: Geometry, controller: String, from: Day? = nil, until: Day? = nil,
                name: String? = nil, population: Double = 0) {
        self.feature = feature
        self.geometry = geometry
        self.controller = controller
        self.from = from
        self.until = until
        self.name = name
        self.population = population
    }

    /// Whether the area is held on `day` (`from <= day < until`); a nil day takes every area.
    public func holds(on day: Day?) -> Bool { Period(from: from, until: until).contains(day) }

    public var isDated: Bool { from != nil || until != nil }
}
