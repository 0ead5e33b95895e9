import CGEOS
import CPROJ
import Foundation

/// Geodesic measures on the WGS84 ellipsoid (PROJ's geodesic.h, Karney's algorithms),
/// for lon/lat geometries. Never planar degrees.
public enum Geodesic {
    /// WGS84: a = 6378137 m, f = 1/298.257223563.
    static let wgs84: geod_geodesic = {
        var g = geod_geodesic()
        geod_init(&g, 6_378_137, 1 / 298.257223563)
        return g
    }()

    /// Distance in metres between two lon/lat points, by PROJ's `geod_inverse` (Karney's algorithm).
    public static func distance(_ a: Coordinate, _ b: Coordinate) -> Double { karney(a, b) }

    /// Distance in metres between two lon/lat points, for the many short steps of a road network.
    ///
    /// Points within 0.01° of each other in both directions (about a kilometre), below 85°
    /// of latitude, are measured in the ellipsoid's tangent plane at their mean latitude, with
    /// its meridional and prime-vertical radii: within 1e-8 of Karney's geodesic, relative
    /// (`GeodesicTests` checks this against PROJ), at a tenth of its cost. Others are measured
    /// as ``distance(_:_:)`` measures them. (Only road access uses it: elsewhere a difference
    /// in the ninth digit could turn a tie at a threshold.)
    public static func stepDistance(_ a: Coordinate, _ b: Coordinate) -> Double {
        let dLat = b.y - a.y, dLon = b.x - a.x
        if abs(dLat) <= 0.01, abs(dLon) <= 0.01, abs(a.y) <= 85 {
            let phi = (a.y + b.y) * 0.5 * radian, s = sin(phi)
            let w2 = 1 - e2 * s * s
            let primeVertical = semiMajor / w2.squareRoot(), meridional = primeVertical * (1 - e2) / w2
            let north = dLat * radian * meridional, east = dLon * radian * primeVertical * cos(phi)
            return (north * north + east * east).squareRoot()
        }
        return karney(a, b)
    }

    /// Length in m along lon/lat points, each step measured by ``stepDistance(_:_:)``.
    public static func stepsLength(_ coords: [Coordinate]) -> Double {
        guard coords.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<coords.count { total += stepDistance(coords[i - 1], coords[i]) }
        return total
    }

    private static let semiMajor = 6_378_137.0, e2 = (2 - 1 / 298.257223563) / 298.257223563
    private static let radian = Double.pi / 180

    private static func karney(_ a: Coordinate, _ b: Coordinate) -> Double {
        var g = wgs84
        var s12 = 0.0
        geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nil, nil)
        return s12
    }

    /// Signed area (m², counter-clockwise positive) and perimeter (m) of one ring.
    /// The closing vertex may be repeated or not.
    ///
    /// - Parameter coords: The ring's lon/lat points, in degrees.
    public static func ring(_ coords: [Coordinate]) -> (area: Double, perimeter: Double) {
        var g = wgs84
        var p = geod_polygon()
        geod_polygon_init(&p, 0)
        for c in coords { geod_polygon_addpoint(&g, &p, c.y, c.x) }
        var area = 0.0, perimeter = 0.0
        geod_polygon_compute(&g, &p, 0, 1, &area, &perimeter)
        return (area, perimeter)
    }

    /// Area in m² of the polygons in `g` (holes subtracted); 0 for points and lines.
    public static func area(_ g: Geometry) -> Double { areaPerimeter(g).area }

    /// Perimeter in m of the polygons in `g`: their exterior rings, as pyproj's
    /// `geometry_area_perimeter` and the yardstick count it; 0 for points and lines.
    public static func perimeter(_ g: Geometry) -> Double { areaPerimeter(g).perimeter }

    /// Area (m²) and perimeter (m) together, as pyproj's `Geod.geometry_area_perimeter`
    /// (but with area always positive).
    public static func areaPerimeter(_ g: Geometry) -> (area: Double, perimeter: Double) {
        var area = 0.0, perimeter = 0.0
        forEachPolygon(g) { poly in
            if let shell = poly.exteriorRing {
                let r = ring(shell.coordinates)
                area += abs(r.area); perimeter += r.perimeter
            }
            for i in 0..<poly.interiorRingCount {
                area -= abs(ring(poly.interiorRing(i)!.coordinates).area)
            }
        }
        return (area, perimeter)
    }

    /// Length in m of the lines in `g` (polygons and points count 0).
    public static func length(_ g: Geometry) -> Double {
        switch g.type {
        case .lineString, .linearRing: return polylineLength(g.coordinates)
        case .multiLineString, .geometryCollection: return g.parts.reduce(0) { $0 + length($1) }
        default: return 0
        }
    }

    /// Length in m along lon/lat points, segment by segment; 0 for fewer than two points.
    public static func polylineLength(_ coords: [Coordinate]) -> Double {
        guard coords.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<coords.count { total += distance(coords[i - 1], coords[i]) }
        return total
    }

    static func forEachPolygon(_ g: Geometry, _ body: (Geometry) -> Void) {
        switch g.type {
        case .polygon: if !g.isEmpty { body(g) }
        case .multiPolygon, .geometryCollection: for p in g.parts { forEachPolygon(p, body) }
        default: break
        }
    }
}
