import CordonCore
import CordonGeometry

/// What the exact probes at the two ends of a closure search's bracket showed, kept so that a
/// later period can tell from the areas that changed hands alone that both probes would come
/// out as they did: the bracket then stands, and so does its midpoint
/// (docs/design.md#closure, on a timeline).
///
/// Every rule holds only while no hostile ground goes and no passable ground comes within the
/// top's reach of the pocket the probes saw: the pocket then only loses ground, and what
/// hostile ground covered of it stays covered, so its pieces at either end are the pieces they
/// were, or parts of them, and hold no other residents.
/// - Open at the foot `lo`: the part K of the zone (less hostile ground grown by `lo`) that
///   holds the heart and comes within t of the way out. Hostile ground that comes, or passable
///   ground that goes, farther than `lo` and the margin from K leaves K and the heart whole, so
///   the heart still stands for the pocket (it outweighs all other pieces together) and K still
///   reaches the way out.
/// - Closed at the top `hi`: overrun (no piece left) stays overrun. Otherwise the parts C of
///   the zone that touched the heart stay cut off while nothing changes within `hi` and the
///   margin of C, and the heart stands as at the foot.
///
/// A certificate is kept only when each heart stands when it is made (`End.heartStands`):
/// nothing that lets it hold can make a heart stand that did not.
struct ClosureCertificate {
    /// What one exact probe showed, in the search's plane.
    struct End {
        /// The heart (the piece of the pocket that stood for it); nil when overrun.
        let heart: Geometry?
        /// The heart's planar area (m²) and residents, and those of all other pieces together.
        let heartArea: Double, heartPeople: Double
        let othersArea: Double, othersPeople: Double
        /// Open: the part of the zone holding the heart that comes within t of the way out.
        /// Closed: the parts of the zone that touch the heart, or the pocket when overrun.
        let region: Geometry

        func copy(into ctx: GEOSContext) throws -> End {
            End(heart: try heart?.copy(into: ctx), heartArea: heartArea, heartPeople: heartPeople,
                othersArea: othersArea, othersPeople: othersPeople, region: try region.copy(into: ctx))
        }

        /// Whether the heart still stands for the pocket when every other piece is part of
        /// the other pieces it had: it has more residents than all of them together (or they
        /// have none and it is larger), and it is no sliver beside them (the heart rule passes
        /// over pieces under 0.1 % of the largest).
        var heartStands: Bool {
            guard heartArea >= 0.001 * othersArea * (1 + 1e-9) else { return false }
            return heartPeople > othersPeople + 1e-9 * (heartPeople + othersPeople)
                || (othersPeople == 0 && heartArea > othersArea * (1 + 1e-9))
        }
    }

    /// An area that changed hands, in the certificate's plane, and what it did to the ground.
    struct Change {
        let cell: Geometry
        /// Hostile ground came, or passable ground went: the zone's free ground can only shrink.
        let shrinks: Bool
        /// Hostile ground went, or passable ground came: the zone's free ground can only grow.
        let grows: Bool
    }

    /// The plane of the search (the next search's, when its zone's box is near enough).
    let frame: Frame
    let bracket: (lo: Double, hi: Double)
    /// The probe at the bracket's foot (nil when the foot is 0: nothing to probe) and at its top.
    let low: End?, high: End
    /// The pocket the probes saw (the pocket now is part of it while the certificate holds).
    let pocket: Geometry

    func copy(into ctx: GEOSContext) throws -> ClosureCertificate {
        ClosureCertificate(frame: frame, bracket: bracket, low: try low?.copy(into: ctx), high: try high.copy(into: ctx),
                           pocket: try pocket.copy(into: ctx))
    }

    /// How far past a growth of `d` a change must lie to leave what the probe at `d` saw: the
    /// grown ground overshoots the exact growth by the simplification (0.25 % of d), GEOS's
    /// thinning of its input (1 %) and the arcs' chords, all within the window's margin.
    static func reach(_ d: Double) -> Double { d + ClosureSearch.margin(upTo: d) }

    /// Whether the next period's `changes` leave both ends of the bracket as they were: the
    /// certificate then holds for that period too.
    /// - Parameter span: At most the longer side of the pocket's zone's box now, in this plane:
    ///   the search keeps hostile ground only within `span` of the zone's box.
    func holds(after changes: [Change], span: Double) throws -> Bool {
        // Ground the probes grow must not be cut off by the search's window.
        guard Self.reach(bracket.hi) <= span,
              try !changes.contains(where: \.grows, within: Self.reach(bracket.hi), of: pocket) else { return false }
        if let low {
            guard try !changes.contains(where: \.shrinks, within: Self.reach(bracket.lo), of: low.region) else { return false }
        }
        if high.heart != nil {
            return try !changes.contains(where: { _ in true }, within: Self.reach(bracket.hi), of: high.region)
        }
        return true
    }
}

extension Array where Element == ClosureCertificate.Change {
    /// Whether a change of the kind asked lies within `metres` of `region`.
    fileprivate func contains(where kind: (Element) -> Bool, within metres: Double, of region: Geometry) throws -> Bool {
        guard let box = region.bounds?.expanded(by: metres) else { return false }
        var prepared: PreparedGeometry?
        for c in self where kind(c) {
            guard let b = c.cell.bounds, b.intersects(box) else { continue }
            if prepared == nil { prepared = try PreparedGeometry(region) }
            if try prepared!.dwithin(c.cell, distance: metres) { return true }
        }
        return false
    }
}
