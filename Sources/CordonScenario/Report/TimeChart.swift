import CordonCore
import CordonSupply

/// A chart against time: lines, shaded bands, and marked dates with their labels stacked
/// above the plot so none hides another. Drawn as SVG with real text.
struct TimeChart {
    struct Series {
        var label: String
        var values: [Double?]
        var colour: String
        var dash: String? = nil
        var width: Double = 2
    }

    struct Band {
        var label: String
        var lower: [Double?], upper: [Double?]
        var colour: String
    }

    /// A dated mark: an event (grey, dashed), an outcome such as a depletion date (black), or
    /// something reported during the siege that the model is scored against (blue).
    struct Mark {
        var day: Day
        var text: String
        var outcome = false
        var reported = false
    }

    /// A value reported on a day, drawn as a ring over the lines; `title` shows on hover.
    struct Point {
        var day: Day
        var value: Double
        var label: String
        var title: String
    }

    static let reportedColour = "#1f5fa8"

    var id: String
    var title: String
    var description: String
    /// The y-axis title without its magnitude: "kg", "days", "people".
    var unit: String
    var days: [Day]
    var series: [Series] = []
    var bands: [Band] = []
    var marks: [Mark] = []
    var points: [Point] = []
    /// A fixed top for the value axis (100 for percentages); else from the data.
    var fixedTop: Double? = nil
    var attributes: [(String, String)] = []

    static let width = 1100.0
    private static let left = 78.0, right = 24.0, plotHeight = 230.0, markRow = 15.0

    func svg() -> String {
        let placed = placeMarks()
        let rows = (placed.map(\.row).max() ?? -1) + 1
        let items = legendItems()
        // Marks start below the legend, which wraps onto more rows when its swatches pass the chart's width.
        let marksTop = 34 + Double((items.map(\.row).max() ?? 0)) * Self.markRow
        let plotTop = marksTop + Double(rows) * Self.markRow + 6
        let height = plotTop + Self.plotHeight + 40
        let plotWidth = Self.width - Self.left - Self.right
        let maximum = fixedTop ?? (series.flatMap(\.values) + bands.flatMap(\.upper) + points.map { Optional($0.value) }).compactMap { $0 }.max() ?? 1
        let axis = ValueAxis(maximum: maximum)
        let span = Double(max(1, (days.last ?? Day(ordinal: 0)) - (days.first ?? Day(ordinal: 0))))
        let x = { (d: Day) in Self.left + Double(d - (days.first ?? d)) / span * plotWidth }
        let y = { (v: Double) in plotTop + Self.plotHeight - v / axis.top * Self.plotHeight }

        var svg = SVGWriter()
        svg.openFigure(id: id, width: Self.width, height: height, title: title, description: description,
                       [("class", "chart")] + attributes)
        svg.label(title, x: 0, y: 16, [("class", "chart-title")])
        legend(items, into: &svg)

        // Grid and value axis.
        svg.open("g", [("class", "axis")])
        for v in axis.ticks {
            svg.empty("path", [("d", "M\(ReportNumber.svg(Self.left)) \(ReportNumber.svg(y(v)))h\(ReportNumber.svg(plotWidth))"),
                               ("stroke", v == 0 ? "#444444" : "#dddddd")])
            svg.label(axis.label(v), x: Self.left - 6, y: y(v) + 4, [("text-anchor", "end"), ("class", "small")])
        }
        let yTitle = "\(axis.magnitude)\(unit)"
        svg.label(yTitle, x: 14, y: plotTop + Self.plotHeight / 2,
                  [("class", "small strong"), ("text-anchor", "middle"),
                   ("transform", "rotate(-90 14 \(ReportNumber.svg(plotTop + Self.plotHeight / 2)))")])
        let time = TimeAxis(first: days.first ?? Day(ordinal: 0), last: days.last ?? Day(ordinal: 0),
                            left: Self.left, right: Self.left + plotWidth, chartWidth: Self.width)
        for tick in time.ticks {
            svg.empty("path", [("d", "M\(ReportNumber.svg(tick.x)) \(ReportNumber.svg(plotTop + Self.plotHeight))v5"), ("stroke", "#444444")])
            svg.label(tick.label, x: tick.labelX, y: plotTop + Self.plotHeight + 18, [("text-anchor", "middle"), ("class", "small tick")])
        }
        svg.close("g")

        // Bands under lines, lines under marks.
        for band in bands {
            for run in Self.runs(band.lower, band.upper, days: days.count) {
                let top = run.map { (x: x(days[$0]), y: y(band.upper[$0]!)) }
                let bottom = run.reversed().map { (x: x(days[$0]), y: y(band.lower[$0]!)) }
                svg.empty("path", [("d", pathData(top + bottom, closed: true)), ("fill", band.colour), ("fill-opacity", "0.22")])
            }
        }
        for s in series {
            let d = Self.runs(s.values, s.values, days: days.count).map { run in pathData(run.map { (x: x(days[$0]), y: y(s.values[$0]!)) }, closed: false) }
            svg.empty("path", [("d", d.joined(separator: " ")), ("fill", "none"), ("stroke", s.colour),
                               ("stroke-width", ReportNumber.svg(s.width)), ("stroke-linejoin", "round")]
                + (s.dash.map { [("stroke-dasharray", $0)] } ?? []))
        }
        for p in points where p.day >= (days.first ?? p.day) && p.day <= (days.last ?? p.day) {
            svg.open("circle", [("cx", ReportNumber.svg(x(p.day))), ("cy", ReportNumber.svg(y(p.value))), ("r", "4.5"),
                                ("fill", "#ffffff"), ("stroke", Self.reportedColour), ("stroke-width", "2"), ("class", "reported")])
            svg.element("title", [], p.title)
            svg.close("circle")
        }
        svg.open("g", [("class", "marks")])
        for (mark, row, leftward) in placed {
            let mx = x(mark.day), labelY = marksTop + Double(row) * Self.markRow + 10
            let colour = mark.reported ? Self.reportedColour : mark.outcome ? "#000000" : "#666666"
            svg.empty("path", [("d", "M\(ReportNumber.svg(mx)) \(ReportNumber.svg(labelY + 3))V\(ReportNumber.svg(plotTop + Self.plotHeight))"),
                               ("stroke", colour), ("stroke-width", mark.outcome ? "1.5" : "1"),
                               ("stroke-dasharray", mark.reported ? "2 2" : mark.outcome ? "6 3" : "3 3")])
            // Near the right edge the label ends at its line instead of running off the chart.
            svg.label(markLabel(mark), x: leftward ? mx - 3 : mx + 3, y: labelY,
                      [("class", mark.outcome ? "small strong" : "small")] + (mark.reported ? [("fill", colour)] : [])
                          + (leftward ? [("text-anchor", "end")] : []))
        }
        svg.close("g")
        svg.close("svg")
        return svg.text
    }

    /// Whether the chart's days run over more than one calendar year, so marks show the year.
    private var years: Bool { ReportDate.needsYears(days.first ?? Day(ordinal: 0), days.last ?? Day(ordinal: 0)) }

    private func markLabel(_ mark: Mark) -> String { "\(ReportDate.short(mark.day, years: years)): \(mark.text)" }

    /// Rough width of a mark's label: 11 px text, bold for outcomes, and a little room.
    private func markWidth(_ mark: Mark) -> Double {
        Double(markLabel(mark).count) * (mark.outcome ? 6.6 : 6.2) + 8
    }

    /// Each mark's label row, the first where its label overlaps no other label and no other
    /// mark's line crosses it (a line runs from its label down through every lower row), and
    /// whether it reads leftward from its line: it does when it would otherwise run past the
    /// chart's right edge.
    private func placeMarks() -> [(mark: Mark, row: Int, leftward: Bool)] {
        let plotWidth = Self.width - Self.left - Self.right
        let span = Double(max(1, (days.last ?? Day(ordinal: 0)) - (days.first ?? Day(ordinal: 0))))
        var placed: [(at: Double, from: Double, to: Double, row: Int)] = []
        return marks.sorted { $0.day < $1.day }.map { mark in
            let at = Self.left + Double(mark.day - (days.first ?? mark.day)) / span * plotWidth
            let width = markWidth(mark)
            let leftward = at + width > Self.width && at - width >= 0
            let from = leftward ? at - width : at, to = leftward ? at : at + width
            func free(_ row: Int, lines: Bool) -> Bool {
                placed.allSatisfy { p in
                    if p.row == row { return p.to < from || to < p.from }
                    guard lines else { return true }
                    // A line above this row crosses this label; this line crosses labels below.
                    if p.row < row { return p.at < from - 2 || p.at > to + 2 }
                    return at < p.from - 2 || at > p.to + 2
                }
            }
            // Marks days apart cannot always keep clear of each other's lines: then labels
            // only keep clear of each other. Both searches end, at the latest one row below all.
            let rows = (placed.map(\.row).max() ?? -1) + 2
            let row = (0..<rows).first { free($0, lines: true) } ?? (0..<rows).first { free($0, lines: false) } ?? rows
            placed.append((at, from, to, row))
            return (mark, row, leftward)
        }
    }

    /// Runs of consecutive days on which both value lists have a value (among the first `days`).
    private static func runs(_ a: [Double?], _ b: [Double?], days: Int) -> [[Int]] {
        var out: [[Int]] = [], current: [Int] = []
        for i in 0..<min(a.count, b.count, days) {
            if a[i] != nil && b[i] != nil { current.append(i) } else if !current.isEmpty {
                out.append(current)
                current = []
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Where each legend swatch goes: bands, then lines, left to right under the title, a new
    /// row when the next would pass the chart's width.
    private func legendItems() -> [(x: Double, row: Int)] {
        var out: [(x: Double, row: Int)] = [], x = 0.0, row = 0
        for label in bands.map(\.label) + series.map(\.label) + pointLabels {
            let width = 40 + Double(label.count) * 6.2
            if x > 0, x + width > Self.width { x = 0; row += 1 }
            out.append((x, row))
            x += width
        }
        return out
    }

    /// The labels of the rings, each once, in order.
    private var pointLabels: [String] {
        points.map(\.label).reduce(into: [String]()) { out, l in if !out.contains(l) { out.append(l) } }
    }

    /// Swatches for every band, line and kind of ring, at the places ``legendItems()`` gives.
    private func legend(_ items: [(x: Double, row: Int)], into svg: inout SVGWriter) {
        for (k, item) in items.enumerated() {
            let x = item.x, y = 30.0 + Double(item.row) * Self.markRow
            if k < bands.count {
                let band = bands[k]
                svg.empty("rect", [("x", ReportNumber.svg(x)), ("y", ReportNumber.svg(y - 9)), ("width", "22"), ("height", "11"),
                                   ("fill", band.colour), ("fill-opacity", "0.22")])
                svg.label(band.label, x: x + 27, y: y, [("class", "small")])
            } else if k >= bands.count + series.count {
                svg.empty("circle", [("cx", ReportNumber.svg(x + 11)), ("cy", ReportNumber.svg(y - 4)), ("r", "4.5"), ("fill", "#ffffff"),
                                     ("stroke", Self.reportedColour), ("stroke-width", "2")])
                svg.label(pointLabels[k - bands.count - series.count], x: x + 27, y: y, [("class", "small")])
            } else {
                let s = series[k - bands.count]
                svg.empty("path", [("d", "M\(ReportNumber.svg(x)) \(ReportNumber.svg(y - 4))h22"), ("stroke", s.colour),
                                   ("stroke-width", ReportNumber.svg(s.width))] + (s.dash.map { [("stroke-dasharray", $0)] } ?? []))
                svg.label(s.label, x: x + 27, y: y, [("class", "small")])
            }
        }
    }
}
