import CordonCore
import CordonGeometry
import CordonSiege
import CordonSupply

/// One small-multiple map: the situation on one key date. The besieged side's pockets, districts
/// by controller over them (besieged ones hatched), the focus pocket outlined by its fronts, routes by condition with their
/// stretches under fire, corridors declared open as labelled arrows, the date, a scale bar,
/// a north arrow and a legend.
struct MapPanel {
    let layers: MapLayers
    let palette: Palette
    let besieged: String
    let date: KeyDate
    /// Controllers in legend order.
    let controllers: [String]
    /// Lines the heading leaves for what happened, at least this map's own: the most any map
    /// of the page needs, so maps side by side line up.
    var eventRows = 1
    /// What the fronts face anywhere in the fronts layer, in legend order.
    let fronts: [String]

    static let width = 560.0
    /// The heading's height with one line of what happened; each further line adds `eventLine`.
    private static let header = 54.0, eventLine = 17.0
    /// Where the event text starts, right of the date, and its 14 px characters' estimated width.
    private static let eventX = 136.0, eventCharacter = 7.7

    /// What happened that day, word-wrapped into lines that fit right of the date.
    var eventLines: [String] {
        let room = Int((Self.width - Self.eventX) / Self.eventCharacter)
        var lines: [String] = []
        for word in date.text.split(separator: " ").map(String.init) {
            if let last = lines.last, last.count + 1 + word.count <= room {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines.isEmpty ? [""] : lines
    }

    private var id: String { "map-\(date.day)" }

    func svg() -> String {
        let top = Self.header + Double(max(eventRows, eventLines.count) - 1) * Self.eventLine
        let frame = MapFrame(extent: layers.extent, left: 0.5, top: top, width: Self.width - 1)
        let legendTop = frame.top + frame.height + 8
        var legend = SVGWriter()
        let legendHeight = MapLegend(controllers: controllers, palette: palette, besieged: besieged, figure: id, fronts: fronts,
                                     roadPaths: layers.roadPaths.contains { $0.holds(on: date.day) })
            .draw(top: legendTop, width: Self.width, into: &legend)
        let height = legendTop + legendHeight
        let pocket = layers.pockets.first { $0.holds(on: date.day) && $0.bool("focus") == true }
        var svg = SVGWriter()
        svg.openFigure(id: id, width: Self.width, height: height,
                       title: "Map, \(ReportDate.long(date.day)): \(date.text)",
                       description: description(pocket), [("class", "map"), ("data-date", date.day.description)])
        definitions(frame, into: &svg)
        heading(pocket, into: &svg)
        svg.open("g", [("clip-path", "url(#\(id)-clip)")])
        pockets(frame, into: &svg)
        districts(frame, into: &svg)
        fronts(frame, into: &svg)
        routes(frame, into: &svg)
        corridors(frame, into: &svg)
        roadPaths(frame, into: &svg)
        evidence(frame, into: &svg)
        svg.close("g")
        svg.empty("rect", [("x", ReportNumber.svg(frame.left)), ("y", ReportNumber.svg(frame.top)),
                           ("width", ReportNumber.svg(frame.width)), ("height", ReportNumber.svg(frame.height)),
                           ("fill", "none"), ("stroke", "#444444")])
        MapFurniture.scaleBar(frame, into: &svg)
        MapFurniture.northArrow(frame, angle: layers.northAngle, into: &svg)
        svg.raw(legend.text)
        svg.close("svg")
        return svg.text
    }

    private func description(_ pocket: MapItem?) -> String {
        var text = (layers.hasDistricts ? "Who holds which district" : "The \(besieged) pockets")
            + " on \(ReportDate.long(date.day)) (\(date.text)), in UTM, EPSG:\(layers.epsg). "
        if let pocket {
            text += "The \(besieged) pocket holding the focus point is \(pocket.string("status") ?? "?"): "
                + "\(NumberText.grouped(pocket.number("area_km2") ?? 0, places: 1)) km², about "
                + "\(NumberText.grouped(pocket.number("population") ?? 0)) people. "
        } else {
            text += "No \(besieged) pocket holds the focus point. "
        }
        if let notDrawn { text += notDrawn + " " }
        let routes = layers.routes.filter { $0.holds(on: date.day) && $0.isWholeRoute && $0.string("kind") == "supply" }
        text += routes.map { "\($0.string("route") ?? "?"): \(MapStyle.route(condition($0)).words)." }.joined(separator: " ")
        let corridors = layers.routes.filter { isOpenCorridor($0) }.compactMap { $0.string("route") }
        if !corridors.isEmpty { text += " Corridors declared open: " + corridors.joined(separator: ", ") + "." }
        return text
    }

    private func definitions(_ frame: MapFrame, into svg: inout SVGWriter) {
        svg.open("defs")
        svg.open("clipPath", [("id", "\(id)-clip")])
        svg.empty("rect", [("x", ReportNumber.svg(frame.left)), ("y", ReportNumber.svg(frame.top)),
                           ("width", ReportNumber.svg(frame.width)), ("height", ReportNumber.svg(frame.height))])
        svg.close("clipPath")
        svg.open("pattern", [("id", "\(id)-hatch"), ("patternUnits", "userSpaceOnUse"), ("width", "7"), ("height", "7"),
                             ("patternTransform", "rotate(45)")])
        svg.empty("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "7"), ("stroke", "#ffffff"), ("stroke-width", "2"),
                           ("stroke-opacity", "0.75")])
        svg.close("pattern")
        for (suffix, colour) in [("", Palette.open), ("-cut", Palette.corridorCut)] {
            svg.open("marker", [("id", "\(id)-arrow\(suffix)"), ("viewBox", "0 0 10 10"), ("refX", "8"), ("refY", "5"),
                                ("markerWidth", "4.5"), ("markerHeight", "4.5"), ("orient", "auto-start-reverse")])
            svg.empty("path", [("d", "M0 0 L10 5 L0 10Z"), ("fill", colour)])
            svg.close("marker")
        }
        svg.close("defs")
    }

    private func heading(_ pocket: MapItem?, into svg: inout SVGWriter) {
        svg.label(ReportDate.long(date.day), x: 2, y: 20, [("class", "map-date")])
        let lines = eventLines
        for (i, line) in lines.enumerated() {
            svg.label(line, x: Self.eventX, y: 20 + Double(i) * Self.eventLine, [("class", "map-event")])
        }
        let line: String
        if let pocket {
            line = "The \(besieged) pocket holding the focus point is \(pocket.string("status") ?? "?"): \(NumberText.grouped(pocket.number("area_km2") ?? 0, places: 1)) km², "
                + "about \(NumberText.grouped(pocket.number("population") ?? 0)) people"
        } else {
            line = "No \(besieged) pocket holds the focus point"
        }
        svg.label(line, x: 2, y: 42 + Double(max(eventRows, lines.count) - 1) * Self.eventLine, [("class", "small")])
    }

    /// The besieged side's pockets that day, encircled ones strongly filled and hatched, open ones
    /// lightly: the whole map without districts, and beneath the districts with them, so that
    /// besieged ground the districts layer does not reach is still drawn.
    private func pockets(_ frame: MapFrame, into svg: inout SVGWriter) {
        let shown = layers.pockets.filter { $0.holds(on: date.day) }
        guard !shown.isEmpty else { return }
        svg.open("g", [("class", "pockets"), ("stroke", "#ffffff"), ("stroke-width", "0.6"), ("fill-rule", "evenodd")])
        for p in shown {
            let colour = p.string("controller").map(palette.colour(of:)) ?? palette.colour(of: besieged)
            svg.empty("path", [("d", frame.path(p, closed: true)), ("fill", colour),
                               ("fill-opacity", MapStyle.districtOpacity(besieged: p.bool("encircled") == true))])
        }
        svg.close("g")
        hatch(shown.filter { $0.bool("encircled") == true }, frame, into: &svg)
    }

    /// Districts by controller, besieged ones hatched, filled opaque over the pockets beneath.
    private func districts(_ frame: MapFrame, into svg: inout SVGWriter) {
        let shown = layers.districts.filter { $0.holds(on: date.day) }
        guard !shown.isEmpty else { return }
        svg.open("g", [("class", "districts"), ("stroke", "#ffffff"), ("stroke-width", "0.6")])
        for d in shown {
            let colour = d.string("controller").map(palette.colour(of:)) ?? Palette.unknown
            svg.empty("path", [("d", frame.path(d, closed: true)),
                               ("fill", MapStyle.districtFill(colour, besieged: d.bool("besieged") == true))])
        }
        svg.close("g")
        hatch(shown.filter { $0.bool("besieged") == true }, frame, into: &svg)
    }

    private func hatch(_ items: [MapItem], _ frame: MapFrame, into svg: inout SVGWriter) {
        guard !items.isEmpty else { return }
        svg.open("g", [("class", "besieged"), ("fill", "url(#\(id)-hatch)"), ("stroke", "none"), ("fill-rule", "evenodd")])
        for d in items { svg.empty("path", [("d", frame.path(d, closed: true))]) }
        svg.close("g")
    }

    /// What this map cannot show, for its caption: nil when the districts cover the pockets in view.
    var notDrawn: String? {
        if !layers.hasDistricts {
            return "Ground outside the \(besieged) pockets is not drawn: the scenario has no districts layer, "
                + "so the map does not show who holds it."
        }
        guard layers.pockets.contains(where: { $0.holds(on: date.day) && $0.beyondDistricts }) else { return nil }
        return "Ground outside the districts layer is not drawn: where the \(besieged) pockets run beyond the districts, "
            + "the pockets themselves are shown; other ground there is left white."
    }

    private func fronts(_ frame: MapFrame, into svg: inout SVGWriter) {
        let shown = layers.fronts.filter { $0.holds(on: date.day) }
        guard !shown.isEmpty else { return }
        svg.open("g", [("class", "fronts"), ("fill", "none"), ("stroke-linejoin", "round")])
        // A white casing first, so the outline reads against any fill.
        for f in shown {
            svg.empty("path", [("d", frame.path(f, closed: false)), ("stroke", "#ffffff"), ("stroke-width", "6")])
        }
        for f in shown {
            let style = MapStyle.front(across: f.string("across") ?? "gap", palette: palette)
            svg.empty("path", [("d", frame.path(f, closed: false)), ("stroke", style.colour), ("stroke-width", "3")]
                + (style.dash.map { [("stroke-dasharray", $0)] } ?? []))
        }
        svg.close("g")
    }

    private func condition(_ route: MapItem) -> RouteCondition {
        RouteCondition(rawValue: route.string("status") ?? "") ?? .unknown
    }

    private func routes(_ frame: MapFrame, into svg: inout SVGWriter) {
        let shown = layers.routes.filter { $0.holds(on: date.day) && $0.string("kind") == "supply" }
        guard !shown.isEmpty else { return }
        svg.open("g", [("class", "routes"), ("fill", "none"), ("stroke-linecap", "round"), ("stroke-linejoin", "round")])
        for s in shown where s.string("segment") == "exposed" {
            svg.empty("path", [("d", frame.path(s, closed: false)), ("stroke", Palette.underFire),
                               ("stroke-width", MapStyle.exposedWidth), ("stroke-opacity", MapStyle.exposedOpacity)])
        }
        let lines = shown.filter(\.isWholeRoute)
        for r in lines {
            let style = MapStyle.route(condition(r))
            svg.empty("path", [("d", frame.path(r, closed: false)), ("stroke", "#ffffff"), ("stroke-width", "6")])
            svg.empty("path", [("d", frame.path(r, closed: false)), ("stroke", style.colour), ("stroke-width", "3.5")]
                + (style.dash.map { [("stroke-dasharray", $0)] } ?? []))
        }
        for r in lines {
            guard let part = r.parts.max(by: { $0.count < $1.count }), !part.isEmpty else { continue }
            let p = frame.pixel(part[part.count / 2])
            svg.label("\(r.string("route") ?? "") (\(MapStyle.route(condition(r)).words))", x: p.x + 8, y: p.y,
                      [("class", "route-label halo")])
        }
        svg.close("g")
    }

    /// The safest road out of each pocket that day (docs/design.md#roads), dashed, labelled with its measures.
    private func roadPaths(_ frame: MapFrame, into svg: inout SVGWriter) {
        let shown = layers.roadPaths.filter { $0.holds(on: date.day) }
        guard !shown.isEmpty else { return }
        svg.open("g", [("class", "road-paths"), ("fill", "none"), ("stroke-linecap", "round")])
        for r in shown {
            svg.empty("path", [("d", frame.path(r, closed: false)), ("stroke", "#ffffff"), ("stroke-width", "5")])
            svg.empty("path", [("d", frame.path(r, closed: false)), ("stroke", MapStyle.roadPathColour),
                               ("stroke-width", MapStyle.roadPathWidth), ("stroke-dasharray", MapStyle.roadPathDash)])
        }
        for r in shown {
            guard let part = r.parts.max(by: { $0.count < $1.count }), let first = part.first else { continue }
            let p = frame.pixel(first)
            let words = "safest road out: \(NumberText.grouped(r.number("length_km") ?? 0, places: 1)) km, "
                + "\(NumberText.grouped(r.number("exposed_km") ?? 0, places: 1)) km under fire, "
                + "\(NumberText.grouped(r.number("minutes") ?? 0)) min (model)"
            // Kept inside the frame: a label that would run off the right edge ends at the path instead.
            let width = Double(words.count) * 6.5  // 11 px bold (ReportStyle)
            let fits = p.x + 8 + width <= frame.left + frame.width
            let x = fits ? p.x + 8 : max(frame.left + width + 4, p.x - 8)
            svg.label(words, x: x, y: p.y + 14, [("class", "route-label halo")] + (fits ? [] : [("text-anchor", "end")]))
        }
        svg.close("g")
    }

    /// Conflict events of the 30 days up to this date (evidence, not model): a dot each, its
    /// area growing with the deaths reported.
    private func evidence(_ frame: MapFrame, into svg: inout SVGWriter) {
        let shown = layers.events.filter { $0.day <= date.day && date.day - $0.day < 30 }
        guard !shown.isEmpty else { return }
        svg.open("g", [("class", "events"), ("fill", "#7a0019"), ("fill-opacity", "0.75"), ("stroke", "#ffffff")])
        for e in shown {
            let p = frame.pixel(e.at)
            svg.open("circle", [("cx", ReportNumber.svg(p.x)), ("cy", ReportNumber.svg(p.y)),
                                ("r", ReportNumber.svg(3 + (e.fatalities.squareRoot()).rounded(.down)))])
            svg.element("title", [], "\(e.day): \(e.type), \(ReportNumber.svg(e.fatalities)) killed (reported; evidence, not model)")
            svg.close("circle")
        }
        svg.close("g")
    }

    private func isOpenCorridor(_ r: MapItem) -> Bool {
        r.holds(on: date.day) && r.string("kind") == "corridor" && r.isWholeRoute && r.bool("open") == true
    }

    private func corridors(_ frame: MapFrame, into svg: inout SVGWriter) {
        let shown = layers.routes.filter(isOpenCorridor)
        guard !shown.isEmpty else { return }
        svg.open("g", [("class", "corridors"), ("fill", "none")])
        for c in shown {
            let points = c.parts.flatMap { $0 }.map(frame.pixel)
            svg.empty("path", [("d", pathData(points, closed: false)), ("stroke", "#ffffff"), ("stroke-width", "5")])
            // Declared open but cut (across hostile ground) in a colour of its own, as in routes.geojson.
            let cut = c.string("status") == RouteCondition.cut.rawValue
            svg.empty("path", [("d", pathData(points, closed: false)),
                               ("stroke", Palette.corridorColour(declaredOpen: true, cut: cut)), ("stroke-width", "2.5"),
                               ("marker-end", "url(#\(id)-arrow\(cut ? "-cut" : ""))")])
        }
        for c in shown {
            guard let end = c.parts.last?.last else { continue }
            let p = frame.pixel(end)
            svg.label(c.string("route") ?? "", x: p.x + 6, y: p.y + 12, [("class", "corridor-label halo")])
        }
        svg.close("g")
    }
}
