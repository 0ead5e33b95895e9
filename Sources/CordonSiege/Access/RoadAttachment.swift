import CordonGeometry

/// Where a point (a district, a corridor's entry) meets the road nearest it: partway along an
/// edge, reached from either end.
struct RoadAttachment {
    var edge: Int
    /// Metres from the point to the road.
    var metres: Double
    /// Metres along the edge from its first end to where the point meets it.
    var along: Double
    let from: Int32, to: Int32
    let length: Double, seconds: Double

    /// The nearest edge, searching ever wider boxes; ties by edge number.
    static func nearest(_ point: Geometry, edges: [Geometry], tree: STRtree, network net: RoadNetwork) throws -> RoadAttachment {
        let p = point.coordinates[0]
        var radius = 200.0
        var best: (e: Int, d: Double, q: Coordinate)?
        while best == nil || best!.d > radius {
            let b = point.bounds!.grown(metres: radius)
            for e in try tree.query(b).sorted() {
                guard let (q, _) = try edges[e].nearestPoints(to: point) else { continue }
                let d = Geodesic.distance(p, q)
                if best == nil || d < best!.d { best = (e, d, q) }
            }
            if radius > 40_000_000 { break }
            radius *= 4
        }
        let (e, d, q) = best!
        let stretch = Polyline.split(edges[e].coordinates, at: q).fromStart
        return RoadAttachment(edge: e, metres: d, along: Geodesic.polylineLength(stretch), from: net.edgeFrom[e],
                              to: net.edgeTo[e], length: net.lengths[e], seconds: net.seconds[e])
    }

    private func share(_ metres: Double) -> Double { length > 0 ? seconds * metres / length : 0 }

    /// Starts at both ends of the edge, at the cost of driving from the point to each.
    func starts(tag: Int32, blocked: (Int) -> Bool) -> [ShortestPaths.Start] {
        if blocked(edge) { return [] }
        return [.init(node: from, first: 0, seconds: share(along), metres: along, tag: tag),
                .init(node: to, first: 0, seconds: share(length - along), metres: length - along, tag: tag)]
    }

    /// The quickest way from the point to what `paths` ran from, through either end of its edge.
    func reach(_ paths: ShortestPaths, blocked: (Int) -> Bool) -> (seconds: Double, metres: Double, tag: Int)? {
        if blocked(edge) { return nil }
        var out: (seconds: Double, metres: Double, tag: Int)?
        for (node, m) in [(from, along), (to, length - along)] where paths.reached(Int(node)) {
            let s = paths.seconds[Int(node)] + share(m)
            if out == nil || s < out!.seconds { out = (s, paths.metres[Int(node)] + m, Int(paths.start[Int(node)])) }
        }
        return out
    }
}
