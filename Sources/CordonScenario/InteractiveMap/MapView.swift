import CordonCore
import CordonGeometry

/// The interactive map's SVG: every feature of the four layers as a path, in UTM as on the
/// report's maps, grouped by layer in drawing order (districts, pockets, fronts, routes on
/// top). The script keeps only the day's features in the groups; until it runs, CSS hides
/// them all, so no reader ever sees every period stacked.
struct MapView {
    let layers: MapLayers

    /// The siege's frame (``MapLayers/extent``) is this many units across; features beyond it
    /// lie outside `0…width` and come into view when zooming out.
    static let width = 1000.0

    static let layerOrder = ["districts", "pockets", "fronts", "routes"]

    var frame: MapFrame { MapFrame(extent: layers.extent, left: 0, top: 0, width: Self.width) }

    /// Each layer's items in drawing order: a route's stretches beneath the routes themselves.
    var drawn: [(layer: String, items: [MapItem])] {
        let routes = layers.routes.filter { !MapFeatureStyle(layer: "routes", item: $0).isWholeRoute }
            + layers.routes.filter { MapFeatureStyle(layer: "routes", item: $0).isWholeRoute }
        return [("districts", layers.districts), ("pockets", layers.pockets), ("fronts", layers.fronts), ("routes", routes)]
    }

    /// The view that frames the whole of every layer, as `x y width height`.
    var wholeView: [Double] {
        let points = drawn.flatMap { $0.items.flatMap { $0.parts.joined().map(frame.pixel) } }
        guard let first = points.first else { return [0, 0, Self.width, frame.height] }
        var (minX, minY, maxX, maxY) = (first.x, first.y, first.x, first.y)
        for p in points {
            minX = min(minX, p.x); maxX = max(maxX, p.x)
            minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        let margin = max(maxX - minX, maxY - minY) * 0.02
        return [minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin].map { ($0 * 10).rounded() / 10 }
    }

    /// Supply routes' names beside their middles, shown on the days of the route they name; the
    /// script keeps their size on screen as the map zooms. Corridors, short and close together,
    /// are named by their tooltips and popups only, so labels never pile up.
    private func labels(into svg: inout SVGWriter) {
        svg.open("g", [("class", "labels"), ("font-size", "13")])
        svg.raw("\n")
        for item in layers.routes where item.string("kind") == "supply" && MapFeatureStyle(layer: "routes", item: item).isWholeRoute {
            guard let name = item.string("route"), let part = item.parts.max(by: { $0.count < $1.count }), !part.isEmpty else { continue }
            let p = frame.pixel(part[part.count / 2])
            var attributes = [("class", "label")]
            if let from = item.from { attributes.append(("data-from", from.description)) }
            if let until = item.until { attributes.append(("data-until", until.description)) }
            svg.label(name, x: p.x + 8, y: p.y, attributes + [("dx", "0.6em")])
        }
        svg.close("g")
    }

    /// The SVG, and the properties of its features in `data-i` order.
    func svg(title: String) -> (svg: String, properties: [JSONValue]) {
        let frame = self.frame
        var svg = SVGWriter()
        svg.open("svg", [("id", "map"), ("viewBox", "0 0 \(ReportNumber.svg(Self.width)) \(ReportNumber.svg(frame.height))"),
                         ("role", "group"), ("aria-label", title)])
        svg.raw("\n")
        var properties: [JSONValue] = []
        for (layer, items) in drawn {
            svg.open("g", [("class", "layer"), ("data-layer", layer)] + (layer == "districts" || layer == "pockets" ? [("fill-rule", "evenodd")] : []))
            svg.raw("\n")
            for item in items {
                let style = MapFeatureStyle(layer: layer, item: item)
                var attributes = [("class", "feature"), ("data-layer", layer), ("data-i", "\(properties.count)")]
                if let from = item.from { attributes.append(("data-from", from.description)) }
                if let until = item.until { attributes.append(("data-until", until.description)) }
                attributes += [("d", frame.path(item, closed: style.isArea))] + style.attributes
                attributes += [("tabindex", "0"), ("role", "button")]
                svg.open("path", attributes)
                svg.element("title", [], style.title)
                svg.close("path")
                properties.append(.object(item.properties))
            }
            svg.close("g")
        }
        labels(into: &svg)
        svg.close("svg")
        return (svg.text, properties)
    }
}
