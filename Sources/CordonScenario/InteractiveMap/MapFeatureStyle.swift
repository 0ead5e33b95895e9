import CordonCore
import CordonSiege

/// How one feature of the interactive map looks and reads: the layer file's own simplestyle
/// colours and widths, a dash for the route conditions (as on the report's maps, so colour is
/// never the only cue), and a line of words for its tooltip, popup heading and legend entry.
struct MapFeatureStyle {
    let layer: String
    let item: MapItem

    /// Whether it is a whole route or corridor rather than one of its stretches (`segment`
    /// absent, or `whole` in layers that name every feature's segment).
    var isWholeRoute: Bool { layer == "routes" && [nil, "whole"].contains(item.string("segment")) }

    var isArea: Bool { layer == "districts" || layer == "pockets" }

    /// SVG presentation attributes, in a fixed order.
    var attributes: [(String, String)] {
        let stroke = item.string("stroke") ?? Palette.unknown
        let width = item.number("stroke-width").map { NumberText.fixed($0, places: 2) } ?? "1"
        var out: [(String, String)] = [("stroke", stroke), ("stroke-width", width)]
        if isArea {
            out += [("fill", item.string("fill") ?? stroke),
                    ("fill-opacity", item.number("fill-opacity").map { NumberText.fixed($0, places: 2) } ?? "0.25")]
        } else {
            out.append(("fill", "none"))
        }
        if let dash { out.append(("stroke-dasharray", dash)) }
        // A stretch under fire is a translucent band beneath its route, as in the report.
        if layer == "routes" && item.string("segment") == "exposed" { out.append(("stroke-opacity", MapStyle.exposedOpacity)) }
        return out
    }

    private var dash: String? {
        switch layer {
        case "fronts":
            return MapStyle.frontDash(across: item.string("across") ?? "gap")
        case "routes" where isWholeRoute:
            if item.string("kind") == "corridor" { return item.bool("open") == true ? nil : "6 4" }
            return MapStyle.route(condition).dash
        default:
            return nil
        }
    }

    private var condition: RouteCondition { RouteCondition(rawValue: item.string("status") ?? "") ?? .unknown }

    /// What it is, for the legend: the same words for every feature drawn alike.
    var kind: String {
        switch layer {
        case "districts":
            let holder = item.string("controller").map { "held by \($0)" } ?? "holder unknown"
            return item.bool("besieged") == true ? "\(holder), besieged" : holder
        case "pockets":
            let state = item.bool("encircled") == true ? "encircled" : "open"
            return "\(item.string("controller") ?? "?") pocket, \(state)" + (item.bool("focus") == true ? ", holding the focus point" : "")
        case "fronts":
            switch item.string("across") ?? "gap" {
            case "neutral": return "front facing neutral ground"
            case "edge": return "front at the study area's edge"
            case "gap": return "front at a gap in the map"
            case let across: return "front facing \(across)"
            }
        default:
            switch item.string("segment") {
            case "hostile": return "stretch in hostile ground"
            case "exposed": return "stretch within fire range"
            default: break
            }
            if item.string("kind") == "corridor" {
                guard item.bool("open") == true else { return "corridor, not declared open" }
                return condition == .cut ? "corridor declared open, cut" : "corridor declared open"
            }
            return "supply route, \(MapStyle.route(condition).words)"
        }
    }

    /// Its name and state in one line: the tooltip and the popup's heading.
    var title: String {
        switch layer {
        case "districts":
            return "\(item.string("name") ?? "District"): \(kind)"
        case "pockets":
            var text = "\(item.string("controller") ?? "?") pocket \(item.number("pocket").map { NumberText.fixed($0, places: 0) } ?? "?"): "
                + (item.bool("encircled") == true ? "encircled" : "open")
            if let area = item.number("area_km2") { text += ", \(NumberText.grouped(area, places: 1)) km²" }
            if let people = item.number("population") { text += ", about \(NumberText.grouped(people)) people" }
            return text
        case "fronts":
            return kind.prefix(1).uppercased() + kind.dropFirst()
                + (item.number("length_km").map { ", \(NumberText.grouped($0, places: 1)) km" } ?? "")
        default:
            let name = item.string("route") ?? "Route"
            return isWholeRoute ? "\(name): \(kind)" : "\(name), \(kind)"
        }
    }
}
