import CordonCore
import CordonGeometry

/// One area held by one controller, for a span of days (docs/design.md#control-maps).
public struct ControlArea {
    /// Position of the feature in its file (the first is 0), for messages.
    public let feature: Int
    /// The ground held: a Polygon or MultiPolygon in lon/lat (WGS84), valid by GEOS's rules.
    public let geometry: Geometry
    /// Who holds it, as the map's `controller` property names them: "opposition", "government".
    public let controller: String
    /// First day held (inclusive); nil: since before the map begins.
    public let from: Day?
    /// First day no longer held (exclusive); nil: still held when the map ends.
    public let until: Day?
    /// The feature's `name`, kept for people reading the output; no rule uses it.
    public let name: String?
    /// Residents, for areal weighting; 0 when the feature gives none.
    public let population: Double

    /// An area as the map file would give it.
    /// - Parameters:
    ///   - feature: Its position in the map file, from 0, for messages.
    ///   - geometry: The ground held, lon/lat.
    ///   - controller: Who holds it.
    ///   - from: The first day held; nil for since before the map begins.
    ///   - until: The first day no longer held; nil for still held when the map ends.
    ///   - name: An optional label.
    ///   - population: Residents living in the area, spread evenly over it; 0 for none.
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

    /// Whether the area has a `from` or an `until`.
    public var isDated: Bool { from != nil || until != nil }
}
