import CordonCore
import CordonGeometry
import Foundation

/// Safe roads in and out of the besieged side's pockets on each date (docs/design.md#roads):
/// roads inside hostile ground are cut, roads within fire range of it exposed; per pocket the
/// safest road out and, when there is none, the shortest cut that would reopen one; per
/// district or population point the travel time to an open corridor's entry and to the way out.
/// One analysis per thread: it owns its GEOS context through its workspace.
public final class AccessAnalysis {
    let ws: Workspace
    let net: RoadNetwork
    let options: AccessOptions
    let enclosure: EnclosureAnalysis
    let places: [AccessPlace]
    let corridors: [Route]
    let changeDates: [Day]
    /// Edges in the analysis's context, and an index over them.
    let edges: [Geometry]
    let edgeTree: STRtree
    let nodePoints: [Geometry]
    let nodeGrid: NodeGrid
    /// Where each place meets the road nearest it.
    let placeRoads: [RoadAttachment]
    let placePoints: [Geometry]
    /// Each corridor's ends: point and where it meets the nearest road.
    let corridorEnds: [[(point: Geometry, road: RoadAttachment)]]
    /// Metres inside hostile ground and within fire range outside it, per edge, on the date last analysed.
    private var hostile: [Double] = [], exposed: [Double] = []
    private var measuredDay: Day??
    /// The fire tiles of the day last asked for: measuring roads and finding the exits share them.
    private var tiles: (day: Day?, tiles: FireTiles)?

    /// Prepares the analysis: indexes the map, the roads and the places.
    /// - Parameters:
    ///   - map: The control map.
    ///   - network: The roads.
    ///   - options: Whose siege, the fire range, whether to avoid fire.
    ///   - bases: Ways out instead of the study area's edge.
    ///   - places: Districts or population points whose travel times are measured.
    ///   - corridors: Routes; those of kind `corridor` give entries on the days they are declared open.
    ///   - ctx: The GEOS context to work in.
    /// - Throws: ``SiegeOptionError`` for a setting out of bounds; ``SiegeInputError`` when the
    ///   besieged side or an ally is not on the map, when no road reaches the map, or for a map
    ///   across the antimeridian.
    public init(map: ControlMap, network: RoadNetwork, options: AccessOptions, bases: [Geometry]? = nil,
                places: [AccessPlace] = [], corridors: [Route] = [], context ctx: GEOSContext) throws {
        try options.routes.validate()
        try map.requireControllers([options.besieged], role: { _ in "the besieged controller" })
        try map.requireControllers(options.allies, role: { _ in "the allied controller" })
        try map.requireControllers(options.neutral, role: { _ in "the neutral controller" })
        ws = try Workspace(map: map, layers: EnclosureLayers(bases: bases), context: ctx)
        guard ws.longitudes.cut == nil else {
            throw SiegeInputError(file: map.file, "the map crosses the antimeridian; road access is not analysed across it")
        }
        net = network
        self.options = options
        self.places = places
        self.corridors = corridors.filter { $0.kind == .corridor }
        changeDates = map.changeDates
        enclosure = EnclosureAnalysis(workspace: ws, options: options.routes.enclosure)
        let same = network.edges.first?.context === ctx
        edges = same ? network.edges : try network.edges.map { try $0.copy(into: ctx) }
        edgeTree = try STRtree(edges, context: ctx)
        nodePoints = try network.nodes.map { try ctx.point($0) }
        nodeGrid = NodeGrid(network.nodes)

        // A network that meets no area of the map cannot answer anything.
        let ws = self.ws, edges = self.edges
        let reaches = try edges.contains { e in
            try ws.tree.query(e.bounds!).contains { try ws.areas[$0].geometry.intersects(e) }
        }
        if !reaches {
            let r = network.bounds.map { "\($0.minX),\($0.minY) … \($0.maxX),\($0.maxY)" } ?? "nothing"
            let m = map.bounds.map { "\($0.minX),\($0.minY) … \($0.maxX),\($0.maxY)" } ?? "nothing"
            throw SiegeInputError(file: network.file, "no road reaches the map \(map.file): the roads span \(r), the map \(m)")
        }
        placePoints = try places.map { p in p.geometry.type == .point ? p.geometry : try p.geometry.representativePoint() }
        let tree = edgeTree, net = network
        placeRoads = try placePoints.map { try RoadAttachment.nearest($0, edges: edges, tree: tree, network: net) }
        corridorEnds = try self.corridors.map { r in
            let parts = r.geometry.type == .multiLineString ? r.geometry.parts : [r.geometry]
            let first = parts.first!.coordinates.first!, last = parts.last!.coordinates.last!
            return try [first, last].map { c in
                let p = try ctx.point(c)
                return (p, try RoadAttachment.nearest(p, edges: edges, tree: tree, network: net))
            }
        }
    }

    /// The periods in which neither the map nor a corridor's declared opening changes.
    public var periods: [Period] { Period.between(changeDates + corridors.flatMap { [$0.from, $0.until].compactMap { $0 } }) }

    /// Road access on one day (every area of the map when nil).
    ///
    /// - Throws: ``SiegeInputError`` when areas of different controllers overlap, or a `GeometryError`.
    public func access(on day: Day?) throws -> AccessDay {
        try measureAll(on: day)
        var d = try analyse(on: day)
        d.date = day
        return d
    }

    /// Road access in every period, in date order. Only the roads near areas that changed
    /// between one period and the next are measured again.
    ///
    /// - Parameter progress: Told the periods done and the total.
    public func timeline(progress: ((Int, Int) -> Void)? = nil) throws -> [AccessDay] {
        let periods = self.periods
        var out: [AccessDay] = []
        for (k, p) in periods.enumerated() {
            let day = p.sampleDay
            if case .some(let last) = measuredDay {
                let changed = ws.areas.indices.filter { ws.areas[$0].holds(on: last) != ws.areas[$0].holds(on: day) }
                let reach = options.fireRange + options.tolerance + 10
                var dirty = Set<Int>()
                for a in changed { dirty.formUnion(try edgeTree.query(ws.areas[a].geometry.bounds!.grown(metres: reach))) }
                let tiles = fireTiles(on: day)
                for e in dirty.sorted() { (hostile[e], exposed[e]) = try measure(edges[e], tiles: tiles, on: day) }
                measuredDay = .some(day)
            } else {
                try measureAll(on: day)
            }
            var d = try analyse(on: day)
            d.period = p
            out.append(d)
            progress?(k + 1, periods.count)
        }
        return out
    }

    private func fireTiles(on day: Day?) -> FireTiles {
        if let tiles, tiles.day == day { return tiles.tiles }
        let made = FireTiles(ws, range: options.fireRange, on: day, isHostile: { [unowned self] in self.isHostile($0) })
        tiles = (day, made)
        return made
    }

    // The enclosure's own options: built once, not per area and edge.
    private func isHostile(_ i: Int) -> Bool { enclosure.options.isHostile(ws.areas[i].controller) }

    private func measureAll(on day: Day?) throws {
        let tiles = fireTiles(on: day)
        hostile = [Double](repeating: 0, count: edges.count)
        exposed = hostile
        for e in edges.indices { (hostile[e], exposed[e]) = try measure(edges[e], tiles: tiles, on: day) }
        measuredDay = .some(day)
    }

    /// Metres of a line inside hostile ground, and within the fire range outside it, cut by the
    /// fire tiles' zones in lon/lat as `cordon routes` cuts a route.
    private func measure(_ line: Geometry, tiles: FireTiles, on day: Day?) throws -> (Double, Double) {
        guard let b = line.bounds else { return (0, 0) }
        guard try ws.areas(near: b.grown(metres: options.fireRange + 10), on: day).contains(where: isHostile) else { return (0, 0) }
        var h = 0.0, x = 0.0
        for tile in try tiles.tiles(crossing: line) {
            guard let hostile = tile.hostile, let fire = tile.underFire else { continue }
            let piece = try line.intersection(ws.ctx.rectangle(tile.bounds))
            if piece.isEmpty { continue }
            h += Geodesic.length(try piece.intersection(hostile))
            x += Geodesic.length(try piece.intersection(fire).difference(hostile))
        }
        return (h, x)
    }

    @inline(__always) private static func mm(_ metres: Double) -> Int64 { Int64((metres * 1000).rounded()) }

    /// Whether an edge (or a stretch) with these metres may be driven safely.
    private func usable(hostile h: Double, exposed x: Double) -> Bool {
        h <= options.tolerance && (!options.avoidFire || x <= options.tolerance)
    }

    /// The way out on `day`: the bases, or the outer rings of the study area.
    private func wayOut(on day: Day?) throws -> [Geometry] {
        if let bases = ws.layers.bases { return bases }
        let held = ws.areas.indices.filter { ws.areas[$0].holds(on: day) }
        if held.isEmpty { return [] }
        return try polygons(of: ws.dissolve(held)).compactMap { try $0.exteriorRing?.clone() }
    }

    /// Where roads meet the way out, and the stretch from each end of such a road to it.
    private func exits(on day: Day?) throws -> [Exit] {
        let t = options.tolerance
        let tiles = fireTiles(on: day)
        var out: [Exit] = []
        var seen = Set<Int>()
        for part in try wayOut(on: day) {
            guard let b = part.bounds else { continue }
            let prepared = try PreparedGeometry(part)
            for e in try edgeTree.query(b.grown(metres: t)).sorted() where !seen.contains(e) {
                let edge = edges[e]
                var points: [Coordinate] = []
                if try prepared.intersects(edge) {
                    points = try allCoordinates(edge.intersection(part))
                } else if part.type.isPuntal || part.type.isPolygonal, let (a, p) = try edge.nearestPoints(to: part),
                          Geodesic.distance(a, p) <= t {
                    points = [a]
                }
                guard !points.isEmpty else { continue }
                seen.insert(e)
                let coords = edge.coordinates
                let splits = points.map { Polyline.split(coords, at: $0) }
                let fromStart = splits.map(\.fromStart).min { Geodesic.polylineLength($0) < Geodesic.polylineLength($1) }!
                let fromEnd = splits.map(\.fromEnd).min { Geodesic.polylineLength($0) < Geodesic.polylineLength($1) }!
                for (node, stretch) in [(net.edgeFrom[e], fromStart), (net.edgeTo[e], fromEnd)] {
                    let metres = Geodesic.polylineLength(stretch)
                    var h = 0.0, x = 0.0
                    if metres > 0 { (h, x) = try measure(try ws.ctx.lineString(stretch), tiles: tiles, on: day) }
                    out.append(Exit(edge: e, node: node, point: stretch.last!, stretch: stretch, metres: metres,
                                    seconds: net.lengths[e] > 0 ? net.seconds[e] * metres / net.lengths[e] : 0,
                                    exposed: x, hostile: h))
                }
            }
        }
        return out
    }

    private func allCoordinates(_ g: Geometry) -> [Coordinate] {
        g.type.isCollection ? g.parts.flatMap(allCoordinates) : g.coordinates
    }

    private func analyse(on day: Day?) throws -> AccessDay {
        let exits = try exits(on: day)
        let avoid = options.avoidFire, t = options.tolerance
        let hostile = self.hostile, exposed = self.exposed
        let blocked = { (e: Int) in hostile[e] > t || (avoid && exposed[e] > t) }
        let safeStarts = exits.enumerated().filter { usable(hostile: $0.element.hostile, exposed: $0.element.exposed) }
        let safest = ShortestPaths(net, starts: safeStarts.map {
            .init(node: $0.element.node, first: Self.mm($0.element.exposed), seconds: $0.element.seconds,
                  metres: $0.element.metres, tag: Int32($0.offset))
        }, weight: { blocked($0) ? nil : Self.mm(exposed[$0]) })
        let fastest = ShortestPaths(net, starts: safeStarts.map {
            .init(node: $0.element.node, first: 0, seconds: $0.element.seconds, metres: $0.element.metres, tag: Int32($0.offset))
        }, weight: { blocked($0) ? nil : 0 })

        var result = AccessDay()
        result.cutEdges = edges.indices.filter { hostile[$0] > t }
        result.exposedEdges = edges.indices.filter { hostile[$0] <= t && exposed[$0] > t }

        // Corridor entries declared open today: the end in the besieged side's ground, else the first.
        var entries: [ShortestPaths.Start] = []
        var entryRoads: [(corridor: Int, road: RoadAttachment)] = []
        for (c, r) in corridors.enumerated() where r.declaredOpen(on: day) {
            let ends = corridorEnds[c]
            let inside = try ends.firstIndex { try controller(at: $0.point, on: day) == options.besieged } ?? 0
            entries += ends[inside].road.starts(tag: Int32(c), blocked: blocked)
            entryRoads.append((c, ends[inside].road))
        }
        let toCorridor = entries.isEmpty ? nil : ShortestPaths(net, starts: entries, weight: { blocked($0) ? nil : 0 })

        let pockets = try enclosure.pockets(on: day)
        let prepared = try pockets.map { try PreparedGeometry($0.geometry) }
        var reopen: ShortestPaths?
        for (k, pocket) in pockets.enumerated() {
            let nodes = try nodeGrid.within(pocket.geometry.bounds!).filter { try prepared[k].intersects(nodePoints[Int($0)]) }
            var a = PocketAccess(pocket: pocket, roadNodes: nodes.count)
            if let best = Self.best(nodes, safest) {
                a.roadWayOut = true
                a.safest = try path(from: best, safest, exits: exits, on: day)
            } else if !nodes.isEmpty {
                if reopen == nil {
                    reopen = ShortestPaths(net, starts: exits.enumerated().map {
                        .init(node: $0.element.node, first: Self.mm($0.element.hostile), seconds: $0.element.seconds,
                              metres: $0.element.metres, tag: Int32($0.offset))
                    }, weight: { Self.mm(hostile[$0]) })
                }
                if let best = Self.best(nodes, reopen!) { a.reopen = try path(from: best, reopen!, exits: exits, on: day) }
            }
            result.pockets.append(a)
        }

        for (i, place) in places.enumerated() {
            let at = placeRoads[i]
            var p = PlaceAccess(place: place, toRoadMetres: at.metres)
            p.pocket = try prepared.firstIndex { try $0.intersects(placePoints[i]) }
            if let c = toCorridor, let r = at.reach(c, blocked: blocked) {
                p.corridor = corridors[r.tag].name
                p.corridorSeconds = r.seconds
                p.corridorMetres = r.metres
                // An entry on the place's own road is reached along it.
                for (k, end) in entryRoads where end.edge == at.edge {
                    let metres = abs(end.along - at.along)
                    let seconds = net.lengths[at.edge] > 0 ? net.seconds[at.edge] * metres / net.lengths[at.edge] : 0
                    if seconds < p.corridorSeconds! { (p.corridor, p.corridorSeconds, p.corridorMetres) = (corridors[k].name, seconds, metres) }
                }
            }
            if let r = at.reach(fastest, blocked: blocked) {
                p.wayOutSeconds = r.seconds
                p.wayOutMetres = r.metres
            }
            if let k = p.pocket, let pop = place.population, let s = p.corridorSeconds {
                for th in accessThresholds where s <= Double(th) * 60 { result.pockets[k].residentsWithin[th, default: 0] += pop }
            }
            result.places.append(p)
        }
        return result
    }

    /// The reached node with the least cost, ties by node number.
    private static func best(_ nodes: [Int32], _ paths: ShortestPaths) -> Int? {
        var best: Int?
        for n in nodes.map(Int.init) where paths.reached(n) {
            if let b = best, !ShortestPaths.better(paths.first[n], paths.seconds[n], than: paths.first[b], paths.seconds[b]),
               !(paths.first[n] == paths.first[b] && paths.seconds[n] == paths.seconds[b] && n < b) { continue }
            best = n
        }
        return best
    }

    /// The path from node `n` to its way out, as a line with its measures.
    private func path(from n: Int, _ paths: ShortestPaths, exits: [Exit], on day: Day?) throws -> RoadPath {
        var parts: [[Coordinate]] = []
        var node = Int32(n)
        var h = 0.0, x = 0.0
        for e in paths.edges(from: n, in: net) {
            let c = edges[e].coordinates
            parts.append(net.edgeFrom[e] == node ? c : c.reversed())
            node = net.other(e, node)
            h += hostile[e]
            x += exposed[e]
        }
        let exit = exits[Int(paths.start[n])]
        parts.append(exit.stretch)
        h += exit.hostile
        x += exit.exposed
        var coords = Polyline.join(parts)
        if coords.count == 1 { coords.append(coords[0]) }  // a pocket node on the way out itself
        return RoadPath(geometry: try ws.ctx.lineString(coords), metres: paths.metres[n], exposedMetres: x,
                        hostileMetres: h, seconds: paths.seconds[n],
                        endsIn: try controller(at: ws.ctx.point(exit.point), on: day))
    }

    private func controller(at point: Geometry, on day: Day?) throws -> String? {
        guard let b = point.bounds else { return nil }
        return try ws.areas(near: b, on: day).first { try ws.areas[$0].geometry.intersects(point) }
            .map { ws.areas[$0].controller }
    }
}
