import CordonCore
import CordonGeometry

/// Finds the besieged side's pockets on one date and measures them (docs/design.md#pockets).
/// One analysis per worker: it owns its GEOS context through its workspace.
public final class EnclosureAnalysis {
    let ws: Workspace
    /// What the analysis was asked.
    public let options: EnclosureOptions
    /// What it has done so far, counted (tests check each shortcut is taken).
    var statistics = EnclosureStatistics()
    /// Whether pockets' `hostileShare` is measured; road access, which never reports it, turns
    /// it off (it was most of the enclosure's time there) and leaves it NaN.
    var measuresContact = true
    /// Whether one date may take a second thread for the hostile dissolve and hostile shares
    /// (as one-date `cordon enclosure` does with `--jobs` 2 or more); off by default, so that
    /// callers running analyses side by side keep to one thread each.
    public var splitsWork: Bool {
        get { ws.splitsWork }
        set { ws.splitsWork = newValue }
    }

    /// Prepares the analysis of `map`: indexes its areas.
    /// - Parameters:
    ///   - map: The control map.
    ///   - options: The besieged side, its allies, the snap distance and whether to search closure.
    ///   - layers: Bases, population and districts that come with the map.
    ///   - context: The GEOS context to work in; the analysis then belongs to its thread.
    /// - Throws: ``SiegeOptionError`` for a setting out of bounds, ``SiegeInputError`` when the
    ///   besieged side or an ally never appears on the map, or a `GeometryError`.
    public init(map: ControlMap, options: EnclosureOptions, layers: EnclosureLayers = EnclosureLayers(),
                context: GEOSContext) throws {
        try options.validate()
        try map.requireControllers([options.besieged], role: { _ in "the besieged controller" })
        try map.requireControllers(options.allies, role: { _ in "the allied controller" })
        try map.requireControllers(options.neutral, role: { _ in "the neutral controller" })
        self.options = options
        ws = try Workspace(map: map, layers: layers, context: context)
    }

    /// An analysis sharing another's workspace (same context, same projected areas).
    init(workspace: Workspace, options: EnclosureOptions) {
        ws = workspace
        self.options = options
    }

    /// Pockets of the map held on `day` (every area when nil), numbered by descending area.
    ///
    /// - Throws: ``SiegeInputError`` when areas of different controllers overlap, or a `GeometryError`.
    public func pockets(on day: Day?) throws -> [Pocket] {
        try measuredPockets(on: day).map(\.pocket)
    }

    /// The pockets, each with its outline in the map's continuous range of longitudes (the
    /// pocket's own geometry is cut at the antimeridian for writing).
    func measuredPockets(on day: Day?) throws -> [(pocket: Pocket, lonLat: Geometry)] {
        try found(on: day)?.pockets.map { ($0.pocket, $0.lonLat) } ?? []
    }

    /// What one date's analysis found: its pockets in index order, and the zones and way out an
    /// incremental timeline carries to the next period; nil when the besieged side holds nothing.
    func found(on day: Day?) throws -> Found? {
        let all = ws.areas.indices.filter { ws.areas[$0].holds(on: day) }
        let besieged = all.filter { ws.areas[$0].controller == options.besieged }
        if besieged.isEmpty { return nil }
        let passable = all.filter { options.isPassable(ws.areas[$0].controller) }
        let hostile = all.filter { options.isHostile(ws.areas[$0].controller) }
        // Without snap or a population layer each pocket is exactly a union of besieged areas,
        // so its residents are theirs, whole: no overlay needed. Counted while the hostile
        // ground is still being dissolved; an error waits for the overlap check's.
        var counted: Result<[Double], any Error>?
        let ground = try Ground(ws, besieged: besieged, passable: passable, hostile: hostile, all: all, snap: options.snap) { pockets in
            guard options.snap == 0 && ws.layers.population == nil else { return }
            counted = Result { try AreaWeighting(ws).residents(of: besieged, in: pockets) }
        }
        try OverlapCheck(ws, tolerance: options.tolerance).run(all, dissolved: ground.extent)

        var zoneOpen: [Int: Bool] = [:]
        let t = options.tolerance
        let residents = try counted?.get()
        var pockets = try measure(ground.pockets, zones: ground.zones, zoneOpen: { z in
            if let open = zoneOpen[z] { return open }
            let open = try ws.within(ground.zones[z], ground.wayOut, distance: t)
            zoneOpen[z] = open
            return open
        }, wayOut: ground.wayOut, hostile: ground.hostile, residents: residents, on: day)
        Self.number(&pockets)
        return Found(pockets: pockets, zones: ground.zones, zoneOpen: ground.zones.indices.map { zoneOpen[$0] },
                     wayOut: ground.wayOut, hostile: ground.hostile)
    }

    /// Stands and measures pockets (lon/lat) of one date, in the order given, unnumbered.
    /// - Parameters:
    ///   - zones: The date's connected parts of passable ground; `zoneOpen` tells whether one
    ///     comes within t of the way out.
    ///   - hostile: The date's hostile ground, at least near each pocket and within the closure
    ///     search's reach of its zone.
    ///   - residents: Each pocket's residents when already known.
    ///   - hints: For each pocket, the bracket a previous period's closure search ended with.
    ///   - zoneOf: For each pocket, its zone when already found (as found here: by a point inside it).
    ///   - members: For each pocket, the areas it is the union of, when known.
    ///   - contacts: For each pocket, the contact with hostile ground of the pocket it was, when
    ///     that pocket's ground and surroundings differ only within the boxes of `changed` areas.
    ///   - carried: For each pocket, its closure when a certificate carried it (no search runs).
    func measure(_ lonLats: [Geometry], zones: [Geometry], zoneOpen: (Int) throws -> Bool, wayOut: Geometry,
                 hostile: HostileGround, residents: [Double]?, hints: [(lo: Double, hi: Double)?]? = nil,
                 carried: [ClosureSearch.Outcome?]? = nil, zoneOf: [Int?]? = nil, members: [[Int]?]? = nil,
                 contacts: [HostileContact.Contact?]? = nil, changed: [Bounds] = [], on day: Day?) throws -> [MeasuredPocket] {
        let t = options.tolerance
        let locator = zoneOf == nil ? ZoneLocator(zones, context: ws.ctx) : nil
        let weighting = AreaWeighting(ws)

        // On two threads, the hostile shares start on a side thread while the searches are set up.
        let sharing = measuresContact && ws.splitsWork ? try HostileContact.Shares(ws, of: lonLats, facing: hostile, tolerance: t) : nil
        // First where each pocket stands; the closure searches of open pockets then start on
        // other threads while the other measures are taken here.
        var standing: [(encircled: Bool, zone: Int?, search: SideTask<ClosureSearch.Outcome>?)] = []
        for (k, lonLat) in lonLats.enumerated() {
            guard let zone = try locator?.zone(holding: lonLat) ?? zoneOf?[k] ?? nil else {
                standing.append((true, nil, nil))
                continue
            }
            let encircled = try !zoneOpen(zone)
            var search: SideTask<ClosureSearch.Outcome>?
            if !encircled, options.closure, (carried?[k] ?? nil) == nil {
                if let prepared = try ClosureSearch.prepare(ws, options: options, pocket: lonLat, zone: zones[zone],
                                                            wayOut: wayOut, hostile: hostile,
                                                            members: members?[k] ?? nil, on: day) {
                    let moved = Unchecked((try prepared.detached(), hints?[k] ?? nil))
                    search = SideTask { try moved.value.0.search(hint: moved.value.1) }
                }
            }
            standing.append((encircled, zone, search))
        }

        var pockets: [MeasuredPocket] = []
        // One date on two threads shares the pockets out and keeps no contact; one thread keeps
        // each pocket's, for a timeline's next period.
        var kept = [HostileContact.Contact?](repeating: nil, count: lonLats.count)
        let shares: [Double]
        if !measuresContact {
            shares = [Double](repeating: .nan, count: lonLats.count)
        } else if let sharing {
            shares = try sharing.finish()
        } else {
            shares = try lonLats.indices.map { k in
                let before = contacts?[k] ?? nil
                if before != nil { statistics.contactsCarried += 1 }
                let m = try HostileContact.contact(ws, of: lonLats[k], carrying: before, changed: changed, facing: hostile, tolerance: t)
                kept[k] = m.contact
                return m.share
            }
        }
        for (k, lonLat) in lonLats.enumerated() {
            let (area, perimeter) = Geodesic.areaPerimeter(lonLat)
            let encircled = standing[k].encircled
            var pocket = Pocket(
                index: 0, controller: options.besieged, geometry: try ws.longitudes.wrap(lonLat), encircled: encircled,
                areaKm2: area / 1e6, perimeterKm: perimeter / 1e3,
                hostileShare: shares[k],
                population: try residents?[k] ?? weighting.population(inside: lonLat, on: day),
                closureM: encircled ? 0 : nil)
            if let districts = ws.layers.districts {
                pocket.districts = try weighting.districts(districts, inside: lonLat)
            }
            let zoneBox = standing[k].zone.flatMap { zones[$0].bounds }
            pockets.append(MeasuredPocket(pocket: pocket, lonLat: lonLat, zone: standing[k].zone,
                                          watch: try watch(lonLat, zoneBox: encircled ? nil : zoneBox), contact: kept[k]))
        }
        for k in pockets.indices where !standing[k].encircled && options.closure {
            let certified = carried?[k] ?? nil
            guard let outcome = try certified ?? standing[k].search?.value() else { continue }
            pockets[k].pocket.closureM = outcome.metres
            pockets[k].closureBracket = outcome.bracket
            // A carried certificate is already in this context; a search's is in its own.
            pockets[k].closureCertificate = certified != nil ? outcome.certificate : try outcome.certificate?.copy(into: ws.ctx)
            statistics.count(outcome, carried: certified != nil)
            // Started from its bracket, the next search probes its two ends only, and each probe
            // sees hostile ground no farther than the top plus the window's margin
            // (docs/design.md#closure): nothing beyond can change its answer.
            if let hi = outcome.bracket?.hi, let zone = standing[k].zone, let zoneBox = zones[zone].bounds {
                pockets[k].watch = try watch(lonLats[k], zoneBox: zoneBox, reach: hi + ClosureSearch.margin(upTo: hi))
            }
        }
        return pockets
    }

    /// Where a change of the map can alter a pocket's measures (lon/lat): hostile ground within
    /// 2t of it (`hostile_share`), and, for an open pocket whose closure is searched, anything
    /// within the search's reach of its zone (hostile ground within the zone box's diagonal, the
    /// way out within t), with room to spare.
    /// `reach`, when known, is the farthest the closure search grew hostile ground (metres),
    /// used when nearer than the zone box's diagonal.
    func watch(_ lonLat: Geometry, zoneBox: Bounds?, reach known: Double? = nil) throws -> Bounds {
        let t = options.tolerance
        let near = lonLat.bounds?.grown(metres: 2 * t + 1) ?? Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
        guard options.closure, let z = zoneBox else { return near }
        let diagonal = Geodesic.distance(Coordinate(z.minX, z.minY), Coordinate(z.maxX, z.maxY)) * 1.05 + 2 * t + 50
        let reach = known.map { min($0 * 1.02 + 2 * t + 100, diagonal) } ?? diagonal
        return near.union(z.grown(metres: reach))
    }

    /// Numbers pockets by descending geodesic area; ties broken by position, so the order never
    /// depends on GEOS's.
    static func number(_ pockets: inout [MeasuredPocket]) {
        pockets.sort {
            if $0.pocket.areaKm2 != $1.pocket.areaKm2 { return $0.pocket.areaKm2 > $1.pocket.areaKm2 }
            let a = $0.lonLat.bounds!, b = $1.lonLat.bounds!
            return (a.minX, a.minY, a.maxX, a.maxY) < (b.minX, b.minY, b.maxX, b.maxY)
        }
        for i in pockets.indices { pockets[i].pocket.index = i }
    }
}

/// A pocket with what an incremental timeline needs to tell whether a change touches it.
struct MeasuredPocket {
    var pocket: Pocket
    /// Its outline in the map's continuous range of longitudes.
    var lonLat: Geometry
    /// Its zone among the date's zones; nil when it lies in none.
    var zone: Int?
    /// Where a change can alter its measures (`EnclosureAnalysis.watch`).
    var watch: Bounds
    /// Its index in the previous period when kept from it unchanged (incremental timelines).
    var sameAs: Int?
    /// The bracket its closure search ended with, for the next period's search to start from.
    var closureBracket: (lo: Double, hi: Double)?
    /// What the exact probes at that bracket's ends showed, for the next period to skip them.
    var closureCertificate: ClosureCertificate?
    /// The areas whose union it is (ascending), when an incremental timeline knows them.
    var members: [Int]?
    /// Its boundary within t of hostile ground, when measured on one thread: the next period
    /// measures again only the part near a change.
    var contact: HostileContact.Contact?
}

/// One date's pockets in index order, and the ground a following period can start from.
struct Found {
    var pockets: [MeasuredPocket]
    var zones: [Geometry]
    /// Whether each zone reaches the way out; nil where no pocket asked.
    var zoneOpen: [Bool?]
    var wayOut: Geometry
    /// The date's hostile ground, whole; nil when a timeline dissolved only the part it needed.
    var hostile: HostileGround?
}

/// What an analysis has done, counted: a shortcut that is never taken shows as a zero.
struct EnclosureStatistics {
    /// Pockets an incremental timeline carried whole from the previous period, unmeasured.
    var keptPockets = 0
    /// Pockets measured again whose closure was carried from the previous period with no probe.
    var closuresCarried = 0
    /// Of those, the ones a certificate of the previous probes carried (changes within the search's reach).
    var closuresCertified = 0
    /// Pockets on the same ground whose measures were carried but for their hostile share,
    /// taken again only when a changed area came within 2t of them.
    var measuresCarried = 0
    /// Pockets or zones whose areas an incremental timeline had to search the map for (not carried).
    var membersSearched = 0
    /// Hostile shares taken again from the previous period's contact, near the changes only.
    var contactsCarried = 0
    /// Closure searches run (carried ones not counted).
    var searches = 0
    /// Searches the previous period's bracket settled in two probes.
    var hintsHeld = 0
    /// Searches from scratch whose answer the clearance field's guess led to, borne out.
    var fieldsHeld = 0
    /// Distances tested by all searches.
    var probes = 0

    mutating func count(_ outcome: ClosureSearch.Outcome, carried: Bool) {
        if carried {
            closuresCarried += 1
            if outcome.certificate != nil { closuresCertified += 1 }
            return
        }
        searches += 1
        probes += outcome.probes
        if outcome.hintHeld { hintsHeld += 1 }
        if outcome.fieldHeld { fieldsHeld += 1 }
    }
}
