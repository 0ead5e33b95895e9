import CordonCore
import CordonGeometry

/// The enclosure of consecutive periods, each worked from the one before: only the ground a
/// change touches is dissolved and measured again (docs/design.md#incremental-timelines).
/// Gives the same pockets, properties and `since` as analysing every period afresh.
final class IncrementalEnclosure {
    let analysis: EnclosureAnalysis
    private var ws: Workspace { analysis.ws }
    private var options: EnclosureOptions { analysis.options }
    /// The previous period's findings, or nil when the next must be analysed afresh.
    private var last: (held: [Bool], found: Found, zoneMembers: [[Int]?])?

    /// The hostile ground of the pockets measured again, kept tile by tile across periods.
    private lazy var hostileTiles = HostileTiles(ws)

    init(_ analysis: EnclosureAnalysis) {
        self.analysis = analysis
    }

    /// Starts afresh: the next period asked is analysed whole.
    func forget() { last = nil }

    /// The last period's pockets, each with its outline in the map's continuous range of longitudes.
    var lastPockets: [(pocket: Pocket, lonLat: Geometry)] {
        last?.found.pockets.map { ($0.pocket, $0.lonLat) } ?? []
    }

    /// The areas each of the last period's pockets is the union of (index order), nil where not known.
    var lastMembers: [[Int]?] { last?.found.pockets.map(\.members) ?? [] }

    /// The areas held in one of the last two periods asked and not the other; nil when the period
    /// before the last is not known (the first of a run, or one in which the besieged held nothing).
    private(set) var changed: [Int]?
    /// How many pockets the period before the last had.
    private(set) var previousCount = 0

    /// The pockets of `day`, in index order, each with its index in the previous period asked
    /// when it is that pocket on the same ground (its measures may differ: its hostile share,
    /// and its closure when searched again).
    func pockets(on day: Day?) throws -> [(pocket: Pocket, sameAs: Int?)] {
        let held = ws.areas.map { $0.holds(on: day) }
        var found: Found?
        var sameAs: [Int?] = []
        changed = last.map { last in held.indices.filter { held[$0] != last.held[$0] } }
        previousCount = last?.found.pockets.count ?? 0
        var zoneMembers: [[Int]?] = []
        if let last, let step = try step(from: last, to: held, on: day) {
            found = step.found
            zoneMembers = step.zoneMembers
            sameAs = step.sameAs
        } else {
            found = try analysis.found(on: day)
            if let f = found, options.snap == 0 { found?.pockets = try withMembers(f.pockets, held: held) }
        }
        last = found.map { (held, $0, zoneMembers) }
        guard let found else { return [] }
        return found.pockets.enumerated().map { k, p in (p.pocket, k < sameAs.count ? sameAs[k] : nil) }
    }

    /// The next period from the previous one; nil when it must be analysed afresh: with snap
    /// (closings reach across areas), when the study area's extent changes (the way out moves),
    /// or when an area that comes overlaps another (the full check names the culprits).
    private func step(from last: (held: [Bool], found: Found, zoneMembers: [[Int]?]), to held: [Bool], on day: Day?) throws
        -> (found: Found, zoneMembers: [[Int]?], sameAs: [Int?])? {
        guard options.snap == 0, let changed else { return nil }
        let besieged = { (i: Int) in self.ws.areas[i].controller == self.options.besieged }
        let passable = { (i: Int) in self.options.isPassable(self.ws.areas[i].controller) }
        guard held.indices.contains(where: { held[$0] && besieged($0) }) else { return nil }
        let added = changed.filter { held[$0] }, removed = changed.filter { !held[$0] }
        if try overlapsSuspected(added, held: held) { return nil }
        if ws.layers.bases == nil, !(try sameGround(removed, added)) { return nil }

        let t = options.tolerance
        let alliesNow = held.indices.contains { held[$0] && passable($0) && !besieged($0) }
        let alliesBefore = last.held.indices.contains { last.held[$0] && passable($0) && !besieged($0) }
        let before = last.found
        let parts = try ConnectedParts.update(ws, previous: before.pockets.map(\.lonLat), members: before.pockets.map(\.members),
                                              changed: changed.filter(besieged), holds: { held[$0] && besieged($0) })
        var searched = parts.membersSearched

        // Zones: the passable ground's parts; the pockets' own when no ally holds ground.
        var zones: [Geometry]
        var zoneMembers: [[Int]?]
        var zoneFrom: [Int: Int] = [:]  // a kept zone's index before -> now
        if alliesNow {
            let zoneParts = try ConnectedParts.update(ws, previous: before.zones, members: alliesBefore ? last.zoneMembers : [],
                                                      changed: changed.filter(passable), holds: { held[$0] && passable($0) })
            zones = zoneParts.shapes
            zoneMembers = zoneParts.members
            searched += zoneParts.membersSearched
            for (z, old) in zoneParts.keptFrom.enumerated() { if let old { zoneFrom[old] = z } }
        } else {
            zones = parts.shapes
            zoneMembers = parts.members
            if !alliesBefore {
                for (c, j) in parts.keptFrom.enumerated() { if let j, let old = before.pockets[j].zone { zoneFrom[old] = c } }
            }
        }
        analysis.statistics.membersSearched += searched
        var zoneOpen = [Bool?](repeating: nil, count: zones.count)
        for (old, z) in zoneFrom { zoneOpen[z] = before.zoneOpen[old] }

        // A pocket on the same ground, in the same zone, keeps every measure that depends on
        // its ground alone; its hostile share is taken again only when a changed area comes
        // within 2t of it, and its closure searched again only when not carried.
        let changedBoxes = changed.compactMap { ws.areas[$0].geometry.bounds }
        var kept: [MeasuredPocket] = [], again: [Geometry] = [], againMembers: [[Int]?] = [], againZone: [Int?] = []
        var againSame: [Int?] = []  // for a pocket measured again on the same ground, its index before
        var hintFrom: [Int?] = []  // the pocket before whose search's bracket the search starts from
        var reshare: [Int] = []  // indices into `kept` whose hostile share is taken again
        // The zone holding a new pocket, found as `EnclosureAnalysis.measure` finds it.
        let locator = ZoneLocator(zones, context: ws.ctx)
        for (c, shape) in parts.shapes.enumerated() {
            if let j = parts.keptFrom[c], let oldZone = before.pockets[j].zone, let zone = zoneFrom[oldZone] {
                var p = before.pockets[j]
                p.zone = zone
                p.sameAs = j
                if !changedBoxes.contains(where: { $0.intersects(before.pockets[j].watch) }) {
                    kept.append(p)
                    analysis.statistics.keptPockets += 1
                    continue
                }
                let searches = options.closure && !p.pocket.encircled
                var closure = searches ? try carriedClosure(of: before.pockets[j], zone: zones[zone], changed: changed) : nil
                if searches, closure == nil, let certificate = p.closureCertificate {
                    closure = try certifiedClosure(certificate, of: before.pockets[j], pocket: shape, zone: zones[zone],
                                                   held: held, changed: changed)
                }
                if searches && closure == nil {
                    // Its search runs again: measured whole, starting from its bracket.
                    again.append(shape)
                    againMembers.append(p.members)
                    againZone.append(zone)
                    againSame.append(j)
                    hintFrom.append(j)
                    continue
                }
                if let closure { analysis.statistics.count(closure, carried: true) }
                analysis.statistics.measuresCarried += 1
                if analysis.measuresContact, try comesNear(p.lonLat, within: 2 * t + 1, changed) { reshare.append(kept.count) }
                kept.append(p)
            } else {
                again.append(shape)
                againMembers.append(parts.members[c])
                againZone.append(try locator.zone(holding: shape))
                againSame.append(nil)
                hintFrom.append(nil)
            }
        }

        // Each closure search starts from the bracket of the previous period's pocket on its
        // ground; where that pocket's certificate still holds, the bracket stands with no probe.
        func isOpen(_ z: Int) throws -> Bool {
            if let open = zoneOpen[z] { return open }
            let open = try ws.within(zones[z], before.wayOut, distance: t)
            zoneOpen[z] = open
            return open
        }
        func hint(_ k: Int) -> (lo: Double, hi: Double)? { hintFrom[k].flatMap { before.pockets[$0].closureBracket } }
        if options.closure, again.indices.contains(where: { hint($0) == nil }) {
            let searched = before.pockets.indices.filter { before.pockets[$0].closureBracket != nil }
            let tree = try STRtree(searched.map { before.pockets[$0].lonLat }, context: ws.ctx)
            for (k, shape) in again.enumerated() where hint(k) == nil {
                let point = try shape.representativePoint()
                hintFrom[k] = try tree.query(point, where: { try $0.intersects(point) }).first.map { searched[$0] }
            }
        }
        var certified = [ClosureSearch.Outcome?](repeating: nil, count: again.count)
        for k in again.indices where options.closure && againSame[k] == nil {
            guard let j = hintFrom[k], let certificate = before.pockets[j].closureCertificate,
                  let z = againZone[k], try isOpen(z) else { continue }
            certified[k] = try certifiedClosure(certificate, of: before.pockets[j], pocket: again[k], zone: zones[z],
                                                held: held, changed: changed)
        }

        var measured: [MeasuredPocket] = []
        if !again.isEmpty || !reshare.isEmpty {
            // The hostile ground near the pockets measured again, and within the reach of the
            // closure searches that will run.
            // Road access asks for neither a hostile share nor a closure: no hostile ground then.
            let needsHostile = options.closure || analysis.measuresContact
            var boxes: [Bounds] = []
            for (k, shape) in again.enumerated() where needsHostile {
                guard let b = shape.bounds else { continue }
                boxes.append(b.grown(metres: 2 * t + 1))
                // Only a closure search looks farther: none runs for an encircled pocket (its
                // zone does not reach the way out), nor for one whose closure a certificate carries.
                guard options.closure, certified[k] == nil, let z = againZone[k], try isOpen(z), let zb = zones[z].bounds else { continue }
                boxes.append(try analysis.watch(shape, zoneBox: zb))
            }
            for k in reshare { if let b = kept[k].lonLat.bounds { boxes.append(b.grown(metres: 2 * t + 1)) } }
            var hostileIDs = Set<Int>()
            for b in boxes {
                for i in try ws.tree.query(b) where held[i] && options.isHostile(ws.areas[i].controller) { hostileIDs.insert(i) }
            }
            let hostile = needsHostile ? try hostileTiles.ground(hostileIDs.sorted()) : try HostileGround(ws.ctx.empty(.polygon))
            for k in reshare {
                if kept[k].contact != nil { analysis.statistics.contactsCarried += 1 }
                let m = try HostileContact.contact(ws, of: kept[k].lonLat, carrying: kept[k].contact, changed: changedBoxes,
                                                   facing: hostile, tolerance: t)
                kept[k].pocket.hostileShare = m.share
                kept[k].contact = m.contact
            }
            if !again.isEmpty {
                let residents = ws.layers.population == nil ? try residents(of: again, members: againMembers, held: held) : nil
                let changedSet = Set(changed)
                let contacts = againSame.indices.map { k in
                    againSame[k].map { before.pockets[$0].contact }
                        ?? predecessor(of: againMembers[k], in: before.pockets, changed: changedSet)?.contact
                }
                measured = try analysis.measure(again, zones: zones, zoneOpen: isOpen, wayOut: before.wayOut, hostile: hostile,
                                                residents: residents, hints: options.closure ? again.indices.map(hint) : nil, carried: certified,
                                                zoneOf: againZone, members: againMembers,
                                                contacts: contacts, changed: changedBoxes, on: day)
                for k in measured.indices {
                    measured[k].members = againMembers[k]
                    measured[k].sameAs = againSame[k]
                }
            }
        }
        var pockets = kept + measured
        EnclosureAnalysis.number(&pockets)
        let sameAs = pockets.map(\.sameAs)
        for i in pockets.indices { pockets[i].sameAs = nil }
        return (Found(pockets: pockets, zones: zones, zoneOpen: zoneOpen, wayOut: before.wayOut), zoneMembers, sameAs)
    }

    /// A period analysed afresh, with its pockets' areas (without snap a pocket is a connected
    /// part of the besieged ground held), so the next change needs no search for them and the
    /// next period's pockets are linked area by area (`PeriodBefore`).
    private func withMembers(_ pockets: [MeasuredPocket], held: [Bool]) throws -> [MeasuredPocket] {
        let besieged = ws.areas.indices.filter { held[$0] && ws.areas[$0].controller == options.besieged }
        let members = try ConnectedParts.members(besieged, of: pockets.map(\.lonLat), ws: ws)
        return zip(pockets, members).map { p, m in
            var p = p
            p.members = m
            return p
        }
    }

    /// The pocket of `before` that a pocket of `members` continues with only changed areas come
    /// or gone: both hold the same unchanged areas, so outside the changed areas their ground is
    /// the same. Nil when unknown or when none does (a split, a merger, a new pocket).
    private func predecessor(of members: [Int]?, in before: [MeasuredPocket], changed: Set<Int>) -> MeasuredPocket? {
        guard let members else { return nil }
        let unchanged = members.filter { !changed.contains($0) }
        guard let first = unchanged.first else { return nil }
        return before.first { p in
            guard let m = p.members, m.contains(first) else { return false }
            return m.filter { !changed.contains($0) } == unchanged
        }
    }

    /// The residents of pockets that are unions of the besieged areas held (no snap, no
    /// population layer), as `AreaWeighting.residents` counts them: a pocket whose areas are
    /// known and each a single polygon sums their residents in the same order; the others
    /// are counted by it.
    private func residents(of shapes: [Geometry], members: [[Int]?], held: [Bool]) throws -> [Double] {
        var totals = [Double](repeating: 0, count: shapes.count)
        var others: [Int] = []
        for k in shapes.indices {
            guard let m = members[k], m.allSatisfy({ ws.areas[$0].geometry.type == .polygon }) else {
                others.append(k)
                continue
            }
            for i in m where ws.areas[i].population > 0 { totals[k] += ws.areas[i].population }
        }
        if others.isEmpty { return totals }
        var ids = Set<Int>()
        for k in others {
            guard let b = shapes[k].bounds else { continue }
            for i in try ws.tree.query(b) where held[i] && ws.areas[i].controller == options.besieged { ids.insert(i) }
        }
        let counted = try AreaWeighting(ws).residents(of: ids.sorted(), in: others.map { shapes[$0] })
        for (k, r) in zip(others, counted) { totals[k] = r }
        return totals
    }

    /// Whether a changed area comes within `metres` of `shape` (lon/lat): its box grown by
    /// that much meets the shape. Boxes first; the shape is prepared only when one meets its box.
    private func comesNear(_ shape: Geometry, within metres: Double, _ changed: [Int]) throws -> Bool {
        guard let b = shape.bounds else { return false }
        var prepared: PreparedGeometry?
        for i in changed {
            guard let g = ws.areas[i].geometry.bounds?.grown(metres: metres), g.intersects(b) else { continue }
            if prepared == nil { prepared = try PreparedGeometry(shape) }
            if try prepared!.intersects(ws.ctx.rectangle(g)) { return true }
        }
        return false
    }

    /// The closure of a pocket on the same ground, in the same zone, as `before`, when no probe
    /// of its search can come out differently: the search starting from its bracket [lo, hi]
    /// sees hostile ground only within hi and the window's margin of the zone's box
    /// (docs/design.md#closure), so when every hostile area that came or went lies farther than
    /// that from the zone, the search would find what it found before. Nil otherwise.
    private func carriedClosure(of before: MeasuredPocket, zone: Geometry, changed: [Int]) throws
        -> ClosureSearch.Outcome? {
        guard options.closure, !before.pocket.encircled, let bracket = before.closureBracket,
              let metres = before.pocket.closureM, let zoneBox = zone.bounds else { return nil }
        // 1 % and 1 m more for the plane's scale and the box's growth in degrees.
        let reach = ClosureCertificate.reach(bracket.hi) * 1.01 + 1
        let box = zoneBox.grown(metres: reach)
        for i in changed where options.isHostile(ws.areas[i].controller) {
            guard let b = ws.areas[i].geometry.bounds, b.intersects(box) else { continue }
            if try ws.within(zone, ws.areas[i].geometry, distance: reach) { return nil }
        }
        return ClosureSearch.Outcome(metres: metres, bracket: bracket)
    }

    /// The closure of `pocket` (lon/lat), which continues `before` (its ground part of before's,
    /// in `zone`), when the certificate of the probes that settled before's search still holds
    /// after `changed`: its bracket then stands, and the answer is its midpoint, as the two
    /// probes would find (docs/design.md#closure, on a timeline). Nil when the certificate
    /// cannot tell.
    private func certifiedClosure(_ certificate: ClosureCertificate, of before: MeasuredPocket, pocket: Geometry,
                                  zone: Geometry, held: [Bool], changed: [Int]) throws -> ClosureSearch.Outcome? {
        // The search works in the plane nearest the zone's box: it must be the certificate's.
        guard let zoneBox = zone.bounds, try ws.frames.frame(for: zoneBox) === certificate.frame else { return nil }
        let frame = certificate.frame
        // The hearts the certificate rests on must lie in this pocket: of two pockets split
        // from the one the probes saw, only one holds each (a heart the certificate holds on
        // is whole: nothing changed near it).
        for heart in [certificate.low?.heart, certificate.high.heart].compactMap({ $0 }) {
            guard let inside = try heart.representativePoint().coordinates.first,
                  try pocket.intersects(ws.ctx.point(frame.plane.lonLat(inside))) else { return nil }
        }
        // The zone's span in the plane, from its box's corners: within a few per cent of the
        // span of the zone itself (a plane reaches at most 250 km from its meridian), so 0.9 of
        // it is at most that.
        let corners = try [(zoneBox.minX, zoneBox.minY), (zoneBox.minX, zoneBox.maxY), (zoneBox.maxX, zoneBox.minY),
                           (zoneBox.maxX, zoneBox.maxY)].map { try frame.plane.metres(Coordinate($0.0, $0.1)) }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let span = 0.9 * max(xs.max()! - xs.min()!, ys.max()! - ys.min()!)
        // Only changes within the probes' reach of either period's zone can matter: the
        // previous pocket's watch holds its zone's box grown by the top of the bracket and more.
        let reach = ClosureCertificate.reach(certificate.bracket.hi) * 1.01 + 1
        let near = zoneBox.grown(metres: reach)
        var changes: [ClosureCertificate.Change] = []
        for i in changed {
            let a = ws.areas[i]
            let hostile = options.isHostile(a.controller), passable = options.isPassable(a.controller)
            guard hostile || passable, let b = a.geometry.bounds, b.intersects(near) || b.intersects(before.watch) else { continue }
            changes.append(ClosureCertificate.Change(cell: try frame.projected(i, a.geometry), shrinks: held[i] ? hostile : passable,
                                                     grows: held[i] ? passable : hostile))
        }
        guard try certificate.holds(after: changes, span: span) else { return nil }
        let (lo, hi) = certificate.bracket
        return ClosureSearch.Outcome(metres: ((lo + hi) / 2).rounded(), bracket: certificate.bracket, certificate: certificate)
    }

    /// Whether an area that comes shares ground with an area of another controller held with it.
    private func overlapsSuspected(_ added: [Int], held: [Bool]) throws -> Bool {
        for i in added {
            let a = ws.areas[i]
            guard let b = a.geometry.bounds else { continue }
            let prepared = try PreparedGeometry(a.geometry)
            for j in try ws.tree.query(b) where j != i && held[j] && ws.areas[j].controller != a.controller {
                guard try prepared.intersects(ws.areas[j].geometry) else { continue }
                if !(try a.geometry.intersection(ws.areas[j].geometry).polygons().isEmpty) { return true }
            }
        }
        return false
    }

    /// Whether the areas that come cover exactly the ground of those that go (a change of hands):
    /// the study area, and with it the way out, is then unchanged.
    private func sameGround(_ removed: [Int], _ added: [Int]) throws -> Bool {
        if removed.isEmpty && added.isEmpty { return true }
        if removed.isEmpty || added.isEmpty { return false }
        return try ws.dissolve(removed).equals(ws.dissolve(added))
    }
}

