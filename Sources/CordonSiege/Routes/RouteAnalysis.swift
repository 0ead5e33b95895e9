import CordonCore
import CordonGeometry
import Foundation

/// Fire control over routes on one date (docs/design.md#routes): how much of each
/// route lies inside hostile ground and within the fire range of it, and for corridors where
/// they lead and how many people live near their entry. One analysis per worker.
public final class RouteAnalysis {
    let ws: Workspace
    let routes: [Route]
    let options: RouteOptions
    let enclosure: EnclosureAnalysis
    /// Routes in metres (UTM), same order.
    let routesMetres: [Geometry]

    public init(map: ControlMap, routes: [Route], options: RouteOptions, layers: EnclosureLayers = EnclosureLayers(),
                context: GEOSContext) throws {
        try options.validate()
        try map.requireControllers([options.besieged], role: { _ in "the besieged controller" })
        try map.requireControllers(options.allies, role: { _ in "the allied controller" })
        ws = try Workspace(map: map, layers: layers, context: context)
        self.options = options
        self.routes = try routes.map { r in
            r.geometry.context === context ? r : Route(
                feature: r.feature, name: r.name, kind: r.kind, geometry: try r.geometry.copy(into: context),
                capacityPerDay: r.capacityPerDay, hoursPerDay: r.hoursPerDay, from: r.from, until: r.until)
        }
        let workspace = ws
        enclosure = EnclosureAnalysis(workspace: workspace, options: options.enclosure)
        routesMetres = try self.routes.map { try workspace.toUTM.apply($0.geometry) }
    }

    /// Every route's state on `day` (every area of the map when nil), in file order.
    public func states(on day: Day?) throws -> [RouteState] {
        try states(of: routes.indices, on: day)
    }

    /// The states of some of the routes (by position), for workers that share the routes out.
    func states(of selection: some Sequence<Int>, on day: Day?) throws -> [RouteState] {
        let pockets = try enclosure.pockets(on: day)
        let held = try pockets.map { try PreparedGeometry($0.geometry) }
        let tiles = FireTiles(ws, range: options.fireRange, on: day, isHostile: { [unowned self] in self.isHostile($0) })
        return try selection.map { try state(of: $0, on: day, pockets: held, tiles: tiles) }
    }

    private func isHostile(_ i: Int) -> Bool { !options.enclosure.isPassable(ws.areas[i].controller) }

    private func state(of i: Int, on day: Day?, pockets: [PreparedGeometry], tiles: FireTiles) throws -> RouteState {
        let route = routes[i], metres = routesMetres[i]
        var s = RouteState(route: route, condition: .unknown, lengthKm: Geodesic.length(route.geometry) / 1000)
        if route.kind == .corridor {
            s.declaredOpen = route.declaredOpen(on: day)
            s.dailyCapacity = route.dailyCapacity
        }
        guard let bounds = route.geometry.bounds else { return s }
        let line = try PreparedGeometry(route.geometry)
        let covered = try ws.areas(near: bounds, on: day).contains { try line.intersects(ws.areas[$0].geometry) }
        guard covered else { return s }  // the map says nothing of this route

        try measureFire(&s, metres: metres, bounds: bounds, tiles: tiles, on: day)
        try locate(&s, pockets: pockets, on: day)
        return s
    }

    /// Hostile and exposed stretches, their lengths, the distance to hostile ground, the status.
    private func measureFire(_ s: inout RouteState, metres: Geometry, bounds: Bounds, tiles: FireTiles,
                             on day: Day?) throws {
        var inside: [Geometry] = [], exposed: [Geometry] = [], outside: [Geometry] = []
        var nearest = Double.infinity
        for tile in try tiles.tiles(crossing: metres) {
            guard let near = tile.near, let hostile = tile.hostile, let underFire = tile.underFire else { continue }
            let piece = try metres.clip(to: tile.bounds)
            if piece.isEmpty { continue }
            let firing = try piece.intersection(underFire)
            inside += try piece.intersection(hostile).lines()
            exposed += try firing.lines()
            // Line minus polygon, not line minus line: robust where a stretch ends on a front.
            outside += try firing.difference(hostile).lines()
            nearest = min(nearest, try piece.distance(to: near))
        }
        guard !exposed.isEmpty else {
            s.condition = .open
            s.minDistanceM = try nearestHostile(metres, bounds: bounds, beyond: options.fireRange, on: day)
            return
        }
        let hostileLonLat = try stretch(inside), exposedLonLat = try stretch(exposed)
        s.hostileKm = Geodesic.length(hostileLonLat) / 1000
        s.exposedKm = Geodesic.length(exposedLonLat) / 1000
        s.minDistanceM = s.hostileKm > 0 ? 0 : nearest
        s.condition = s.hostileKm > 0 ? .cut : s.exposedKm > 0 ? .underFire : .open
        if s.hostileKm > 0 { s.hostileStretch = hostileLonLat }
        let outsideLonLat = try stretch(outside)
        if !outsideLonLat.isEmpty { s.exposedStretch = outsideLonLat }
    }

    /// Pieces cut at tile borders joined into one MultiLineString (lon/lat): the union counts a
    /// shared border stretch once, the merge rejoins lines split at a border, a 1 cm
    /// simplification drops the vertices left where they were cut, and points go.
    private func stretch(_ pieces: [Geometry]) throws -> Geometry {
        let lines = pieces.isEmpty ? [] : try ws.ctx.union(pieces).lineMerge().simplify(tolerance: 0.01, preserveTopology: false).lines()
        let kept = try lines.filter { try $0.planarLength() > 0 }
        return try ws.toLonLat.apply(ws.ctx.collection(.multiLineString, kept))
    }

    /// Metres to the nearest hostile ground beyond the fire range, searching ever wider; nil if none.
    /// Candidates are measured nearest envelope first, stopping once no envelope can be closer.
    private func nearestHostile(_ metres: Geometry, bounds: Bounds, beyond range: Double, on day: Day?) throws -> Double? {
        let rb = metres.bounds!
        var radius = max(range, 1000) * 4
        while radius <= 1_000_000 {  // 1,000 km: beyond that, no hostile ground worth naming
            let found = try ws.areas(near: bounds.expanded(by: ws.degrees(spanning: radius)), on: day).filter(isHostile)
            var best = Double.infinity
            let ordered = try found.map { (i: $0, gap: try Self.gap(rb, ws.projected($0).bounds!)) }.sorted { $0.gap < $1.gap }
            for c in ordered where c.gap < best {
                best = min(best, try metres.distance(to: ws.projected(c.i)))
            }
            if best <= radius { return best }
            radius *= 4
        }
        return nil
    }

    /// Distance between two boxes (0 when they meet): no geometry inside them can be closer.
    private static func gap(_ a: Bounds, _ b: Bounds) -> Double {
        let dx = max(0, max(a.minX - b.maxX, b.minX - a.maxX)), dy = max(0, max(a.minY - b.maxY, b.minY - a.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The pocket served and, for corridors, where they lead and who lives near the entry.
    private func locate(_ s: inout RouteState, pockets: [PreparedGeometry], on day: Day?) throws {
        let parts = s.route.geometry.parts
        guard let first = parts.first?.coordinates.first, let last = parts.last?.coordinates.last else { return }
        let ends = [try ws.ctx.point(first), try ws.ctx.point(last)]
        func pocket(holding p: Geometry) throws -> Int? { try pockets.firstIndex { try $0.intersects(p) } }
        // The origin is the end inside a besieged pocket; the first point when neither is.
        var (origin, destination) = (ends[0], ends[1])
        s.pocket = try pocket(holding: ends[0])
        if s.pocket == nil, let p = try pocket(holding: ends[1]) {
            s.pocket = p
            (origin, destination) = (ends[1], ends[0])
        }
        guard s.route.kind == .corridor else {
            // A supply route with neither end in a pocket may still pass through one.
            if s.pocket == nil { s.pocket = try pockets.firstIndex { try $0.intersects(s.route.geometry) } }
            return
        }
        s.origin = try controller(at: origin, on: day)
        s.destination = try controller(at: destination, on: day)
        let circle = try ws.toUTM.apply(origin).buffer(options.walk, quadrantSegments: 16)
        s.reachPopulation = try AreaWeighting(ws).population(inside: ws.toLonLat.apply(circle), metres: circle, on: day)
    }

    private func controller(at point: Geometry, on day: Day?) throws -> String? {
        guard let b = point.bounds else { return nil }
        return try ws.areas(near: b, on: day).first { try ws.areas[$0].geometry.intersects(point) }
            .map { ws.areas[$0].controller }
    }
}
