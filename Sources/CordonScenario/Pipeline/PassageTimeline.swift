import CordonCore
import CordonGeometry
import CordonSiege
import CordonSupply

/// The statuses of the corridors and airports inflows come by, period by period of the map
/// (docs/design.md#inflows). Routes are judged by geometry (`RouteTimeline`); these are not:
///
/// - a corridor crosses the front by design, so hostile ground on its line does not cut it. It is
///   open on the days it is declared open (its `from`/`until`) while its entry is held: one end
///   of its line lies in ground of the besieged side or an ally. Losing the entry cuts it.
/// - an airport is open while the ground at its point is held by the besieged side, an ally or a
///   neutral party; hostile ground there, or no area at all, cuts it. On a border between a
///   friendly and a hostile area, hostile wins: the cautious reading.
struct PassageTimeline {
    let map: ControlMap
    let routes: [Route]
    /// Controllers whose ground holds a corridor's entry: the besieged side and its allies.
    let entryHolders: Set<String>
    /// Controllers whose ground keeps an airport open: those, and neutral parties.
    let airportHolders: Set<String>
    let context: GEOSContext

    /// The passages of a siege: its besieged side and allies hold corridor entries; they and
    /// neutral parties keep airports open.
    init(map: ControlMap, routes: [Route], siege: SiegeSettings, context: GEOSContext) {
        self.map = map
        self.routes = routes
        entryHolders = Set([siege.besieged] + siege.allies)
        airportHolders = entryHolders.union(siege.neutral)
        self.context = context
    }

    /// Adds every corridor and airport the inflows of `model` name to `access`.
    func add(_ model: SupplyScenario, to access: inout AccessTimeline) throws {
        for passage in model.passages {
            switch passage {
            case .route:
                continue
            case .corridor(let name):
                guard let corridor = routes.first(where: { $0.name == name }) else { continue }
                let ends = try corridor.geometry.parts.flatMap { part in
                    try [part.coordinates.first, part.coordinates.last].compactMap { $0 }.map { try context.point($0) }
                }
                for period in RouteTimeline.periods(map: map, routes: [corridor]) {
                    let day = period.sampleDay
                    let open = try corridor.declaredOpen(on: day) && ends.contains { try held($0, on: day, by: entryHolders) }
                    access.set(passage, open ? .open : .cut, from: period.from ?? .distantPast)
                }
            case .airport(let lon, let lat):
                let point = try context.point(Coordinate(lon, lat))
                for period in map.periods {
                    let open = try held(point, on: period.sampleDay, by: airportHolders)
                    access.set(passage, open ? .open : .cut, from: period.from ?? .distantPast)
                }
            }
        }
    }

    /// Whether `point` lies in ground of `holders` on `day`, and in no other side's ground.
    private func held(_ point: Geometry, on day: Day?, by holders: Set<String>) throws -> Bool {
        var friendly = false
        for i in map.indices(on: day) where try map.areas[i].geometry.covers(point) {
            if !holders.contains(map.areas[i].controller) { return false }
            friendly = true
        }
        return friendly
    }
}

extension SupplyScenario {
    /// ``idleRules(access:)``, with a hint for an inflow that names a corridor as a `route`:
    /// it then follows the corridor's geometric status, nearly always cut.
    func idleRules(access: AccessTimeline, routes: [Route]) throws -> [String] {
        let corridors = Set(routes.filter { $0.kind == .corridor }.map(\.name))
        return try idleRules(access: access).map { line in
            guard let i = inflows.indices.first(where: { line.hasPrefix("inflows[\($0)] ") }),
                  let corridor = inflows[i].routes.first(where: corridors.contains) else { return line }
            return line + " ('\(corridor)' is a corridor: give it as `corridor` to follow its declared days)"
        }
    }
}
