/// The interactive map's legend: one entry for each way a feature is drawn anywhere in the
/// run, layer by layer, its swatch drawn with that feature's own style, so the key always
/// matches the map.
struct MapKey {
    let drawn: [(layer: String, items: [MapItem])]

    private static let headings = ["districts": "Districts", "pockets": "Pockets", "fronts": "Fronts", "routes": "Routes"]

    var html: String {
        var page = SVGWriter()
        page.open("aside", [("class", "legend"), ("aria-label", "Legend")])
        page.element("h2", [], "Legend")
        // Routes first, as they are drawn on top and read first.
        for (layer, items) in drawn.reversed() where !items.isEmpty {
            var seen: [String] = []
            var entries: [MapFeatureStyle] = []
            for item in items {
                let style = MapFeatureStyle(layer: layer, item: item)
                if !seen.contains(style.kind) {
                    seen.append(style.kind)
                    entries.append(style)
                }
            }
            page.element("h3", [], Self.headings[layer] ?? layer)
            page.open("ul")
            for style in entries.sorted(by: { $0.kind < $1.kind }) {
                page.open("li")
                swatch(style, into: &page)
                page.element("span", [], style.kind)
                page.close("li")
            }
            page.close("ul")
        }
        page.close("aside")
        return page.text
    }

    private func swatch(_ style: MapFeatureStyle, into page: inout SVGWriter) {
        page.open("svg", [("class", "swatch"), ("viewBox", "0 0 28 16"), ("width", "28"), ("height", "16"), ("aria-hidden", "true")])
        if style.isArea {
            page.empty("rect", [("x", "2"), ("y", "2"), ("width", "24"), ("height", "12")] + style.attributes)
        } else {
            page.empty("path", [("d", "M2 8H26")] + style.attributes)
        }
        page.close("svg")
    }
}
