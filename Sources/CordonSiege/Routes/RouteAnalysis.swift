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
    /// Routes in lon/lat in the map's continuous range of longitudes, same order.
    let routesLonLat: [Geometry]
    /// Routes in the local plane nearest each, made when first needed.
    private var routesMetres: [Int: (frame: Frame, line: Geometry)] = [:]

    /// Prepares the analysis of `routes` over `map`: indexes the map's areas.
    /// - Parameters:
    ///   - map: The control map.
    ///   - routes: The supply routes and corridors to judge.
    ///   - options: The besieged side, its allies, the fire range, snap and walking distance.
    ///   - layers: Layers that come with the map; a population layer replaces the map's own
    ///     figures in a corridor's reach population.
    ///   - context: The GEOS context to work in; the analysis then belongs to its thread.
    /// - Throws: ``SiegeOptionError`` for a setting out of bounds, ``SiegeInputError`` when the
    ///   besieged side or an ally never appears on the map, or a `GeometryError`.
    public init(map: ControlMap, routes: [Route], options: RouteOptions, layers: EnclosureLayers = EnclosureLayers(),
                context: GEOSContext) throws {
        try options.validate()
        try map.requireControllers([options.besieged], role: { _ in "the besieged controller" })
        try map.requireControllers(options.allies, role: { _ in "the allied controller" })
        try map.requireControllers(options.neutral, role: { _ in "the neutral controller" })
        ws = try Workspace(map: map, layers: layers, context: context)
        self.options = options
        self.routes = try routes.map { r in
            r.geometry.context === context ? r : Route(
                feature: r.feature, name: r.name, kind: r.kind, geometry: try r.geometry.copy(into: context),
                capacityPerDay: r.capacityPerDay, hoursPerDay: r.hoursPerDay, from: r.from, until: r.until)
        }
        let workspace = ws
        enclosure = EnclosureAnalysis(workspace: workspace, options: options.enclosure)
        routesLonLat = try self.routes.map { try workspace.longitudes.unwrap($0.geometry) }
    }

    /// Every route's state on `day` (every area of the map when nil), in file order.
    ///
    /// - Throws: ``SiegeInputError`` when areas of different controllers overlap, or a `GeometryError`.
    public func states(on day: Day?) throws -> [RouteState] {
        try states(of: routes.indices, on: day)
    }

    /// The states of some of the routes (by position), for workers that share the routes out.
    func states(of selection: some Sequence<Int>, on day: Day?) throws -> [RouteState] {
        try states(of: selection, on: day, pockets: enclosure.measuredPockets(on: day))
    }

    /// The states of some routes given the day's pockets; `keep` gives a route's state when it
    /// is known unchanged, `tiles` the day's fire tiles when carried from another (incremental timelines).
    func states(of selection: some Sequence<Int>, on day: Day?, pockets: [(pocket: Pocket, lonLat: Geometry)],
                tiles known: FireTiles? = nil, keep: (Int) -> RouteState? = { _ in nil }) throws -> [RouteState] {
        let kept = selection.map { ($0, keep($0)) }
        // Pockets are prepared only when a route is judged again.
        let held = kept.contains { $0.1 == nil } ? try pockets.map { try PreparedGeometry($0.lonLat) } : []
        let tiles = known ?? fireTiles(on: day)
        return try kept.map { i, kept in
            guard var s = kept else { return try state(of: i, on: day, pockets: held, tiles: tiles) }
            if s.route.kind == .corridor { s.declaredOpen = s.route.declaredOpen(on: day) }
            return s
        }
    }

    /// The fire tiles of `day`, none built yet.
    func fireTiles(on day: Day?) -> FireTiles {
        FireTiles(ws, range: options.fireRange, on: day, isHostile: { [unowned self] in self.isHostile($0) })
    }

    /// Where a change of the map can alter a route's state (lon/lat): hostile ground within the
    /// fire range of it, or nearer than the nearest hostile ground found, and the ground a
    /// corridor's residents walk from; nil when anything anywhere can (no hostile ground found).
    func watch(of i: Int, _ s: RouteState) -> Bounds? {
        guard let b = routesLonLat[i].bounds else { return nil }
        guard s.condition == .unknown || s.minDistanceM != nil else { return nil }
        let reach = max(options.fireRange, s.minDistanceM ?? 0) * 1.01 + 100
        return b.grown(metres: reach + (s.route.kind == .corridor ? options.walk * 1.01 + 100 : 0))
    }

    /// Neutral ground, like passable ground, neither cuts a route nor puts it under fire.
    private func isHostile(_ i: Int) -> Bool { options.enclosure.isHostile(ws.areas[i].controller) }

    private func state(of i: Int, on day: Day?, pockets: [PreparedGeometry], tiles: FireTiles) throws -> RouteState {
        let route = routes[i], lonLat = routesLonLat[i]
        var s = RouteState(route: route, condition: .unknown, lengthKm: Geodesic.length(route.geometry) / 1000)
        if route.kind == .corridor {
            s.declaredOpen = route.declaredOpen(on: day)
            s.dailyCapacity = route.dailyCapacity
        }
        guard let bounds = lonLat.bounds else { return s }
        let line = try PreparedGeometry(lonLat)
        let covered = try ws.areas(near: bounds, on: day).contains { try line.intersects(ws.areas[$0].geometry) }
        guard covered else { return s }  // the map says nothing of this route

        try measureFire(&s, route: i, tiles: tiles, on: day)
        try locate(&s, lonLat, pockets: pockets, on: day)
        return s
    }

    /// Hostile and exposed stretches, their lengths, the distance to hostile ground, the status.
    /// Routes are cut by the tiles' zones in lon/lat; only distances are taken in planes.
    private func measureFire(_ s: inout RouteState, route i: Int, tiles: FireTiles, on day: Day?) throws {
        let lonLat = routesLonLat[i]
        var inside: [Geometry] = [], exposed: [Geometry] = [], outside: [Geometry] = []
        var nearest = Double.infinity
        for tile in try tiles.tiles(crossing: lonLat) {
            guard let near = tile.near, let hostile = tile.hostile, let underFire = tile.underFire else { continue }
            // An overlay, not a clip by rectangle: it keeps a stretch that runs along the border.
            let piece = try lonLat.intersection(ws.ctx.rectangle(tile.bounds))
            if try piece.lines().isEmpty { continue }
            let firing = try piece.intersection(underFire)
            inside += try piece.intersection(hostile).lines()
            exposed += try firing.lines()
            // Line minus polygon, not line minus line: robust where a stretch ends on a front.
            outside += try firing.difference(hostile).lines()
            if let d = try tile.frame.geodesicDistance(tile.frame.metres(piece), near) { nearest = min(nearest, d) }
        }
        guard !exposed.isEmpty else {
            s.condition = .open
            s.minDistanceM = try nearestHostile(route: i, beyond: options.fireRange, on: day)
            return
        }
        let hostileLonLat = try stretch(inside), exposedLonLat = try stretch(exposed)
        s.hostileKm = Geodesic.length(hostileLonLat) / 1000
        s.exposedKm = Geodesic.length(exposedLonLat) / 1000
        s.minDistanceM = s.hostileKm > 0 ? 0 : nearest
        s.condition = s.hostileKm > 0 ? .cut : s.exposedKm > 0 ? .underFire : .open
        if s.hostileKm > 0 { s.hostileStretch = try ws.longitudes.wrap(hostileLonLat) }
        let outsideLonLat = try stretch(outside)
        if !outsideLonLat.isEmpty { s.exposedStretch = try ws.longitudes.wrap(outsideLonLat) }
    }

    /// Pieces cut at tile borders joined into one MultiLineString (lon/lat): the union counts a
    /// shared border stretch once, the merge rejoins lines split at a border, a simplification
    /// by 1e-9° (0.1 mm) drops the vertices left where they were cut, and points go.
    private func stretch(_ pieces: [Geometry]) throws -> Geometry {
        let lines = pieces.isEmpty ? [] : try ws.ctx.union(pieces).lineMerge().simplify(tolerance: 1e-9, preserveTopology: false).lines()
        return try ws.ctx.collection(.multiLineString, try lines.filter { try $0.planarLength() > 0 })
    }

    /// The route in the plane nearest it.
    private func metres(route i: Int) throws -> (frame: Frame, line: Geometry) {
        if let m = routesMetres[i] { return m }
        let frame = try ws.frames.frame(for: routesLonLat[i].bounds!)
        let m = (frame, try frame.metres(routesLonLat[i]))
        routesMetres[i] = m
        return m
    }

    /// Metres to the nearest hostile ground beyond the fire range, searching ever wider; nil if none.
    /// Candidates are taken nearest box first, stopping once no box can be closer; each is
    /// measured in the route's plane, and the distance again on the ellipsoid between the
    /// nearest points.
    private func nearestHostile(route i: Int, beyond range: Double, on day: Day?) throws -> Double? {
        let (frame, line) = try metres(route: i)
        let bounds = routesLonLat[i].bounds!
        var radius = max(range, 1000) * 4
        while radius <= 1_000_000 {  // 1,000 km: beyond that, no hostile ground worth naming
            let window = bounds.grown(metres: radius)
            let candidates = try ws.areas(near: window, on: day).filter(isHostile)
                .map { (k: $0, gap: Self.gap(bounds, ws.areas[$0].geometry.bounds!)) }.sorted { $0.gap < $1.gap }
            var best = Double.infinity
            for c in candidates where c.gap < best {
                let area = ws.areas[c.k].geometry
                let inside = area.bounds.map { window.minX <= $0.minX && $0.maxX <= window.maxX && window.minY <= $0.minY && $0.maxY <= window.maxY } ?? false
                let g = inside ? try frame.projected(c.k, area) : try frame.metres(area.cut(to: window))
                if let d = try frame.geodesicDistance(line, g) { best = min(best, d) }
            }
            if best <= radius { return best }
            radius *= 4
        }
        return nil
    }

    /// Metres that surely separate two lon/lat boxes (0 when they meet): degrees of latitude
    /// counted at their shortest, of longitude at the boxes' poleward latitude, less 1 %.
    private static func gap(_ a: Bounds, _ b: Bounds) -> Double {
        let dx = max(0, max(a.minX - b.maxX, b.minX - a.maxX)), dy = max(0, max(a.minY - b.maxY, b.minY - a.maxY))
        let poleward = min(max(abs(a.minY), abs(a.maxY), abs(b.minY), abs(b.maxY)), 90)
        let x = dx * 111_319 * cos(poleward * .pi / 180), y = dy * 110_574
        return (x * x + y * y).squareRoot() * 0.99
    }

    /// The pocket served and, for corridors, where they lead and who lives near the entry.
    /// `lonLat`: the route in the map's range of longitudes, as the pockets are.
    private func locate(_ s: inout RouteState, _ lonLat: Geometry, pockets: [PreparedGeometry], on day: Day?) throws {
        let parts = lonLat.parts
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
            if s.pocket == nil { s.pocket = try pockets.firstIndex { try $0.intersects(lonLat) } }
            return
        }
        s.origin = try controller(at: origin, on: day)
        s.destination = try controller(at: destination, on: day)
        // The walking circle, drawn in the plane nearest the entry.
        let frame = try ws.frames.frame(for: origin.bounds!)
        let circle = try frame.lonLat(frame.metres(origin).buffer(options.walk, quadrantSegments: 16))
        s.reachPopulation = try AreaWeighting(ws).population(inside: circle, on: day)
    }

    private func controller(at point: Geometry, on day: Day?) throws -> String? {
        guard let b = point.bounds else { return nil }
        return try ws.areas(near: b, on: day).first { try ws.areas[$0].geometry.intersects(point) }
            .map { ws.areas[$0].controller }
    }
}
