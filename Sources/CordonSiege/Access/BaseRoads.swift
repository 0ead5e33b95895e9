import CordonGeometry

/// A base that no road comes within `AccessOptions.basesMaxToRoad` of: it is no way out by road.
public struct BaseOffRoad: Equatable, Sendable {
    /// The base's index in the bases given (its feature number in the file).
    public var base: Int
    /// Metres from the base to the nearest road, when one lies within the search (300 km).
    public var nearestMetres: Double?
}

extension AccessAnalysis {
    /// Where roads meet the bases, found once (bases do not change with the date): every edge
    /// that meets a base or comes within t of it, as for the study area's edge; a base that no
    /// edge comes that near is joined to its nearest edge, at the nearest point, when that lies
    /// within `basesMaxToRoad` (the walk or drive from the base to that point is not counted, as for
    /// a place's `to_road_m`). Ties by edge number.
    static func baseRoads(_ bases: [Geometry], edge: (Int) throws -> Geometry, index: EdgeGrid, options: AccessOptions) throws
        -> (meets: [Int: [Coordinate]], offRoad: [BaseOffRoad]) {
        let t = options.tolerance
        var meets: [Int: [Coordinate]] = [:], offRoad: [BaseOffRoad] = []
        func coordinates(_ g: Geometry) -> [Coordinate] { g.type.isCollection ? g.parts.flatMap(coordinates) : g.coordinates }
        for (i, base) in bases.enumerated() {
            guard let b = base.bounds else { offRoad.append(BaseOffRoad(base: i)); continue }
            let prepared = try PreparedGeometry(base)
            var met = false
            var nearest: (e: Int, metres: Double, at: Coordinate)?
            // Widening boxes, as a place finds its road: most bases lie on or beside one.
            var radius = min(max(options.basesMaxToRoad, t), 200)
            while true {
                for e in index.query(b.grown(metres: radius)) {
                    let line = try edge(e)
                    if try prepared.intersects(line) {
                        meets[e, default: []] += coordinates(try line.intersection(base))
                        met = true
                    } else if let (a, p) = try line.nearestPoints(to: base) {
                        let d = Geodesic.distance(a, p)
                        if d <= t {
                            meets[e, default: []].append(a)
                            met = true
                        } else if nearest == nil || d < nearest!.metres || (d == nearest!.metres && e < nearest!.e) {
                            nearest = (e, d, a)
                        }
                    }
                }
                if met || (nearest.map { $0.metres <= radius } ?? false) || radius >= AccessOptions.maxToRoadAllowed.upperBound { break }
                radius = min(radius * 4, AccessOptions.maxToRoadAllowed.upperBound)
            }
            if met { continue }
            if let n = nearest, n.metres <= options.basesMaxToRoad {
                meets[n.e, default: []].append(n.at)
            } else {
                offRoad.append(BaseOffRoad(base: i, nearestMetres: nearest?.metres))
            }
        }
        return (meets, offRoad)
    }
}
