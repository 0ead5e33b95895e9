import CordonGeometry
import Foundation

/// One local plane (docs/design.md#metric-work-and-projections): a transverse Mercator centred
/// near the work done in it, and what has been projected into it, kept for reuse.
final class Frame {
    let plane: TransverseMercator
    /// Areas grown by a distance (snap: S/2), in metres; by area and distance.
    var grown: [GrownKey: Geometry] = [:]

    struct GrownKey: Hashable {
        let area: Int
        let distance: Double
    }

    /// Whole areas in this plane, by area (those a route's search for hostile ground reached).
    private var projectedAreas: [Int: Geometry] = [:]
    /// A point inside each area, in this plane, by area (where a closure search counts residents).
    private var insidePoints: [Int: Coordinate] = [:]

    init(_ plane: TransverseMercator) { self.plane = plane }

    /// Area `k` (lon/lat `area`) in this plane, projected once.
    func projected(_ k: Int, _ area: Geometry) throws -> Geometry {
        if let g = projectedAreas[k] { return g }
        let g = try metres(area)
        projectedAreas[k] = g
        return g
    }

    /// The point inside area `k` (`lonLat`, a lon/lat point) in this plane, projected once; nil
    /// for an empty area.
    func insidePoint(_ k: Int, _ lonLat: () throws -> Geometry) throws -> Coordinate? {
        if let c = insidePoints[k] { return c }
        guard let c = try lonLat().coordinates.first else { return nil }
        let m = try plane.metres(c)
        insidePoints[k] = m
        return m
    }

    /// Lon/lat to this plane. Edges longer than 0.005° (about 550 m) are first cut, so each
    /// projected edge stays within a centimetre of the straight lon/lat edge it stands for.
    func metres(_ g: Geometry) throws -> Geometry {
        try plane.metres(g.type.isPuntal ? g : g.densified(maxSegment: Self.longestEdge))
    }

    static let longestEdge = 0.005

    /// This plane to lon/lat. Edges longer than 500 m (GEOS's buffer drops vertices that bend
    /// its input by under 1 % of the distance) are first cut, so each comes back within a
    /// centimetre of the straight edge it was in the plane.
    func lonLat(_ g: Geometry) throws -> Geometry {
        try plane.lonLat(g.type.isPuntal ? g : g.densified(maxSegment: Self.longestPlaneEdge))
    }

    static let longestPlaneEdge = 500.0

    /// The geodesic distance between two geometries in this plane, measured on the ellipsoid
    /// between the two points where they come closest in the plane; nil when either is empty.
    /// The plane only picks the points, so its scale error does not reach the distance.
    func geodesicDistance(_ a: Geometry, _ b: Geometry) throws -> Double? {
        guard let (p, q) = try a.nearestPoints(to: b) else { return nil }
        if p == q { return 0 }
        return Geodesic.distance(try plane.lonLat(p), try plane.lonLat(q))
    }
}

/// The local planes of one worker. Planes sit on a lattice of half degrees, so work near the
/// same place shares a plane (and what is projected into it) and a plane never depends on
/// ground far away. A box is worked in the plane nearest its middle when it reaches at most
/// `reach` metres from that plane's central meridian; a wider box is cut into strips of
/// longitude, each in its own plane (the scale error stays below 0.08 %).
final class Frames {
    static let reach = 250_000.0
    static let step = 0.5
    let context = PROJContext()
    private var byCentre: [Coordinate: Frame] = [:]

    /// The plane centred exactly on `centre` (for fire tiles).
    func frame(centredOn centre: Coordinate) throws -> Frame {
        if let f = byCentre[centre] { return f }
        let f = Frame(try TransverseMercator(centre: centre, context: context))
        byCentre[centre] = f
        return f
    }

    /// The lattice plane nearest the middle of `b`.
    func frame(for b: Bounds) throws -> Frame {
        let c = b.center
        return try frame(centredOn: Coordinate((c.x / Self.step).rounded() * Self.step,
                                               (max(-89.5, min(89.5, c.y)) / Self.step).rounded() * Self.step))
    }

    /// Planes that cover `b` (lon/lat): each with its strip of longitude (all latitudes) and the
    /// strip's part of `b` grown by `margin` metres (its window). One plane, with `b` itself as
    /// strip, when `b` is narrow enough.
    func cover(_ b: Bounds, margin: Double) throws -> [(frame: Frame, strip: Bounds, window: Bounds)] {
        let whole = b.grown(metres: margin)
        let f = try frame(for: b)
        if Self.metresFromMeridian(whole, f.plane.centre.x) <= Self.reach { return [(f, b, whole)] }
        let perDegree = 111_320 * cos(b.equatorwardLatitude * .pi / 180)
        let count = Int(((b.maxX - b.minX) * perDegree / (1.6 * Self.reach)).rounded(.up).clamped(1, 1000))
        let width = (b.maxX - b.minX) / Double(count)
        return try (0..<count).map { k in
            let box = Bounds(minX: b.minX + Double(k) * width, minY: b.minY,
                             maxX: k == count - 1 ? b.maxX : b.minX + Double(k + 1) * width, maxY: b.maxY)
            // Strips cut across longitudes only: a cut along the box's own top or bottom would
            // replace edges lying there with the box's.
            let strip = Bounds(minX: box.minX, minY: -90, maxX: box.maxX, maxY: 90)
            return (try frame(for: box), strip, box.grown(metres: margin))
        }
    }

    /// How far east or west of `meridian` the box reaches, in metres at its widest latitude.
    static func metresFromMeridian(_ b: Bounds, _ meridian: Double) -> Double {
        max(abs(b.minX - meridian), abs(b.maxX - meridian)) * 111_320 * cos(b.equatorwardLatitude * .pi / 180)
    }
}

private extension Double {
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}

extension Bounds {
    /// The latitude of the box nearest the equator, where a degree of longitude is longest.
    var equatorwardLatitude: Double { minY <= 0 && maxY >= 0 ? 0 : min(abs(minY), abs(maxY)) }

    /// The lon/lat box grown by at least `metres` on every side: latitude by the shortest
    /// degree (110,574 m at the equator), longitude by the degree at the poleward edge of the
    /// grown box. Near a pole the longitudes cover the whole circle.
    func grown(metres: Double) -> Bounds {
        guard metres > 0 else { return self }
        let dLat = metres / 110_574 * 1.001 + 1e-9
        let poleward = min(max(abs(minY), abs(maxY)) + dLat, 89.999)
        let dLon = min(metres / (111_319 * cos(poleward * .pi / 180)) * 1.005 + 1e-9, 360)
        return Bounds(minX: minX - dLon, minY: max(minY - dLat, -90), maxX: maxX + dLon, maxY: min(maxY + dLat, 90))
    }
}
