import CordonCore
import CordonGeometry
import Foundation

/// One road as read from its layer: where it runs, its class and level (docs/design.md#roads).
public struct RoadLine {
    /// Position in the layer, from 0, for messages.
    public let feature: Int
    /// Lon/lat LineString.
    public let geometry: Geometry
    /// The `highway` (OpenStreetMap) or `class` property; `road` when neither.
    public let roadClass: String
    /// `maxspeed`, as given.
    public let maxspeed: String?
    /// Where it passes: 0 on the ground, above for bridges, below for tunnels.
    public let level: Int
    /// `name`, when given.
    public let name: String?
    /// Which way it may be driven: 0 both ways, 1 only as drawn, -1 only against it (OSM
    /// `oneway`, and `junction=roundabout`, docs/design.md#roads).
    public let oneway: Int8

    /// The most vertices a network may hold, so a huge file is refused before it fills memory.
    public static let maxVertices = 20_000_000

    /// The roads of a layer's features: LineStrings and MultiLineStrings (each part a road).
    /// OpenStreetMap tags are read from properties of their own name or from GDAL's
    /// `other_tags` (`"bridge"=>"yes","layer"=>"1"`).
    ///
    /// - Throws: ``SiegeInputError`` naming the file and feature: a feature that is not a line,
    ///   a line with fewer than 2 distinct points, a `layer` that is not a whole number from
    ///   -5 to 5; an empty network; one over ``maxVertices``.
    public static func read(_ features: [Feature], file: String) throws -> [RoadLine] {
        var out: [RoadLine] = []
        var vertices = 0
        for (i, f) in features.enumerated() {
            guard let g = f.geometry, g.type == .lineString || g.type == .multiLineString else {
                throw SiegeInputError(file: file, feature: i, "a road must be a LineString or MultiLineString")
            }
            let tags = Tags(f.properties)
            let cls = tags["highway"] ?? tags["class"] ?? fallbackClass
            var level = 0
            if let text = tags["layer"] {
                guard let v = Int(text.trimmingCharacters(in: .whitespaces)), (-5...5).contains(v) else {
                    throw SiegeInputError(file: file, feature: i, "`layer` must be a whole number from -5 to 5, not `\(text)`")
                }
                level = v
            } else if let b = tags["bridge"], b != "no" {
                level = 1
            } else if let t = tags["tunnel"], t != "no" {
                level = -1
            }
            let oneway = Self.oneway(tags)
            for part in g.type == .lineString ? [g] : g.parts {
                let coords = part.coordinates
                vertices += coords.count
                if vertices > maxVertices {
                    throw SiegeInputError(file: file, feature: i, "the network has more than \(maxVertices) vertices")
                }
                let distinct = zip(coords, coords.dropFirst()).contains { $0.x != $1.x || $0.y != $1.y }
                guard coords.count >= 2, distinct else {
                    throw SiegeInputError(file: file, feature: i, "a road needs at least 2 distinct points, this one has \(Set(coords.map { [$0.x, $0.y] }).count)")
                }
                out.append(RoadLine(feature: i, geometry: try part.clone(), roadClass: cls, maxspeed: tags["maxspeed"],
                                    level: level, name: tags["name"], oneway: oneway))
            }
        }
        if out.isEmpty { throw SiegeInputError(file: file, "the road network is empty: no line features") }
        return out
    }

    static let fallbackClass = RoadSpeeds.fallbackClass

    /// OSM `oneway`: `yes`, `true`, `1` as drawn, `-1` or `reverse` against it, `reversible` and
    /// `alternating` as drawn (which way they run at an hour is not known: an assumption); a
    /// roundabout (`junction=roundabout` or `circular`) as drawn unless `oneway=no`. Anything
    /// else (`no`, absent, an unreadable value) both ways.
    static func oneway(_ tags: Tags) -> Int8 {
        switch tags["oneway"]?.lowercased() {
        case "yes", "true", "1", "reversible", "alternating": return 1
        case "-1", "reverse": return -1
        case "no", "false", "0": return 0
        default: return ["roundabout", "circular"].contains(tags["junction"] ?? "") ? 1 : 0
        }
    }

    /// Tags from properties, then from GDAL's OSM `other_tags` column.
    struct Tags {
        var values: [String: String] = [:]
        init(_ p: JSONObject) {
            if let other = p["other_tags"]?.stringValue {
                // "key"=>"value" pairs, comma-separated; values may hold commas but not `"=>"`.
                let pairs = other.components(separatedBy: "\",\"")
                for pair in pairs {
                    let kv = pair.components(separatedBy: "\"=>\"")
                    guard kv.count == 2 else { continue }
                    let k = kv[0].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    values[k] = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
            for (k, v) in p {
                if let s = v.stringValue { values[k] = s } else if let n = v.numberValue, n.isFinite, n == n.rounded(), abs(n) < 1e9 {
                    values[k] = String(Int(n))
                } else if let n = v.numberValue, n.isFinite { values[k] = String(n) }
                else if let b = v.boolValue { values[k] = b ? "yes" : "no" }
            }
        }
        subscript(_ k: String) -> String? { values[k].flatMap { $0.isEmpty ? nil : $0 } }
    }
}
