import CordonCore
import CordonGeometry

/// A road path from a pocket or place to where it leads.
public struct RoadPath {
    /// Lon/lat LineString, from the pocket towards the way out.
    public var geometry: Geometry
    /// Geodesic length in metres.
    public var metres: Double
    /// Metres within fire range of hostile ground (outside it).
    public var exposedMetres: Double
    /// Metres inside hostile ground: what a reopening must take (0 on a safe path).
    public var hostileMetres: Double
    /// Driving time in seconds.
    public var seconds: Double
    /// The controller of the ground at its end; nil where the map says nothing.
    public var endsIn: String?
}

/// Where a road meets the way out: partway along an edge, reached from one of its ends.
struct Exit: Equatable {
    var edge: Int
    /// The end of the edge the stretch starts from.
    var node: Int32
    var point: Coordinate
    /// The stretch from `node` to `point`, lon/lat coordinates.
    var stretch: [Coordinate]
    var metres: Double
    var seconds: Double
    var exposed: Double
    var hostile: Double
}

/// Polyline helpers on coordinate arrays.
enum Polyline {
    /// The segment nearest `p` and the point on it.
    static func locate(_ p: Coordinate, in c: [Coordinate]) -> (segment: Int, point: Coordinate) {
        var best = (segment: 0, point: c[0], d: Double.infinity)
        for i in 0..<(c.count - 1) {
            let a = c[i], b = c[i + 1]
            let dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy
            let t = len2 > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0
            let q = Coordinate(a.x + t * dx, a.y + t * dy)
            let d = (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)
            if d < best.d { best = (i, q, d) }
        }
        return (best.segment, best.point)
    }

    /// The squared planar distance (degrees²) from `p` to the nearest point of `c`.
    static func distanceSquared(_ p: Coordinate, to c: [Coordinate]) -> Double {
        let q = locate(p, in: c).point
        return (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)
    }

    /// The stretches from the first and from the last vertex to `p`, each starting at its end.
    static func split(_ c: [Coordinate], at p: Coordinate) -> (fromStart: [Coordinate], fromEnd: [Coordinate]) {
        let (s, q) = locate(p, in: c)
        return (Array(c[0...s]) + [q], Array(c[(s + 1)...].reversed()) + [q])
    }

    /// Joins lines end to start, dropping the repeated joint.
    static func join(_ parts: [[Coordinate]]) -> [Coordinate] {
        var out: [Coordinate] = []
        for p in parts {
            if let last = out.last, let first = p.first, last.x == first.x, last.y == first.y {
                out += p.dropFirst()
            } else {
                out += p
            }
        }
        return out
    }
}
