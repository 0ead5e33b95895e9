/// What RFC 7946 asks of a FeatureCollection that these tests can see: no `crs`, positions
/// in range, rings closed, exterior rings counter-clockwise and holes clockwise (§3.1.6).
public enum RFC7946 {
    public static func faults(_ collection: [String: Any]) -> [String] {
        var faults: [String] = []
        if collection["type"] as? String != "FeatureCollection" { faults.append("not a FeatureCollection") }
        if collection["crs"] != nil { faults.append("has a crs member") }
        for (i, feature) in (collection["features"] as? [[String: Any]] ?? []).enumerated() {
            if feature["crs"] != nil { faults.append("feature \(i): has a crs member") }
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else {
                faults.append("feature \(i): no geometry"); continue
            }
            let coordinates = geometry["coordinates"]
            for position in positions(coordinates) where position.count < 2
                || !(-180...180).contains(position[0]) || !(-90...90).contains(position[1]) {
                faults.append("feature \(i): position \(position) out of range")
            }
            let polygons: [[[[Double]]]]
            switch type {
            case "Polygon": polygons = [rings(coordinates)]
            case "MultiPolygon": polygons = (coordinates as? [Any] ?? []).map(rings)
            default: polygons = []
            }
            for polygon in polygons {
                for (r, ring) in polygon.enumerated() {
                    if ring.first != ring.last { faults.append("feature \(i): ring \(r) not closed") }
                    let area = signedArea(ring)
                    if r == 0 && area <= 0 { faults.append("feature \(i): exterior ring clockwise") }
                    if r > 0 && area >= 0 { faults.append("feature \(i): hole \(r) counter-clockwise") }
                }
            }
        }
        return faults
    }

    /// Every position under a coordinates member.
    static func positions(_ value: Any?) -> [[Double]] {
        guard let array = value as? [Any] else { return [] }
        if let position = array as? [Double] { return [position] }
        return array.flatMap { positions($0) }
    }

    static func rings(_ value: Any?) -> [[[Double]]] {
        (value as? [Any] ?? []).map { ($0 as? [Any] ?? []).compactMap { $0 as? [Double] } }
    }

    /// Shoelace area in degrees²: positive when counter-clockwise.
    static func signedArea(_ ring: [[Double]]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + ($1.0[0] * $1.1[1] - $1.1[0] * $1.0[1]) } / 2
    }
}
