import CordonGeometry
import CordonSiege
import CordonSources

/// The keys that place a scenario on the map, for `cordon run`: which files, whose siege,
/// and the point that picks the pocket to simulate. Paths are kept as written; the pipeline
/// resolves them against the scenario's folder (`Scenario.resolve`).
public struct SiegeSettings: Sendable, Equatable {
    /// The control map (GeoJSON), as written in the scenario.
    public var map: String
    /// Supply routes and corridors (GeoJSON), if any.
    public var routes: String?
    /// Districts (GeoJSON polygons with `name`, optional `population`), if any.
    public var districts: String?
    /// A road network, if any: `cordon run` then adds road access (docs/design.md#roads).
    public var roads: String?
    /// The layer to read of each source that has several, by key (`map`, `routes`, `districts`, `roads`).
    public var layers: [String: String] = [:]
    /// Where the map's controller, dates, names and residents come from when its fields are
    /// named otherwise (`map.fields`, `map.values`).
    public var mapFields = FieldMapping()
    /// The besieged controller, as the map names it.
    public var besieged: String
    /// Controllers whose ground the besieged side may cross.
    public var allies: [String]
    /// Controllers whose ground is neither a way out nor hostile (docs/design.md#neutral-ground).
    public var neutral: [String] = []
    /// Metres: areas closer than this count as joined (docs/design.md#snap).
    public var snap: Double
    /// Metres: a route within this distance of hostile ground is under fire.
    public var fireRange: Double
    /// Metres people walk to a corridor's entry.
    public var walk: Double
    /// A lon/lat point inside the pocket whose siege is simulated.
    public var focus: Coordinate

    /// Siege settings from values, as a scenario file would give them.
    /// - Parameters:
    ///   - map: The control map's path, relative to the scenario's folder.
    ///   - routes: The routes file's path, if any.
    ///   - districts: The districts file's path, if any.
    ///   - besieged: The besieged controller.
    ///   - allies: Its allies.
    ///   - snap: Metres; gaps narrower than this are closed.
    ///   - fireRange: Metres from hostile ground within which a route is under fire.
    ///   - walk: Metres people walk to a corridor's entry.
    ///   - focus: A lon/lat point inside the besieged pocket to simulate.
    public init(map: String, routes: String? = nil, districts: String? = nil, besieged: String, allies: [String] = [],
                snap: Double = 0, fireRange: Double = 1500, walk: Double = 3000, focus: Coordinate) {
        self.map = map
        self.routes = routes
        self.districts = districts
        self.besieged = besieged
        self.allies = allies
        self.snap = snap
        self.fireRange = fireRange
        self.walk = walk
        self.focus = focus
    }

    /// The scenario key that sets a setting.
    public static func key(for setting: SiegeOptionError.Setting) -> String {
        switch setting {
        case .snap: return "snap"
        case .fireRange: return "fire_range_m"
        case .walk: return "walk_m"
        }
    }

    /// What the enclosure analysis is asked.
    public var enclosureOptions: EnclosureOptions {
        EnclosureOptions(besieged: besieged, allies: allies, neutral: neutral, snap: snap)
    }

    /// What the route analysis is asked.
    public var routeOptions: RouteOptions {
        RouteOptions(besieged: besieged, allies: allies, neutral: neutral, fireRange: fireRange, snap: snap, walk: walk)
    }
}

extension Section {
    /// The siege keys at the top of a scenario; `map`, `besieged` and `focus` are required.
    func siegeSettings() throws -> SiegeSettings {
        var layers: [String: String] = [:], mapFields = FieldMapping()
        func path(_ key: String) throws -> String? {
            guard let field = optional(key) else { return nil }
            let source = try field.layerSource(fieldsAllowed: key == "map")
            if let layer = source.layer { layers[key] = layer }
            if key == "map" { mapFields = source.mapping }
            return source.path
        }
        let besiegedField = try required("besieged", "the besieged controller, as the map names it (e.g. opposition)")
        let besieged = try besiegedField.string()
        guard !besieged.isEmpty else { throw besiegedField.error("must name a controller") }
        let allies = try optional("allies")?.list().map { try $0.string() } ?? []
        if let allyList = optional("allies"), allies.contains(besieged) {
            throw allyList.error("'\(besieged)' is the besieged side, not an ally")
        }
        let neutral = try optional("neutral")?.list().map { try $0.string() } ?? []
        if let neutralList = optional("neutral"), neutral.contains(besieged) {
            throw neutralList.error("'\(besieged)' is the besieged side, not a neutral party")
        }
        let settings = SiegeSettings(
            map: try path("map") ?? required("map", "the control map, a GeoJSON file beside the scenario").string(),
            routes: try path("routes"), districts: try path("districts"),
            besieged: besieged, allies: allies,
            snap: try optional("snap")?.nonNegative() ?? 0,
            fireRange: try optional("fire_range_m")?.nonNegative() ?? 1500,
            walk: try optional("walk_m")?.nonNegative() ?? 3000,
            focus: try required("focus", "a point [lon, lat] inside the besieged pocket to simulate").lonLat())
        var placed = settings
        placed.layers = layers
        placed.mapFields = mapFields
        placed.neutral = neutral
        placed.roads = try path("roads")
        do {
            try settings.routeOptions.validate()
        } catch let e as SiegeOptionError {
            throw (optional(SiegeSettings.key(for: e.setting)) ?? field).error(e.reason)
        }
        return placed
    }
}

extension Field {
    /// `[lon, lat]` in degrees, WGS84.
    func lonLat() throws -> Coordinate {
        let numbers = try list().map { try $0.number() }
        guard numbers.count == 2 else { throw error("must be [lon, lat], two numbers") }
        guard (-180...180).contains(numbers[0]), (-90...90).contains(numbers[1]) else {
            throw error("must be [lon, lat] with lon in -180…180 and lat in -90…90")
        }
        return Coordinate(numbers[0], numbers[1])
    }
}
