import CordonCore
import CordonGeometry
import Foundation

/// Whole millimetres, the first cost of the searches: they add up exactly.
@inline(__always) private func mm(_ metres: Double) -> Int64 { Int64((metres * 1000).rounded()) }

/// Safe roads in and out of the besieged side's pockets on each date (docs/design.md#roads):
/// roads inside hostile ground are cut, roads within fire range of it exposed; per pocket the
/// safest road out and, when there is none, the shortest cut that would reopen one; per
/// district or population point the travel time to an open corridor's entry and to the way out.
/// One analysis per thread: it owns its GEOS context through its workspace.
public final class AccessAnalysis {
    let ws: Workspace
    let net: RoadNetwork
    /// The roads analysed.
    public var network: RoadNetwork { net }
    let options: AccessOptions
    let enclosure: EnclosureAnalysis
    let places: [AccessPlace]
    let corridors: [Route]
    let changeDates: [Day]
    /// An index over the edges' boxes (the edges are made into GEOS lines in the analysis's
    /// context only where needed: ``edge(_:)``).
    var edgeGrid: EdgeGrid { net.grid }
    /// Where each place meets the road nearest it, and its point.
    let placeRoads: [RoadAttachment]
    let placePoints: [Coordinate]
    /// Each corridor's ends: point and where it meets the nearest road.
    let corridorEnds: [[(point: Coordinate, road: RoadAttachment)]]
    /// Metres inside hostile ground and within fire range outside it, per edge, on the date last analysed.
    private(set) var hostile: [Double] = [], exposed: [Double] = []
    private var measuredDay: Day??
    /// Whether an edge's metres changed since the routes were last found.
    private var roadsChanged = true
    /// The routes found on the date last analysed, kept while neither the roads nor the exits change.
    private var routing: Routing?
    /// The fire tiles of the day last asked for: measuring roads and finding the exits share them.
    private var tiles: (day: Day?, tiles: FireTiles)?
    /// Each area's rings, read once.
    private var rings: [Int: [[Coordinate]]] = [:]
    /// The box of the map and the roads together.
    private let extent: Bounds
    /// The way out last found, and where roads meet it.
    private var meetsFound: (wayOut: [Geometry], meets: [Int: [Coordinate]])?
    /// The exits of each road meeting the way out, kept while the way out, and the ground near
    /// the road, stay as they were (the timeline forgets those of the roads it measures again);
    /// without fire range only.
    private var exitsKept: [Int: [Exit]] = [:]
    /// Road nodes and places by pocket on the period last analysed.
    private var located: (shapes: [Geometry], nodesOf: [[Int32]], placeIn: [Int?])?
    /// The areas held on the date whose way out was last found, and its rings.
    private var studyArea: (held: [Int], rings: [Geometry])?

    /// Forgets what was kept from the periods analysed before (a timeline's run starts afresh).
    /// The way out and the study area check themselves against the date's areas; the rest goes.
    private func forgetPeriods() {
        measuredDay = nil
        routing = nil
        located = nil
        exitsKept = [:]
    }
    /// The map and bases as given: a worker of the parallel timeline copies them into its own context.
    private let map: ControlMap
    private let bases: [Geometry]?
    /// Where roads meet the bases, found once; empty without bases.
    private var baseMeets: [Int: [Coordinate]] = [:]
    /// Bases no road comes within `basesMaxToRoad` of: no way out by road (the command line names them).
    public private(set) var basesOffRoad: [BaseOffRoad] = []

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
    public convenience init(map: ControlMap, network: RoadNetwork, options: AccessOptions, bases: [Geometry]? = nil,
                            places: [AccessPlace] = [], corridors: [Route] = [], context ctx: GEOSContext) throws {
        try self.init(map: map, network: network, options: options, bases: bases,
                      placesOnRoads: try PlacesOnRoads(places, network: network), corridors: corridors, context: ctx)
    }

    /// As ``init(map:network:options:bases:places:corridors:context:)``, with the places
    /// already met with the network's roads.
    public convenience init(map: ControlMap, network: RoadNetwork, options: AccessOptions, bases: [Geometry]? = nil,
                            placesOnRoads: PlacesOnRoads, corridors: [Route] = [], context ctx: GEOSContext) throws {
        try self.init(ground: try Ground(map: map, options: options, bases: bases, context: ctx), network: network,
                      placesOnRoads: placesOnRoads, corridors: corridors)
    }

    /// Road access on one day, as ``access(on:)`` gives it from an analysis made with the
    /// network `roads` gives: the map's pockets are found first, so `roads` may still be making
    /// the network on another thread meanwhile (`cordon access` reads and nodes them so).
    ///
    /// - Returns: The analysis (for ``basesOffRoad``) and the day's access.
    /// - Throws: What ``init(map:network:options:bases:placesOnRoads:corridors:context:)`` and
    ///   ``access(on:)`` throw, and whatever `roads` throws.
    public static func access(on day: Day?, map: ControlMap, options: AccessOptions, bases: [Geometry]? = nil,
                              corridors: [Route] = [], context ctx: GEOSContext,
                              roads: () throws -> (network: RoadNetwork, places: PlacesOnRoads)) throws -> (analysis: AccessAnalysis, day: AccessDay) {
        let ground = try Ground(map: map, options: options, bases: bases, context: ctx)
        let pockets = try ground.enclosure.pockets(on: day)
        let (network, places) = try roads()
        let analysis = try AccessAnalysis(ground: ground, network: network, placesOnRoads: places, corridors: corridors)
        return (analysis, try analysis.access(on: day, pockets: pockets))
    }

    /// The map's side of an analysis: its workspace and enclosure, which need no road.
    private struct Ground {
        let map: ControlMap, bases: [Geometry]?, options: AccessOptions
        let ws: Workspace, enclosure: EnclosureAnalysis

        init(map: ControlMap, options: AccessOptions, bases: [Geometry]?, context ctx: GEOSContext) throws {
            try options.validate()
            try map.requireControllers([options.routes.besieged], role: { _ in "the besieged controller" })
            try map.requireControllers(options.routes.allies, role: { _ in "the allied controller" })
            try map.requireControllers(options.routes.neutral, role: { _ in "the neutral controller" })
            self.map = map
            self.bases = bases
            self.options = options
            ws = try Workspace(map: map, layers: EnclosureLayers(bases: bases), context: ctx)
            guard ws.longitudes.cut == nil else {
                throw SiegeInputError(file: map.file, "the map crosses the antimeridian; road access is not analysed across it")
            }
            enclosure = EnclosureAnalysis(workspace: ws, options: options.routes.enclosure)
            enclosure.measuresContact = false
        }
    }

    private init(ground: Ground, network: RoadNetwork, placesOnRoads: PlacesOnRoads, corridors: [Route]) throws {
        let (map, bases, options, ctx) = (ground.map, ground.bases, ground.options, ground.ws.ctx)
        self.map = map
        self.bases = bases
        ws = ground.ws
        net = network
        self.options = options
        places = placesOnRoads.places
        self.corridors = corridors.filter { $0.kind == .corridor }
        changeDates = map.changeDates
        enclosure = ground.enclosure
        extent = [map.bounds, network.bounds].compactMap { $0 }.reduce(nil) { $0?.union($1) ?? $1 }
            ?? Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0)

        // A network that meets no area of the map cannot answer anything.
        let ws = self.ws
        let reaches = try (0..<network.edgeCount).contains { k in
            let e = try network.line(k, in: ctx)
            return try ws.tree.query(e.bounds!).contains { try ws.areas[$0].geometry.intersects(e) }
        }
        if !reaches {
            let r = network.bounds.map { "\($0.minX),\($0.minY) … \($0.maxX),\($0.maxY)" } ?? "nothing"
            let m = map.bounds.map { "\($0.minX),\($0.minY) … \($0.maxX),\($0.maxY)" } ?? "nothing"
            throw SiegeInputError(file: network.file, "no road reaches the map \(map.file): the roads span \(r), the map \(m)")
        }
        placePoints = placesOnRoads.points
        placeRoads = placesOnRoads.roads
        let grid = network.grid, net = network
        corridorEnds = try self.corridors.map { r in
            let parts = r.geometry.type == .multiLineString ? r.geometry.parts : [r.geometry]
            let first = parts.first!.coordinates.first!, last = parts.last!.coordinates.last!
            return try [first, last].map { c in (c, try RoadAttachment.nearest(c, index: grid, network: net)) }
        }
        if let bases {
            (baseMeets, basesOffRoad) = try Self.baseRoads(bases, edge: { try network.line($0, in: ctx) }, index: grid, options: options)
        }
    }

    /// A copy of `a` working in `ctx` (a worker of the parallel timeline): the map, bases and
    /// edges cloned into it; the places met with their roads and the corridors' ends, values
    /// found once, shared.
    private init(copying a: AccessAnalysis, context ctx: GEOSContext) throws {
        map = a.map
        bases = a.bases
        ws = try Workspace(map: a.map, layers: EnclosureLayers(bases: a.bases), context: ctx)
        net = a.net
        options = a.options
        places = a.places
        corridors = a.corridors
        changeDates = a.changeDates
        enclosure = EnclosureAnalysis(workspace: ws, options: options.routes.enclosure)
        enclosure.measuresContact = false
        extent = a.extent
        placeRoads = a.placeRoads
        placePoints = a.placePoints
        corridorEnds = a.corridorEnds
        baseMeets = a.baseMeets
        basesOffRoad = a.basesOffRoad
    }

    /// The periods in which neither the map nor a corridor's declared opening changes.
    public var periods: [Period] { Period.between(changeDates + corridors.flatMap { [$0.from, $0.until].compactMap { $0 } }) }

    /// Road access on one day (every area of the map when nil).
    ///
    /// - Throws: ``SiegeInputError`` when areas of different controllers overlap, or a `GeometryError`.
    public func access(on day: Day?) throws -> AccessDay {
        try access(on: day, pockets: nil)
    }

    /// As ``access(on:)``, with the day's pockets when they are known already. The roads are
    /// measured on a side thread meanwhile: the pockets are found, and then the exits and
    /// which pocket holds each node and place (none of them needs the roads' measures).
    private func access(on day: Day?, pockets known: [Pocket]?) throws -> AccessDay {
        var pockets = known ?? [], ahead: Ahead?
        try measureAll(on: day, meanwhile: {
            if known == nil { pockets = try self.enclosure.pockets(on: day) }
            ahead = Ahead(exits: try self.exits(on: day), located: try self.locate(pockets, sameAs: []))
        })
        var d = try analyse(on: day, pockets: pockets, ahead: ahead)
        d.date = day
        return d
    }

    /// What ``access(on:pockets:)`` finds while the roads are measured.
    private struct Ahead {
        let exits: [Exit]
        let located: (nodesOf: [[Int32]], placeIn: [Int?])
    }

    /// Road access in every period, in date order. Only the roads near areas that changed
    /// between one period and the next are measured again.
    ///
    /// - Parameter progress: Told the periods done and the total.
    public func timeline(progress: ((Int, Int) -> Void)? = nil) throws -> [AccessDay] {
        // Pockets worked period to period, as `enclosure --timeline` works them.
        let pocketsOf = IncrementalEnclosure(enclosure)
        return try Self.numbered(timeline(periods, pockets: { try pocketsOf.pockets(on: $0.sampleDay) }, findsChanges: true,
                                          progress: progress))
    }

    /// Road access in every period, as ``timeline(progress:)`` gives it, by `jobs` workers at
    /// once: runs of consecutive periods, each worked from its first period on (afresh there) by
    /// a copy of the analysis in a GEOS context of its own, as `enclosure --timeline` works them.
    /// The runs depend on the number of periods alone, so the answer never depends on `jobs`.
    ///
    /// - Parameters:
    ///   - jobs: Workers to run at once; one per core is usual.
    ///   - progress: Told the periods done and the total, from any thread.
    public func timeline(jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [AccessDay] {
        try await timeline(jobs: jobs, shortestRun: 60, progress: progress)
    }

    /// As the public `timeline(jobs:progress:)`; `shortestRun` is the fewest periods a run holds
    /// (tests ask for short runs, to cross their borders).
    func timeline(jobs: Int, shortestRun: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [AccessDay] {
        let periods = self.periods
        let runs = EnclosureTimeline.runs(periods.count, shortest: shortestRun)
        // Every envelope computed before threads share the geometries.
        _ = map.bounds
        _ = bases?.map(\.bounds)
        let shared = Unchecked(self), done = Counter()
        let byRun = try await ParallelWorkers.run(
            count: runs.count, jobs: jobs, progress: nil,
            make: { try AccessAnalysis(copying: shared.value, context: try GEOSContext()) },
            work: { a, r in
                // Each run from its first period afresh: the pockets, the roads' metres and the routes.
                a.forgetPeriods()
                let pocketsOf = IncrementalEnclosure(a.enclosure)
                return try a.timeline(Array(periods[runs[r]]), pockets: { try pocketsOf.pockets(on: $0.sampleDay) },
                                      findsChanges: true, progress: { _, _ in progress?(done.increment(), periods.count) })
            })
        return try Self.numbered(byRun.flatMap { $0 })
    }

    /// `days` with their pockets' numbers following the ground, as `enclosure --timeline` numbers
    /// them (docs/design.md#pocket-numbers).
    private static func numbered(_ days: [AccessDay]) throws -> [AccessDay] {
        var days = days
        let numbers = try PocketNumbers.numbers(days.map { d in
            d.pockets.indices.map { (d.pockets[$0].pocket, $0 < d.sameAs.count ? d.sameAs[$0] : nil) }
        })
        for k in days.indices {
            for i in days[k].pockets.indices { days[k].pockets[i].pocket.index = numbers[k][i] }
        }
        return days
    }

    /// Road access in the periods that meet `window` (every period when nil), on pockets found
    /// already: `cordon run` gives the pockets of its enclosure timeline, so they are not found twice.
    ///
    /// - Parameters:
    ///   - pockets: Every pocket of every period, each with its `period` (as the enclosure
    ///     timeline gives them, cut to `window` or not), by area within its period; their
    ///     numbers are kept.
    ///   - window: The days asked; periods outside it are not analysed, those across its ends are
    ///     analysed whole (the caller cuts them).
    ///   - progress: Told the periods done and the total.
    public func timeline(pockets: [Pocket], within window: Period? = nil,
                         progress: ((Int, Int) -> Void)? = nil) throws -> [AccessDay] {
        let asked = periods.filter { p in
            guard let w = window else { return true }
            return (p.until == nil || w.from == nil || p.until! > w.from!) && (p.from == nil || w.until == nil || p.from! < w.until!)
        }
        return try timeline(asked, pockets: { p in
            // A day of the period inside the window: pockets cut to the window hold on it.
            let day = [p.from, window?.from].compactMap { $0 }.max() ?? p.sampleDay
            return pockets.filter { $0.period?.contains(day) ?? true }.map { ($0, nil) }
        }, progress: progress)
    }

    /// `pockets` gives each period's, each with the index of the pocket on the same ground in
    /// the period before, when it is known to be so.
    /// With `findsChanges`, each period after another that ends the day it starts gets the
    /// summary's changes since that one (`AccessDay.changesSince`).
    private func timeline(_ periods: [Period], pockets: (Period) throws -> [(pocket: Pocket, sameAs: Int?)],
                          findsChanges: Bool = false, progress: ((Int, Int) -> Void)?) throws -> [AccessDay] {
        var out: [AccessDay] = []
        for (k, p) in periods.enumerated() {
            let day = p.sampleDay
            if case .some(let last) = measuredDay {
                let changed = ws.areas.indices.filter { ws.areas[$0].holds(on: last) != ws.areas[$0].holds(on: day) }
                let tiles = fireTiles(on: day)
                for e in try edges(near: changed, metres: options.routes.fireRange + options.tolerance + 10) {
                    exitsKept[e] = nil  // its stretches to the way out too
                    let now = try measure(net.coordinates[e], tiles: tiles, on: day)
                    if now != (hostile[e], exposed[e]) { (hostile[e], exposed[e]) = now; roadsChanged = true }
                }
                measuredDay = .some(day)
            } else {
                try measureAll(on: day)
            }
            let found = try pockets(p)
            var d = try analyse(on: day, pockets: found.map(\.pocket), sameAs: found.map(\.sameAs))
            d.period = p
            if findsChanges, let before = out.last, let b = before.period, b.until == p.from, p.from != nil {
                d.changesSince = (b, try AccessSummary.changes(from: before, to: d))
            }
            out.append(d)
            progress?(k + 1, periods.count)
        }
        return out
    }

    private func fireTiles(on day: Day?) -> FireTiles {
        if let tiles, tiles.day == day { return tiles.tiles }
        let made = FireTiles(ws, range: options.routes.fireRange, on: day, isHostile: { [unowned self] in self.isHostile($0) })
        tiles = (day, made)
        return made
    }

    // The enclosure's own options: built once, not per area and edge.
    private func isHostile(_ i: Int) -> Bool { enclosure.options.isHostile(ws.areas[i].controller) }

    /// Measures every edge; `meanwhile` runs on this thread while the edges are clipped on
    /// another, when they can be without GEOS (no fire range), else after them.
    private func measureAll(on day: Day?, meanwhile: (() throws -> Void)? = nil) throws {
        exitsKept = [:]  // before `meanwhile`, which may find the exits again
        let tiles = fireTiles(on: day)
        hostile = [Double](repeating: 0, count: net.edgeCount)
        exposed = hostile
        // Only edges near the day's hostile areas can be cut or exposed: found from those areas
        // (fewer than the edges), the rest measure nothing.
        let held = ws.areas.indices.filter { ws.areas[$0].holds(on: day) && isHostile($0) }
        if options.routes.fireRange > 0 {
            for e in try edges(near: held, metres: options.routes.fireRange + 10) {
                (hostile[e], exposed[e]) = try measure(net.coordinates[e], tiles: tiles, on: day)
            }
            try meanwhile?()
        } else {
            // Without fire range an edge's metres rest on the hostile areas whose boxes meet its
            // own (those `measure` clips it by): found from the areas, not with a query per edge.
            // The areas' boxes and rings read from GEOS here; the clipping is plain arithmetic.
            let shapes = held.compactMap { a in ws.areas[a].geometry.bounds.map { ($0, rings(of: a)) } }
            let grid = edgeGrid, net = self.net, count = net.edgeCount
            let clip = { () -> [Double] in
                // The areas touching each edge, in area order: (edge, area) pairs grouped by edge
                // with a counting sort, not an array per edge.
                var pairs: [(edge: Int32, area: Int32)] = []
                for (k, shape) in shapes.enumerated() { for e in grid.query(shape.0) { pairs.append((Int32(e), Int32(k))) } }
                var start = [Int32](repeating: 0, count: count + 1)
                for p in pairs { start[Int(p.edge) + 1] += 1 }
                for e in 0..<count { start[e + 1] += start[e] }
                var fill = start, areas = [Int32](repeating: 0, count: pairs.count)
                for p in pairs { areas[Int(fill[Int(p.edge)])] = p.area; fill[Int(p.edge)] += 1 }
                var h = [Double](repeating: 0, count: count), touching: [[[Coordinate]]] = []
                for e in 0..<count where start[e] < start[e + 1] {
                    touching.removeAll(keepingCapacity: true)
                    for i in Int(start[e])..<Int(start[e + 1]) { touching.append(shapes[Int(areas[i])].1) }
                    h[e] = LineClip.metresInside(net.coordinates[e], polygons: touching)
                }
                return h
            }
            if let meanwhile {
                let side = SideTask(clip)
                do { try meanwhile() } catch { side.wait(); throw error }
                hostile = try side.value()
            } else {
                hostile = clip()
            }
        }
        measuredDay = .some(day)
        roadsChanged = true
    }

    /// Edges, in order, whose box comes within `metres` of one of these areas' boxes: at least
    /// every edge whose box grown by `metres` meets one (as `measure` grows it), since the
    /// areas' boxes are grown by the widest margin anywhere on the map or the roads.
    private func edges(near areas: [Int], metres: Double) throws -> [Int] {
        let g = extent.grown(metres: metres)
        let dx = max(extent.minX - g.minX, g.maxX - extent.maxX), dy = max(extent.minY - g.minY, g.maxY - extent.maxY)
        var near = [Bool](repeating: false, count: net.edgeCount)
        for a in areas {
            guard let b = ws.areas[a].geometry.bounds else { continue }
            let box = Bounds(minX: b.minX - dx, minY: b.minY - dy, maxX: b.maxX + dx, maxY: b.maxY + dy)
            for e in edgeGrid.query(box) { near[e] = true }
        }
        return near.indices.filter { near[$0] }
    }

    /// Edge `e` as a GEOS line in the analysis's context.
    private func edge(_ e: Int) throws -> Geometry { try net.line(e, in: ws.ctx) }

    private func rings(of area: Int) -> [[Coordinate]] {
        if let r = rings[area] { return r }
        let r = PointLocator.rings(of: ws.areas[area].geometry)
        rings[area] = r
        return r
    }

    /// Metres of a line inside hostile ground (clipped by the hostile areas' rings, without
    /// GEOS), and within the fire range outside it, cut by the fire tiles' zones in lon/lat as
    /// `cordon routes` cuts a route.
    private func measure(_ line: [Coordinate], tiles: FireTiles, on day: Day?) throws -> (Double, Double) {
        guard let first = line.first else { return (0, 0) }
        let b = line.reduce(Bounds(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)) {
            Bounds(minX: min($0.minX, $1.x), minY: min($0.minY, $1.y), maxX: max($0.maxX, $1.x), maxY: max($0.maxY, $1.y))
        }
        let range = options.routes.fireRange
        let near = try ws.areas(near: b.grown(metres: range + 10), on: day).filter(isHostile)
        guard !near.isEmpty else { return (0, 0) }
        let touching = near.filter { ws.areas[$0].geometry.bounds?.intersects(b) == true }
        let h = LineClip.metresInside(line, polygons: touching.map(rings(of:)))
        guard range > 0 else { return (h, 0) }
        let geometry = try ws.ctx.lineString(line)
        var x = 0.0
        for tile in try tiles.tiles(crossing: geometry) {
            guard let hostile = tile.hostile, let fire = tile.underFire else { continue }
            let piece = try geometry.intersection(ws.ctx.rectangle(tile.bounds))
            if piece.isEmpty { continue }
            x += Geodesic.length(try piece.intersection(fire).difference(hostile))
        }
        return (h, x)
    }

    /// Whether an edge (or a stretch) with these metres may be driven safely.
    private func usable(hostile h: Double, exposed x: Double) -> Bool {
        h <= options.tolerance && (!options.avoidFire || x <= options.tolerance)
    }

    /// The way out on `day`: the bases, or the outer rings of the study area.
    private func wayOut(on day: Day?) throws -> [Geometry] {
        if let bases = ws.layers.bases { return bases }
        let held = ws.areas.indices.filter { ws.areas[$0].holds(on: day) }
        // On most dates areas change hands: the ground held by anyone stays as it was, and so its edge.
        if let last = studyArea, try sameGround(last.held, held) { return last.rings }
        let rings = held.isEmpty ? [] : try ws.studyAreaRings(held)
        studyArea = (held, rings)
        return rings
    }

    /// Whether two sets of areas (sorted indices) cover the same ground because those in one
    /// only are, one for one, the same shapes (vertex for vertex) as those in the other only.
    private func sameGround(_ a: [Int], _ b: [Int]) throws -> Bool {
        if a == b { return true }
        let setA = Set(a), setB = Set(b)
        let gone = a.filter { !setB.contains($0) }
        var came = b.filter { !setA.contains($0) }
        guard gone.count == came.count else { return false }
        for g in gone {
            let shape = ws.areas[g].geometry, box = shape.bounds
            guard let k = try came.firstIndex(where: { try ws.areas[$0].geometry.bounds == box && ws.areas[$0].geometry.equalsExact(shape) })
            else { return false }
            came.remove(at: k)
        }
        return true
    }

    /// Where roads meet the way out (edge: points), found again only when the way out changes:
    /// on most dates areas change hands inside the study area, and its edge stays as it was.
    private func meetings(on day: Day?) throws -> [Int: [Coordinate]] {
        if ws.layers.bases != nil { return baseMeets }
        let out = try wayOut(on: day)
        if let last = meetsFound, last.wayOut.count == out.count,
           try zip(last.wayOut, out).allSatisfy({ try $0 === $1 || $0.equalsExact($1) }) {
            return last.meets
        }
        let t = options.tolerance
        var meets: [Int: [Coordinate]] = [:]
        for part in out {
            // A ring of the study area's edge, in short runs: each is tested only against the edges near it.
            let runs: [Geometry]
            if part.type == .lineString || part.type == .linearRing {
                let c = part.coordinates
                runs = try stride(from: 0, to: max(c.count - 1, 1), by: 64).map { try ws.ctx.lineString(Array(c[$0...min($0 + 64, c.count - 1)])) }
            } else {
                runs = [part]
            }
            for run in runs {
                guard let b = run.bounds else { continue }
                let prepared = try PreparedGeometry(run)
                for e in edgeGrid.query(b.grown(metres: t)) {
                    let edge = try self.edge(e)
                    if try prepared.intersects(edge) {
                        meets[e, default: []] += allCoordinates(try edge.intersection(run))
                    } else if run.type.isPuntal || run.type.isPolygonal, let (a, p) = try edge.nearestPoints(to: run),
                              Geodesic.distance(a, p) <= t {
                        meets[e, default: []].append(a)
                    }
                }
            }
        }
        meetsFound = (out, meets)
        exitsKept = [:]
        return meets
    }

    /// Where roads meet the way out, and the stretch from each end of such a road to it that
    /// may be driven towards the way out.
    private func exits(on day: Day?) throws -> [Exit] {
        let meets = try meetings(on: day)
        let tiles = fireTiles(on: day)
        var out: [Exit] = []
        for e in meets.keys.sorted() {
            // Kept without fire range only: a stretch's exposure rests on its fire tiles, which a
            // change farther away may redraw, moving it by a micrometre.
            let keeps = options.routes.fireRange == 0
            if keeps, let kept = exitsKept[e] { out += kept; continue }
            let first = out.count
            defer { if keeps { exitsKept[e] = Array(out[first...]) } }
            let coords = net.coordinates[e]
            let splits = meets[e]!.map { Polyline.split(coords, at: $0) }
            let fromStart = splits.map(\.fromStart).min { Geodesic.stepsLength($0) < Geodesic.stepsLength($1) }!
            let fromEnd = splits.map(\.fromEnd).min { Geodesic.stepsLength($0) < Geodesic.stepsLength($1) }!
            for (node, stretch) in [(net.edgeFrom[e], fromStart), (net.edgeTo[e], fromEnd)] {
                // An end on the way out itself needs no driving; a stretch, the edge's leave.
                let metres = Geodesic.stepsLength(stretch)
                guard metres == 0 || net.drivable(e, from: node) else { continue }
                var h = 0.0, x = 0.0
                if metres > 0 { (h, x) = try measure(stretch, tiles: tiles, on: day) }
                out.append(Exit(edge: e, node: node, point: stretch.last!, stretch: stretch, metres: metres,
                                seconds: net.seconds(along: e, metres: metres), exposed: x, hostile: h))
            }
        }
        return out
    }

    private func allCoordinates(_ g: Geometry) -> [Coordinate] {
        g.type.isCollection ? g.parts.flatMap(allCoordinates) : g.coordinates
    }

    /// The routes of one state of the roads: from the exits that may be driven safely, the
    /// safest (least exposed millimetres, then seconds) and the quickest; from every exit, the
    /// least hostile millimetres (the cut that would reopen a pocket), found when first needed
    /// or, on one date, on a side thread from the start; and to the entries of the corridors
    /// open that day.
    final class Routing {
        let exits: [Exit]
        let safest: ShortestPaths
        private let net: RoadNetwork, hostile: [Double]
        private var reopenPaths: ShortestPaths?, fastestPaths: ShortestPaths?
        private var reopenTask: SideTask<ShortestPaths>?
        private let fastestStarts: [ShortestPaths.Start], blocked: (Int) -> Bool
        var corridors: (open: [Int], paths: ShortestPaths?)?  // keyed by the corridors open and the end each is entered by

        /// - Parameter reopenAhead: Whether to search the least hostile roads on a side thread
        ///   while the safest are searched here (one date, where the other thread is idle then;
        ///   a timeline's workers keep both threads busy, and search them only when needed).
        init(_ net: RoadNetwork, exits: [Exit], hostile: [Double], exposed: [Double], blocked: @escaping (Int) -> Bool,
             usable: (Exit) -> Bool, reopenAhead: Bool = false) {
            self.net = net
            self.exits = exits
            self.hostile = hostile
            if reopenAhead { reopenTask = Self.leastHostileAhead(net, exits: exits, hostile: hostile) }
            let safe = exits.enumerated().filter { usable($0.element) }
            safest = ShortestPaths(net, starts: safe.map {
                .init(node: $0.element.node, first: mm($0.element.exposed), seconds: $0.element.seconds,
                      metres: $0.element.metres, tag: Int32($0.offset))
            }, weight: { blocked($0) ? nil : mm(exposed[$0]) })
            fastestStarts = safe.map {
                .init(node: $0.element.node, first: 0, seconds: $0.element.seconds, metres: $0.element.metres, tag: Int32($0.offset))
            }
            self.blocked = blocked
            // With nothing exposed the safest paths are the quickest: the same starts and weights.
            if safe.allSatisfy({ mm($0.element.exposed) == 0 }), exposed.allSatisfy({ mm($0) == 0 }) { fastestPaths = safest }
        }

        deinit { reopenTask?.wait() }

        /// The quickest paths from the exits that may be driven safely, found when first needed.
        var fastest: ShortestPaths {
            if let fastestPaths { return fastestPaths }
            let blocked = self.blocked
            let made = ShortestPaths(net, starts: fastestStarts, weight: { blocked($0) ? nil : 0 })
            fastestPaths = made
            return made
        }

        /// Starts searching ``reopen`` on a side thread unless it is known or under way.
        func reopenAhead() {
            if reopenPaths != nil || reopenTask != nil { return }
            reopenTask = Self.leastHostileAhead(net, exits: exits, hostile: hostile)
        }

        private static func leastHostileAhead(_ net: RoadNetwork, exits: [Exit], hostile: [Double]) -> SideTask<ShortestPaths> {
            SideTask { leastHostile(net, exits: exits, hostile: hostile) }
        }

        var reopen: ShortestPaths {
            if let reopenPaths { return reopenPaths }
            // The task cannot throw: its work does not.
            let made = (try? reopenTask?.value()) ?? Self.leastHostile(net, exits: exits, hostile: hostile)
            reopenTask = nil
            reopenPaths = made
            return made
        }

        private static func leastHostile(_ net: RoadNetwork, exits: [Exit], hostile: [Double]) -> ShortestPaths {
            ShortestPaths(net, starts: exits.enumerated().map {
                .init(node: $0.element.node, first: mm($0.element.hostile), seconds: $0.element.seconds,
                      metres: $0.element.metres, tag: Int32($0.offset))
            }, weight: { mm(hostile[$0]) })
        }
    }

    private func analyse(on day: Day?, pockets: [Pocket], sameAs: [Int?] = [], ahead: Ahead? = nil) throws -> AccessDay {
        let exits = try ahead?.exits ?? exits(on: day)
        let avoid = options.avoidFire, t = options.tolerance
        let hostile = self.hostile, exposed = self.exposed
        let blocked = { (e: Int) in hostile[e] > t || (avoid && exposed[e] > t) }
        // A date whose changes leave every road and exit as they were keeps the routes found before.
        let routing: Routing
        if let last = self.routing, !roadsChanged, last.exits == exits {
            routing = last
        } else {
            routing = Routing(net, exits: exits, hostile: hostile, exposed: exposed, blocked: blocked,
                              usable: { [self] in usable(hostile: $0.hostile, exposed: $0.exposed) }, reopenAhead: ahead != nil)
            self.routing = routing
            roadsChanged = false
        }

        var result = AccessDay()
        result.sameAs = sameAs
        result.cutEdges = hostile.indices.filter { hostile[$0] > t }
        result.exposedEdges = hostile.indices.filter { hostile[$0] <= t && exposed[$0] > t }

        // Corridor entries declared open today: the end in the besieged side's ground, else the first.
        let open = corridors.indices.filter { corridors[$0].declaredOpen(on: day) }
        var entryRoads: [(corridor: Int, road: RoadAttachment)] = []
        var chosen: [Int] = []  // corridor and end, which the routes to the entries rest on
        for c in open {
            let ends = corridorEnds[c]
            let inside = try ends.firstIndex { try controller(at: $0.point, on: day) == options.routes.besieged } ?? 0
            if !options.joins(ends[inside].road.metres) { continue }  // an entry farther off than asked is not reached by road
            entryRoads.append((c, ends[inside].road))
            chosen.append(2 * c + inside)
        }
        if routing.corridors?.open != chosen {
            let entries = entryRoads.flatMap { $0.road.starts(tag: Int32($0.corridor), in: net, blocked: blocked) }
            routing.corridors = (chosen, entries.isEmpty ? nil : ShortestPaths(net, starts: entries, weight: { blocked($0) ? nil : 0 }))
        }
        let toCorridor = routing.corridors?.paths

        let (nodesOf, placeIn) = try ahead?.located ?? locate(pockets, sameAs: sameAs)
        let safeFrom = nodesOf.map { Self.best($0, routing.safest) }
        // The least hostile roads out (the cut that would reopen a pocket) are found on a side
        // thread while the safe paths are drawn and the places timed here, when a pocket needs them.
        if pockets.indices.contains(where: { safeFrom[$0] == nil && !nodesOf[$0].isEmpty }) { routing.reopenAhead() }
        for (k, pocket) in pockets.enumerated() {
            var a = PocketAccess(pocket: pocket, roadNodes: nodesOf[k].count)
            if let best = safeFrom[k] {
                a.roadWayOut = true
                a.safest = try path(from: best, routing.safest, exits: exits, on: day)
            }
            result.pockets.append(a)
        }

        // Places, in two halves on two threads from a few thousand on: their times need no GEOS.
        let drivenEntries = places.isEmpty ? 0 : entryRoads.filter { !blocked($0.road.edge) }.count
        let fastest = routing.fastest, shared = Unchecked(self)
        let timed = try inHalves(count: places.count) { r in
            r.map { i in
                shared.value.timePlace(i, in: placeIn[i], toCorridor: toCorridor, entryRoads: entryRoads, fastest: fastest,
                                       exits: routing.exits, blocked: blocked, open: open.count, driven: drivenEntries)
            }
        }

        for k in pockets.indices where !result.pockets[k].roadWayOut {
            if !nodesOf[k].isEmpty, let best = Self.best(nodesOf[k], routing.reopen) {
                result.pockets[k].reopen = try path(from: best, routing.reopen, exits: exits, on: day)
            }
            result.pockets[k].whyNoRoadWayOut = whyNoRoadWayOut(nodes: nodesOf[k].count, exits: exits.count, reopen: result.pockets[k].reopen)
        }
        for (i, var p) in timed.enumerated() {
            if p.wayOutSeconds == nil { p.whyNoWayOut = whyNoWayOut(placeRoads[i], routing: routing) }
            if let k = p.pocket, let pop = p.place.population, let s = p.corridorSeconds {
                for th in accessThresholds where s <= Double(th) * 60 { result.pockets[k].residentsWithin[th, default: 0] += pop }
            }
            result.places.append(p)
        }
        return result
    }

    /// Place `i`'s times to the open corridors' entries and to the way out (all but why it has
    /// none to the way out, which needs the least hostile roads): plain values, for any thread.
    private func timePlace(_ i: Int, in pocket: Int?, toCorridor: ShortestPaths?, entryRoads: [(corridor: Int, road: RoadAttachment)],
                           fastest: ShortestPaths, exits: [Exit], blocked: (Int) -> Bool, open: Int, driven: Int) -> PlaceAccess {
        let at = placeRoads[i]
        var p = PlaceAccess(place: places[i], toRoadMetres: at.metres)
        p.pocket = pocket
        let near = options.joins(at.metres)  // a place farther from every road than asked has no times
        if near, let c = toCorridor, let r = at.reach(c, in: net, blocked: blocked) {
            p.corridor = corridors[r.tag].name
            p.corridorSeconds = r.seconds
            p.corridorMetres = r.metres
        }
        // An entry on the place's own road is reached along it.
        if near, !blocked(at.edge) {
            for (k, end) in entryRoads {
                guard let r = at.along(to: end, in: net), r.seconds < p.corridorSeconds ?? .infinity else { continue }
                (p.corridor, p.corridorSeconds, p.corridorMetres) = (corridors[k].name, r.seconds, r.metres)
            }
        }
        if near, let r = at.reach(fastest, in: net, blocked: blocked) {
            p.wayOutSeconds = r.seconds
            p.wayOutMetres = r.metres
        }
        // A way out on the place's own road is reached along it, not by the edge's ends.
        if near, !blocked(at.edge) {
            for x in exits where x.edge == at.edge && usable(hostile: x.hostile, exposed: x.exposed) {
                var there = at
                there.along = x.node == net.edgeFrom[x.edge] ? x.metres : at.length - x.metres
                guard let r = at.along(to: there, in: net), r.seconds < p.wayOutSeconds ?? .infinity else { continue }
                (p.wayOutSeconds, p.wayOutMetres) = (r.seconds, r.metres)
            }
        }
        if p.corridorSeconds == nil { p.whyNoCorridor = whyNoCorridor(at, open: open, entries: entryRoads.count, driven: driven) }
        return p
    }

    /// Road nodes and places by pocket, located without a GEOS point each. Those in a pocket on
    /// the same ground as one of the period before (`sameAs`) are those that were in that one:
    /// only the rest are located, in the other pockets.
    private func locate(_ pockets: [Pocket], sameAs: [Int?]) throws -> (nodesOf: [[Int32]], placeIn: [Int?]) {
        var nodesOf = [[Int32]](repeating: [], count: pockets.count)
        var placeIn = [Int?](repeating: nil, count: places.count)
        var knownNode = [Bool](repeating: false, count: net.nodes.count), knownPlace = [Bool](repeating: false, count: places.count)
        var fresh = Array(pockets.indices)
        if let last = located, sameAs.count == pockets.count {
            // The pocket before on the same ground: as the enclosure says, else (it says so only
            // when the pocket's zone is kept too) the one with the same outline, vertex for vertex.
            var byBox: [BoxKey: [Int]] = [:]
            for (j, g) in last.shapes.enumerated() { if let b = g.bounds { byBox[BoxKey(b), default: []].append(j) } }
            var now = [Int?](repeating: nil, count: last.nodesOf.count)  // a pocket before -> now
            var carried = [Bool](repeating: false, count: pockets.count)
            for k in pockets.indices {
                let shape = pockets[k].geometry
                var match = sameAs[k].flatMap { $0 < now.count && now[$0] == nil ? $0 : nil }
                if match == nil, let b = shape.bounds {
                    match = try byBox[BoxKey(b)]?.first { j in
                        try now[j] == nil && (last.shapes[j] === shape || last.shapes[j].equalsExact(shape))
                    }
                }
                guard let j = match else { continue }
                now[j] = k
                carried[k] = true
                nodesOf[k] = last.nodesOf[j]
                for n in nodesOf[k] { knownNode[Int(n)] = true }
            }
            for (i, j) in last.placeIn.enumerated() {
                guard let j, let k = now[j] else { continue }
                (placeIn[i], knownPlace[i]) = (k, true)
            }
            fresh = pockets.indices.filter { !carried[$0] }
        }
        let locator = PointLocator(fresh.map { pockets[$0].geometry })
        // A few pockets to look in (a period's changes): a point outside all their boxes is in none.
        let boxes = fresh.count <= 16 ? fresh.compactMap { pockets[$0].geometry.bounds } : nil
        func mayHold(_ c: Coordinate) -> Bool {
            boxes?.contains { c.x >= $0.minX && c.x <= $0.maxX && c.y >= $0.minY && c.y <= $0.maxY } ?? true
        }
        // Nodes located without GEOS: on two threads when many are to be (a whole date's), each
        // half in node order, so each pocket's nodes come in ascending order as on one thread.
        let nodes = net.nodes, known = knownNode
        let pieces = fresh.count > 16 && nodes.count >= 65_536 ? 2 : 1, size = (nodes.count + pieces - 1) / pieces
        let found = try SideTask<[(pocket: Int, node: Int32)]>.pieces(pieces) { k in
            var out: [(pocket: Int, node: Int32)] = [], scratch: [UInt8] = []
            for n in (k * size)..<min(nodes.count, (k + 1) * size) where !known[n] {
                let c = nodes[n]
                guard mayHold(c), let p = locator.locate(c.x, c.y, scratch: &scratch) else { continue }
                out.append((p, Int32(n)))
            }
            return out
        }
        for (p, n) in found.joined() { nodesOf[fresh[p]].append(n) }
        var scratch: [UInt8] = []
        for i in places.indices where !knownPlace[i] && mayHold(placePoints[i]) {
            placeIn[i] = locator.locate(placePoints[i].x, placePoints[i].y, scratch: &scratch).map { fresh[$0] }
        }
        located = (pockets.map(\.geometry), nodesOf, placeIn)
        return (nodesOf, placeIn)
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
            let c = net.coordinates[e]
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
                        endsIn: try controller(at: exit.point, on: day))
    }

    private func controller(at c: Coordinate, on day: Day?) throws -> String? {
        let point = try ws.ctx.point(c)
        guard let b = point.bounds else { return nil }
        return try ws.areas(near: b, on: day).first { try ws.areas[$0].geometry.intersects(point) }
            .map { ws.areas[$0].controller }
    }
}

/// A box as an exact key: pockets with the same outline have the same box.
private struct BoxKey: Hashable {
    let minX: UInt64, minY: UInt64, maxX: UInt64, maxY: UInt64
    init(_ b: Bounds) {
        (minX, minY, maxX, maxY) = (b.minX.bitPattern, b.minY.bitPattern, b.maxX.bitPattern, b.maxY.bitPattern)
    }
}
