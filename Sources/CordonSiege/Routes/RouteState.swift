import CordonCore
import CordonGeometry

/// What the model says of one route on one date or period.
public struct RouteState {
    /// The route judged.
    public var route: Route
    /// The period it holds for (timeline); nil for a single date.
    public var period: Period?
    /// Open, under fire, cut or unknown.
    public var condition: RouteCondition
    /// Geodesic length of the whole route in km.
    public var lengthKm: Double
    /// Length inside hostile ground.
    public var hostileKm: Double
    /// Length within the fire range of hostile ground, the part inside it included.
    public var exposedKm: Double
    /// Metres to the nearest hostile ground (0 when crossing it); nil when there is none.
    public var minDistanceM: Double?
    /// The stretch inside hostile ground, lines in lon/lat; nil or empty when there is none.
    public var hostileStretch: Geometry?
    /// The stretch under fire but outside hostile ground, lines in lon/lat; nil or empty when
    /// there is none.
    public var exposedStretch: Geometry?
    /// The besieged pocket the route serves (a corridor's origin, a supply route's reach).
    public var pocket: Int?
    /// Corridors: the controller at the end inside the pocket; nil for a gap or off the map.
    public var origin: String?
    /// Corridors: the controller at the other end; nil for a gap or off the map.
    public var destination: String?
    /// Corridors: declared open on the date (their `from`/`until`).
    public var declaredOpen: Bool?
    /// Corridors: residents within walking distance of the origin.
    public var reachPopulation: Double?
    /// Corridors: what the corridor can pass in a day, from ``Route/dailyCapacity``.
    public var dailyCapacity: Double?
    /// Set when conflict events judged the route too (``EvidenceStatus``): what geometry alone
    /// said, and whether the events put it under fire. ``condition`` is then the worse of the two.
    public var evidence: (geometric: RouteCondition, underFire: Bool)?

    /// A state with the measures of a route that touches no hostile ground; the analysis
    /// fills in the rest.
    ///
    /// - Parameters:
    ///   - route: The route judged.
    ///   - period: The period the state holds for; nil for a single date.
    ///   - condition: What the analysis found.
    ///   - lengthKm: The route's geodesic length, km.
    public init(route: Route, period: Period? = nil, condition: RouteCondition, lengthKm: Double = 0) {
        self.route = route
        self.period = period
        self.condition = condition
        self.lengthKm = lengthKm
        hostileKm = 0
        exposedKm = 0
    }
}

extension RouteState {
    /// The route feature (`segment`: `whole`), then one feature per stretch (`segment`:
    /// `hostile` or `exposed`), each with the route's `status` and a stable `id`:
    /// `NAME@DAY/SEGMENT` (`FeatureID`).
    ///
    /// - Parameter date: The day asked, on single-date answers; written as `date`.
    /// - Returns: The route with its measures as properties, then its hostile and exposed
    ///   stretches, lon/lat, as `routes.geojson` holds them.
    public func features(date: Day? = nil) -> [Feature] {
        var p = JSONObject()
        p["route"] = .string(route.name)
        p["kind"] = .string(route.kind.rawValue)
        p["segment"] = .string("whole")
        p["status"] = .string(condition.rawValue)
        p["length_km"] = .number(NumberText.rounded(lengthKm, places: 6))
        p["hostile_km"] = .number(NumberText.rounded(hostileKm, places: 6))
        p["exposed_km"] = .number(NumberText.rounded(exposedKm, places: 6))
        p["min_distance_m"] = minDistanceM.map { .number($0.rounded()) } ?? .null
        p["pocket"] = pocket.map { .number(Double($0)) } ?? .null
        if route.kind == .corridor {
            p["origin"] = origin.map(JSONValue.string) ?? .null
            p["destination"] = destination.map(JSONValue.string) ?? .null
            p["open"] = .bool(declaredOpen ?? true)
            p["reach_population"] = reachPopulation.map { .number($0.rounded()) } ?? .null
            p["capacity_per_day"] = route.capacityPerDay.map(JSONValue.number) ?? .null
            p["daily_capacity"] = dailyCapacity.map { .number(NumberText.rounded($0, places: 3)) } ?? .null
        }
        p.stamp(period, date: date)
        let id = { (segment: String) in FeatureID.make(route.name, period: period, date: date, part: segment) }
        var out = [Feature(geometry: route.geometry, properties: p).identified(id("whole"))]
        for (segment, stretch) in [("hostile", hostileStretch), ("exposed", exposedStretch)] {
            guard let stretch, !stretch.isEmpty else { continue }
            var s: JSONObject = ["route": .string(route.name), "kind": .string(route.kind.rawValue),
                                 "segment": .string(segment), "status": .string(condition.rawValue),
                                 "length_km": .number(NumberText.rounded(Geodesic.length(stretch) / 1000, places: 6))]
            s.stamp(period, date: date)
            out.append(Feature(geometry: stretch, properties: s).identified(id(segment)))
        }
        return out
    }
}
