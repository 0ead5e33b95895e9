import CordonCore
import CordonGeometry

/// How far hostile ground must advance to encircle or overrun an open pocket: the smallest d
/// such that, with hostile areas buffered by d, the pocket is gone or its remaining zone no
/// longer comes within t of the way out. Found by doubling, then bisection to within 1 % or
/// 25 m of a distance that closes where a shorter one did not (closing need not grow with d
/// when the heart passes from one piece to another: docs/design.md#closure).
///
/// A search is set up from the workspace (`prepare`), then runs on geometry alone, so it can
/// be moved to a context of its own and run beside the rest of the pocket's measures.
final class ClosureSearch {
    let ctx: GEOSContext
    /// Metres, in the local plane of the zone.
    let pocket: Geometry, zone: Geometry, wayOut: Geometry
    /// Hostile ground that can reach the zone, dissolved; empty when there is none.
    let ground: Geometry
    /// Where the pocket's residents live: a point inside each populated area (metres), with its people.
    let residents: [(point: Coordinate, people: Double)]
    let tolerance: Double
    let span: Double
    /// Whether the zone is the pocket's own ground (no allied ground joins it): one overlay
    /// then serves both steps of the test.
    let zoneIsPocket: Bool
    /// The plane the search works in (a certificate's distances are measured there).
    let frame: Frame
    /// What the exact probes showed, by distance: whether the pocket stayed open, its heart
    /// (nil when overrun), the parts of the zone that touch it (the one that reaches the way
    /// out, when open) and the pocket's pieces.
    private var evidence: [Double: Evidence] = [:]
    /// The residents' points as geometries in this context, made once for every probe.
    private var residentGeometries: [Geometry]?

    private func residentPoints() throws -> [Geometry] {
        if let made = residentGeometries { return made }
        let made = try residents.map { try ctx.point($0.point) }
        residentGeometries = made
        return made
    }
    private typealias Evidence = (open: Bool, heart: Geometry?, parts: [Geometry], pieces: [Geometry])

    private init(ctx: GEOSContext, frame: Frame, pocket: Geometry, zone: Geometry, wayOut: Geometry, ground: Geometry,
                 residents: [(point: Coordinate, people: Double)], tolerance: Double, span: Double, zoneIsPocket: Bool) {
        self.ctx = ctx
        self.frame = frame
        self.pocket = pocket
        self.zone = zone
        self.wayOut = wayOut
        self.ground = ground
        self.residents = residents
        self.tolerance = tolerance
        self.span = span
        self.zoneIsPocket = zoneIsPocket
    }

    /// Sets a search up on the workspace's context, in the local plane of the zone: the pocket,
    /// zone, way out and `hostile` ground (the date's, dissolved) are lon/lat and projected there.
    /// `members`, when known, are the areas the pocket is the union of.
    static func prepare(_ ws: Workspace, options: EnclosureOptions, pocket: Geometry, zone: Geometry,
                        wayOut: Geometry, hostile: HostileGround, members: [Int]? = nil, on day: Day?) throws -> ClosureSearch? {
        guard let zoneBox = zone.bounds else { return nil }
        // Hostile ground farther than `span` from the zone cannot matter before the zone is gone;
        // the way out counts only within t (and the simplification's allowance) of the zone.
        let reach = Geodesic.distance(Coordinate(zoneBox.minX, zoneBox.minY), Coordinate(zoneBox.maxX, zoneBox.maxY))
        let nearLonLat = try hostile.near(zoneBox.grown(metres: reach * 1.01))
        if nearLonLat.isEmpty { return nil }  // nothing can close it
        let frame = try ws.frames.frame(for: zoneBox)
        let zoneM = try frame.metres(zone)
        guard let zb = zoneM.bounds else { return nil }
        let span = max(zb.maxX - zb.minX, zb.maxY - zb.minY)
        let window = zb.expanded(by: span)
        let ground = try frame.metres(nearLonLat).cut(to: window)
        let exits = try frame.metres(wayOut.cut(to: zoneBox.grown(metres: options.tolerance + 0.01 * span + 10)))
        // Without allies the zone is the pocket's own ground: projected once.
        let zoneIsPocket = try pocket === zone || pocket.equalsExact(zone)
        return ClosureSearch(ctx: ws.ctx, frame: frame, pocket: zoneIsPocket ? zoneM : try frame.metres(pocket), zone: zoneM, wayOut: exits, ground: ground,
                             residents: try residents(ws, of: pocket, members: members, in: frame, on: day),
                             tolerance: options.tolerance, span: span, zoneIsPocket: zoneIsPocket)
    }

    /// The same search with every geometry cloned into a new context, for another thread.
    func detached() throws -> ClosureSearch {
        let other = try GEOSContext()
        return ClosureSearch(ctx: other, frame: frame, pocket: try pocket.copy(into: other), zone: try zone.copy(into: other),
                             wayOut: try wayOut.copy(into: other), ground: try ground.copy(into: other),
                             residents: residents,
                             tolerance: tolerance, span: span, zoneIsPocket: zoneIsPocket)
    }

    /// A point inside each populated area (or population-layer area) that lies in the pocket, in
    /// the plane of `frame`. A pocket that is the union of `members` holds exactly their points
    /// (the map's areas do not overlap), in the same order: no point need be tested, and each
    /// area's point is projected once per plane.
    private static func residents(_ ws: Workspace, of pocket: Geometry, members: [Int]?, in frame: Frame,
                                  on day: Day?) throws -> [(point: Coordinate, people: Double)] {
        if ws.layers.population == nil, let members {
            return try members.sorted().filter { ws.areas[$0].population > 0 }.compactMap { i in
                try frame.insidePoint(i) { try ws.pointInside(i) }.map { ($0, ws.areas[i].population) }
            }
        }
        guard let b = pocket.bounds else { return [] }
        let held = try PreparedGeometry(pocket)
        let inside: [(point: Geometry, people: Double)]
        if let population = ws.layers.population {
            inside = try population.filter { $0.population > 0 }.map { (try $0.geometry.representativePoint(), $0.population) }
        } else {
            inside = try ws.areas(near: b, on: day).filter { ws.areas[$0].population > 0 }
                .map { (try ws.pointInside($0), ws.areas[$0].population) }
        }
        return try inside.filter { try held.intersects($0.point) }.compactMap { p in
            try p.point.coordinates.first.map { (try frame.plane.metres($0), p.people) }
        }
    }

    /// The piece that stands for a cut pocket: where most residents live, then the largest.
    /// Slivers under 0.1 % of the largest piece's area are not candidates.
    private func heart(of pieces: [Geometry]) throws -> Geometry? {
        if pieces.count <= 1 { return pieces.first }
        let areas = try pieces.map { try $0.planarArea() }
        let largest = areas.max() ?? 0
        let candidates = pieces.indices.filter { areas[$0] >= largest * 0.001 }
        if candidates.count == 1 { return pieces[candidates[0]] }
        let ranked = try candidates.map { k in
            let piece = try PreparedGeometry(pieces[k])
            let people = try zip(residentPoints(), residents).reduce(0.0) { try piece.intersects($1.0) ? $0 + $1.1.people : $0 }
            return (k, people, areas[k])
        }
        return ranked.max { ($0.1, $0.2) < ($1.1, $1.2) }.map { pieces[$0.0] }
    }

    /// What a search found: metres (nil when no hostile ground near the zone could close it),
    /// and the last bracket [lo, hi] it bisected to, for the next period's search to start from.
    struct Outcome {
        var metres: Double?
        var bracket: (lo: Double, hi: Double)?
        /// Distances tested (each one growth of hostile ground and two overlays).
        var probes = 0
        /// Whether the hint's bracket held, so the search took two probes.
        var hintHeld = false
        /// Whether the search from scratch took the probes clear of the field's guess from it,
        /// and exact geometry bore out what the answer rests on.
        var fieldHeld = false
        /// What the exact probes at the bracket's ends showed, for a later period.
        var certificate: ClosureCertificate?
    }

    /// How far past the zone's box a probe keeps hostile ground, beyond the farthest distance
    /// `upTo` still to be grown: simplifying moves vertices by 0.25 % of d at each probe of a
    /// growth (a handful), so 2 % of the distance and 20 m keep the cut edges out of reach.
    static func margin(upTo: Double) -> Double { 20 + 0.02 * upTo }

    /// The search, first trying the bracket a previous period's search ended with: when the
    /// pocket does not close at its low end and does at its high end, the crossing lies inside
    /// it, where the bisection from scratch would end too, and the answer is the same, found in
    /// two probes. Otherwise the search runs from scratch (docs/design.md#closure). When the
    /// bracket held, the outcome carries a certificate of what its two probes showed, with
    /// which a later period may skip them (`ClosureCertificate`).
    ///
    /// Within one run, a probe whose answer follows from earlier ones (no d up to `open`
    /// closes, every d from `shut` on does) is not run.
    /// - Parameters:
    ///   - guided: Whether a search from scratch may take answers from a clearance field.
    ///   - given: The field to take them from instead of this pocket's own (tests give a wrong one).
    func search(hint: (lo: Double, hi: Double)?, guided: Bool = true, field given: ClearanceField? = nil) throws -> Outcome {
        var outcome = try searchRun(hint: hint, guided: guided, field: given)
        // Only a bracket its two probes just bore out is certified: the next period's probes
        // would grow hostile ground along the same chains (from nothing to the foot, from there
        // to the top).
        if outcome.hintHeld, let bracket = outcome.bracket { outcome.certificate = try certificate(bracket) }
        evidence = [:]
        return outcome
    }

    private func searchRun(hint: (lo: Double, hi: Double)?, guided: Bool, field given: ClearanceField?) throws -> Outcome {
        if ground.isEmpty { return Outcome() }
        guard let zoneBox = zone.bounds else { return Outcome() }
        var probes = 0
        var open = 0.0, shut = Double.infinity
        // The hostile ground grown by the largest d known not to close, reused as the start of the next growth: growing by a then by b is growing by
        // a + b, and the grown shape is smoother, so each step buffers less. `exact` is how far
        // past the zone's box the grown shape is the whole ground's growth (docs/design.md#closure,
        // the window).
        var grown = (d: 0.0, shape: ground, exact: Double.infinity)
        // One growth from `from` to `d`, exact `keep` past the zone's box: only ground within d
        // of the box can reach it, so grown by d the cut edges stay outside the box. Moving
        // vertices by 0.25 % of d moves the answer by less than the 1 % asked; the way out is
        // then reached within t plus that much, so simplifying never closes it. The zone is not
        // simplified: that costs about what it saves on the overlay.
        // A long growth is taken in two steps, an eighth then the rest: grown a little, the
        // shape loses the nooks whose offsets would cross each other many times over, and the
        // rest grows a smooth shape (on the 20,000-cell benchmark map, a 22 km growth in about
        // half the time).
        func grow(_ from: (d: Double, shape: Geometry), to d: Double, keep: Double) throws -> Geometry {
            let near = try from.shape.cut(to: zoneBox.expanded(by: keep - from.d))
            let coarse = d * 0.0025 > 5 ? d * 0.0025 : 0
            let start = try coarse > 0 ? near.simplify(tolerance: coarse) : near
            let length = d - from.d
            if length > 2000, length > 4 * from.d {
                return try start.buffer(length / 8, quadrantSegments: 8).buffer(length - length / 8, quadrantSegments: 8)
            }
            return try start.buffer(length, quadrantSegments: 8)
        }
        // `upTo`: the largest distance a later probe may grow on from this one's growth; `firm`
        // when no later probe of this search goes past it (a bracket's top).
        func closes(_ d: Double, upTo: Double, firm: Bool) throws -> Bool {
            if d <= open { return false }
            if d >= shut { return true }
            probes += 1
            // A window within a bracket's top, or much smaller than the zone's span, pays for
            // itself; a larger one is the whole ground (cut to `span` already), kept exact up to
            // 2 × span so that every later doubling can grow on from this one instead of from H.
            let far = firm || 4 * upTo < span ? upTo : 2 * span
            let keep = far + Self.margin(upTo: far)
            let from = grown.d > 0 && grown.d < d && grown.exact >= keep - grown.d ? (grown.d, grown.shape) : (0.0, ground)
            let reach = try grow(from, to: d, keep: keep)
            if try stays(reach, coarse: d * 0.0025 > 5 ? d * 0.0025 : 0, at: d) {
                open = d
                grown = (d, reach, keep - d)
                return false
            }
            shut = d
            return true
        }

        // Only a bracket as narrow as the bisection ends with is trusted: its midpoint is then
        // within the precision promised; a wider one would answer coarser than a search from scratch.
        if let hint, hint.hi <= 2 * span, hint.hi - hint.lo <= max(0.015 * hint.lo, 40) {
            if try (hint.lo == 0 || !closes(hint.lo, upTo: hint.hi, firm: true)), try closes(hint.hi, upTo: hint.hi, firm: true) {
                return Outcome(metres: ((hint.lo + hint.hi) / 2).rounded(), bracket: hint, probes: probes, hintHeld: true)
            }
            // From scratch, forgetting what the hint's probes showed: closing need not grow
            // with d when the heart changes from one piece to another, and stepping out from
            // the hint then found another crossing than the search from scratch. What was
            // grown stays a growth of the ground, reused where it is exact.
            open = 0
            shut = .infinity
        }
        // From scratch, the field answering the probes that lie well clear of its guess; the
        // exact geometry then checks what the answer rests on, and when it disagrees the search
        // runs again on exact geometry alone (docs/design.md#closure, the field).
        if guided, let field = try given ?? (span >= ClearanceField.minimumSpan ? ClearanceField(self) : nil) {
            var guessed: Set<Double> = []
            let outcome = try bisect { d, upTo, firm in
                if d > open, d < shut, let answer = field.closes(d) {
                    guessed.insert(d)
                    return answer
                }
                return try closes(d, upTo: upTo, firm: firm)
            }
            func holds(_ d: Double, closing: Bool, upTo: Double) throws -> Bool {
                try !guessed.contains(d) || closes(d, upTo: upTo, firm: true) == closing
            }
            let (lo, hi) = outcome.bracket ?? (outcome.lastOpen, outcome.lastOpen)
            if try (lo == 0 || holds(lo, closing: false, upTo: max(hi, lo))),
               try outcome.bracket == nil || holds(hi, closing: true, upTo: hi) {
                return Outcome(metres: outcome.metres, bracket: outcome.bracket, probes: probes, fieldHeld: true)
            }
            open = 0
            shut = .infinity
        }
        let outcome = try bisect(closes)
        return Outcome(metres: outcome.metres, bracket: outcome.bracket, probes: probes)
    }

    /// What the exact probes at the ends of `bracket` showed, for a later period to skip them
    /// (`ClosureCertificate`); nil when either end was not probed or came out otherwise.
    private func certificate(_ bracket: (lo: Double, hi: Double)) throws -> ClosureCertificate? {
        guard let top = evidence[bracket.hi], !top.open else { return nil }
        func end(_ e: Evidence) throws -> ClosureCertificate.End? {
            guard let heart = e.heart else {
                return ClosureCertificate.End(heart: nil, heartArea: 0, heartPeople: 0, othersArea: 0, othersPeople: 0,
                                              region: pocket)
            }
            if e.parts.isEmpty { return nil }
            // The residents and area of the heart, and of all the other pieces together.
            let inHeart = try PreparedGeometry(heart)
            let others = e.pieces.filter { $0 !== heart }  // the heart is one of the pieces
            let inOthers = try others.map { (box: $0.bounds, piece: try PreparedGeometry($0)) }
            var people = (heart: 0.0, others: 0.0)
            for (point, r) in zip(try residentPoints(), residents) {
                if try inHeart.intersects(point) {
                    people.heart += r.people
                } else if try inOthers.contains(where: { o in
                    guard let b = o.box, b.minX <= r.point.x, r.point.x <= b.maxX, b.minY <= r.point.y, r.point.y <= b.maxY else { return false }
                    return try o.piece.intersects(point)
                }) {
                    people.others += r.people
                }
            }
            let othersArea = try others.reduce(0.0) { $0 + (try $1.planarArea()) }
            let region = e.parts.count == 1 ? e.parts[0] : try ctx.collection(.multiPolygon, e.parts)
            let made = ClosureCertificate.End(heart: heart, heartArea: try heart.planarArea(), heartPeople: people.heart,
                                              othersArea: othersArea, othersPeople: people.others, region: region)
            // A heart that does not stand now never will: no certificate to keep.
            return made.heartStands ? made : nil
        }
        var low: ClosureCertificate.End?
        if bracket.lo > 0 {
            guard let probe = evidence[bracket.lo], probe.open, let foot = try end(probe) else { return nil }
            low = foot
        }
        guard let high = try end(top) else { return nil }
        return ClosureCertificate(frame: frame, bracket: bracket, low: low, high: high, pocket: pocket)
    }

    /// Brackets by doubling from 50 m, then bisects, asking `closes(d, upTo)`; `lastOpen` is
    /// the largest distance that did not close (for an answer of nil, the last doubling's).
    private func bisect(_ closes: (_ d: Double, _ upTo: Double, _ firm: Bool) throws -> Bool)
        throws -> (metres: Double?, bracket: (lo: Double, hi: Double)?, lastOpen: Double) {
        var lo = 0.0, hi = 50.0
        while try !closes(hi, 2 * hi, false) {
            lo = hi
            hi *= 2
            if hi > 2 * span { return (nil, nil, lo) }
        }
        while hi - lo > max(0.015 * lo, 40) {  // the midpoint is then within 1 % or 25 m
            let mid = (lo + hi) / 2
            if try closes(mid, hi, true) { hi = mid } else { lo = mid }
        }
        return (((lo + hi) / 2).rounded(), (lo, hi), lo)
    }

    /// Whether the pocket stays open with hostile ground grown to `reach` (steps 3 to 5 of the
    /// test): its heart keeps a part of the zone that comes within t of the way out.
    /// When the zone is the pocket's own ground, the zone's pieces are the pocket's.
    private func stays(_ reach: Geometry, coarse: Double, at d: Double) throws -> Bool {
        let parts = try zone.difference(reach).polygons()
        let pieces = zoneIsPocket ? parts : try pocket.difference(reach).polygons()
        guard let core = try heart(of: pieces) else {
            evidence[d] = (false, nil, [], [])
            return false  // overrun
        }
        let held = try PreparedGeometry(core)
        var touching: [Geometry] = []
        for part in parts where try held.intersects(part) {
            if try part.dwithin(wayOut, distance: tolerance + coarse) {
                evidence[d] = (true, core, [part], pieces)
                return true
            }
            touching.append(part)
        }
        evidence[d] = (false, core, touching, pieces)
        return false
    }
}
