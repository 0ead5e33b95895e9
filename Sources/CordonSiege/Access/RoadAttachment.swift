import CordonGeometry
import Foundation

/// Where a point (a district, a corridor's entry) meets the road nearest it: partway along an
/// edge, reached from either end the edge may be driven from.
struct RoadAttachment {
    var edge: Int
    /// Metres from the point to the road.
    var metres: Double
    /// Metres along the edge from its first end to where the point meets it.
    var along: Double
    let from: Int32, to: Int32
    let length: Double

    /// The nearest edge, ties by edge number, searching the grid's cells ring by ring outwards
    /// until every cell left is certainly farther than the nearest found. Measured in lon/lat
    /// as GEOS's nearest points are, without a GEOS point per place.
    static func nearest(_ p: Coordinate, index: EdgeGrid, network net: RoadNetwork) throws -> RoadAttachment {
        var best: (e: Int, d: Double, q: Coordinate)?
        var k = 0
        while index.ring(k, around: p, { e in
            let q = Polyline.locate(p, in: net.coordinates[e]).point
            // A point certainly farther than the best so far cannot be nearer: not measured.
            if let b = best, Self.certainlyFarther(p, q, than: b.d) { return }
            let d = Geodesic.stepDistance(p, q)
            if let b = best, d > b.d || (d == b.d && e >= b.e) { return }
            best = (e, d, q)
        }) {
            // Every edge left lies k + 1 cells away or more, in longitude or in latitude.
            if let b = best, Self.fartherThan(b.d, cells: k, of: index.cellSize, from: p) { break }
            k = k == 0 ? max(1, index.firstRing(around: p)) : k + 1  // rings off the grid hold nothing
        }
        guard let (e, d, q) = best else { throw GeometryError.unsupported("no road edge to meet") }
        let stretch = Polyline.split(net.coordinates[e], at: q).fromStart
        return RoadAttachment(edge: e, metres: d, along: Geodesic.stepsLength(stretch), from: net.edgeFrom[e],
                              to: net.edgeTo[e], length: net.lengths[e])
    }

    /// Whether every point `cells` whole cells away from the cell of `p` (in longitude, or in
    /// latitude) is certainly farther than `metres`: the lower bounds of ``certainlyFarther(_:_:than:)``.
    static func fartherThan(_ metres: Double, cells: Int, of size: (width: Double, height: Double), from p: Coordinate) -> Bool {
        let gap = Double(cells)
        return alongMeridian(gap * size.height) > metres
            && (alongParallel(gap * size.width, from: abs(p.y), within: metres) ?? 0) > metres
    }

    /// Whether the geodesic from `p` to `q` (lon/lat) is certainly longer than `metres`, by two
    /// lower bounds that need no geodesic (``alongMeridian(_:)``, ``alongParallel(_:from:within:)``).
    static func certainlyFarther(_ p: Coordinate, _ q: Coordinate, than metres: Double) -> Bool {
        if alongMeridian(abs(q.y - p.y)) > metres { return true }
        var dLon = abs(q.x - p.x)
        if dLon > 180 { dLon = 360 - dLon }
        return (alongParallel(dLon, from: max(abs(p.y), abs(q.y)), within: metres) ?? 0) > metres
    }

    private static let semiMajor = 6_378_137.0, meridional = 6_335_439.327_083_167  // WGS84: a, and a(1 − e²)
    private static let radian = Double.pi / 180

    /// Metres a path takes at least to cross `degrees` of latitude: every radian is at least
    /// a(1 − e²) metres; with a margin of 1e-6.
    private static func alongMeridian(_ degrees: Double) -> Double { meridional * (degrees * radian) * (1 - 1e-6) }

    /// Metres a path no longer than `metres` from latitude `lat` (degrees, unsigned) takes at least
    /// to cross `degrees` of longitude: every radian at least a·cos φ, φ the farthest latitude it
    /// can reach; with a margin of 1e-6. Nil when it may come near a pole.
    private static func alongParallel(_ degrees: Double, from lat: Double, within metres: Double) -> Double? {
        let reach = lat * radian + metres / meridional
        guard reach < Double.pi / 2 * 0.99 else { return nil }
        return semiMajor * cos(reach) * degrees * radian * (1 - 1e-6)
    }

    /// Starts at the ends of the edge from which the point can be driven to, at the cost of driving it.
    func starts(tag: Int32, in net: RoadNetwork, blocked: (Int) -> Bool) -> [ShortestPaths.Start] {
        if blocked(edge) { return [] }
        var out: [ShortestPaths.Start] = []
        if net.drivable(edge, from: from) {
            out.append(.init(node: from, first: 0, seconds: net.seconds(along: edge, metres: along), metres: along, tag: tag))
        }
        if net.drivable(edge, from: to) {
            out.append(.init(node: to, first: 0, seconds: net.seconds(along: edge, metres: length - along),
                             metres: length - along, tag: tag))
        }
        return out
    }

    /// The quickest way from the point to what `paths` ran from, driving to either end of its
    /// edge the way the edge allows.
    func reach(_ paths: ShortestPaths, in net: RoadNetwork, blocked: (Int) -> Bool) -> (seconds: Double, metres: Double, tag: Int)? {
        if blocked(edge) { return nil }
        var out: (seconds: Double, metres: Double, tag: Int)?
        // Towards `from` is driving the edge from its `to` end's side, and the other way round.
        for (node, m, way) in [(from, along, to), (to, length - along, from)] where paths.reached(Int(node)) && net.drivable(edge, from: way) {
            let s = paths.seconds[Int(node)] + net.seconds(along: edge, metres: m)
            if out == nil || s < out!.seconds { out = (s, paths.metres[Int(node)] + m, Int(paths.start[Int(node)])) }
        }
        return out
    }

    /// The least first cost (millimetres) of `paths` at an end of the edge the point may drive
    /// to, ignoring whether the edge itself is usable; nil when neither end is reached.
    func leastFirst(_ paths: ShortestPaths, in net: RoadNetwork) -> Int64? {
        [(from, to), (to, from)].filter { paths.reached(Int($0.0)) && net.drivable(edge, from: $0.1) }
            .map { paths.first[Int($0.0)] }.min()
    }

    /// Metres and seconds from this point to `target` on the same edge, when the edge may be driven that way.
    func along(to target: RoadAttachment, in net: RoadNetwork) -> (seconds: Double, metres: Double)? {
        guard target.edge == edge, net.drivable(edge, from: target.along >= along ? from : to) else { return nil }
        let metres = abs(target.along - along)
        return (net.seconds(along: edge, metres: metres), metres)
    }
}
