import CordonSiege

/// The key under each map: who holds the ground, besieged hatching, the pocket's fronts,
/// route conditions, stretches under fire, corridors and the safest road out.
struct MapLegend {
    let controllers: [String]
    let palette: Palette
    let besieged: String
    /// The map's id, whose hatch pattern and arrow marker the swatches reuse.
    let figure: String
    /// What the pocket's fronts face, as the fronts layer names it (controllers, `edge`,
    /// `gap`), in legend order: each gets its own swatch, drawn as `MapStyle.front` draws it.
    let fronts: [String]
    /// Whether the map draws a safest road out (the run had roads, and a pocket has one that day).
    var roadPaths = false

    /// Rough width of legend text at 11 px, to lay items out in a row.
    private static func textWidth(_ s: String) -> Double { Double(s.count) * 6.1 }

    /// Draws the legend from `top` down; returns how tall it came out.
    @discardableResult
    func draw(top: Double, width: Double, into svg: inout SVGWriter) -> Double {
        svg.open("g", [("class", "legend")])
        var row = Row(y: top + 12)
        row.heading("Held by", into: &svg)
        for c in controllers {
            row.item(palette.isNeutral(c) ? "\(c) (neutral)" : c, into: &svg) { x, y, svg in
                svg.empty("rect", [("x", ReportNumber.svg(x)), ("y", ReportNumber.svg(y - 7)), ("width", "16"), ("height", "12"),
                                   ("fill", palette.colour(of: c)), ("fill-opacity", MapStyle.districtOpacity(besieged: false))])
            }
        }
        row.item("besieged (hatched)", into: &svg) { x, y, svg in
            svg.empty("rect", [("x", ReportNumber.svg(x)), ("y", ReportNumber.svg(y - 7)), ("width", "16"), ("height", "12"),
                               ("fill", palette.colour(of: besieged)), ("fill-opacity", MapStyle.districtOpacity(besieged: true))])
            svg.empty("rect", [("x", ReportNumber.svg(x)), ("y", ReportNumber.svg(y - 7)), ("width", "16"), ("height", "12"),
                               ("fill", "url(#\(figure)-hatch)")])
        }

        if !fronts.isEmpty {
            row.newLine()
            row.heading("Outline", into: &svg)
            for across in fronts {
                let style = MapStyle.front(across: across, palette: palette)
                let words: String
                switch across {
                case "neutral": words = "facing neutral ground"
                case "edge": words = "study area's edge"
                case "gap": words = "gap in the map"
                default: words = "facing \(across)"
                }
                row.item(words, into: &svg) { x, y, svg in
                    Self.line(x, y, colour: style.colour, dash: style.dash, width: 3, into: &svg)
                }
            }
        }

        row.newLine()
        row.heading("Routes", into: &svg)
        for condition in [RouteCondition.open, .underFire, .cut] {
            let style = MapStyle.route(condition)
            row.item(style.words, into: &svg) { x, y, svg in
                Self.line(x, y, colour: style.colour, dash: style.dash, width: 3.5, into: &svg)
            }
        }
        row.item("stretch within fire range", into: &svg) { x, y, svg in
            svg.empty("path", [("d", "M\(ReportNumber.svg(x)) \(ReportNumber.svg(y))h16"), ("stroke", Palette.underFire),
                               ("stroke-width", MapStyle.exposedWidth), ("stroke-opacity", MapStyle.exposedOpacity)])
        }
        for (words, cut) in [("corridor declared open", false), ("corridor declared open, cut", true)] {
            row.item(words, into: &svg) { x, y, svg in
                svg.empty("path", [("d", "M\(ReportNumber.svg(x)) \(ReportNumber.svg(y))h14"),
                                   ("stroke", Palette.corridorColour(declaredOpen: true, cut: cut)),
                                   ("stroke-width", "2.5"), ("marker-end", "url(#\(figure)-arrow\(cut ? "-cut" : ""))")])
            }
        }
        if roadPaths {
            row.item("safest road out (model)", into: &svg) { x, y, svg in
                svg.empty("path", [("d", "M\(ReportNumber.svg(x)) \(ReportNumber.svg(y))h16"), ("stroke", "#ffffff"), ("stroke-width", "5")])
                svg.empty("path", [("d", "M\(ReportNumber.svg(x)) \(ReportNumber.svg(y))h16"), ("stroke", MapStyle.roadPathColour),
                                   ("stroke-width", MapStyle.roadPathWidth), ("stroke-dasharray", MapStyle.roadPathDash)])
            }
        }
        svg.close("g")
        return row.y - top + 10
    }

    private static func line(_ x: Double, _ y: Double, colour: String, dash: String?, width: Double, into svg: inout SVGWriter) {
        svg.empty("path", [("d", "M\(ReportNumber.svg(x)) \(ReportNumber.svg(y))h16"), ("stroke", colour),
                           ("stroke-width", ReportNumber.svg(width))] + (dash.map { [("stroke-dasharray", $0)] } ?? []))
    }

    /// A row of swatches and words, wrapping onto a new line when it runs out of room.
    private struct Row {
        var x = 2.0
        var y: Double
        static let right = 556.0

        init(y: Double) { self.y = y }

        mutating func newLine() {
            x = 2
            y += 22
        }

        mutating func heading(_ text: String, into svg: inout SVGWriter) {
            svg.label(text, x: x, y: y + 4, [("class", "small strong")])
            x += 56
        }

        mutating func item(_ text: String, into svg: inout SVGWriter, swatch: (Double, Double, inout SVGWriter) -> Void) {
            let needed = 22 + MapLegend.textWidth(text)
            if x + needed > Self.right {
                x = 58
                y += 18
            }
            swatch(x, y, &svg)
            svg.label(text, x: x + 21, y: y + 4, [("class", "small")])
            x += needed + 12
        }
    }
}
