import CordonCore
import Foundation

/// The report's "What moves the answer": a tornado chart per answer from `sensitivity.json`
/// (one input at a time) and a table of Sobol indices. Absent when the folder has no such file.
struct ReportSensitivity {
    struct Measure {
        var name: String
        var central: Double
    }

    struct Row {
        var key: String
        var label: String
        var basis: String
        var answers: [String: (low: Double, high: Double)]
    }

    struct Index {
        var key: String
        var first: Double, firstLow: Double, firstHigh: Double
        var total: Double, totalLow: Double, totalHigh: Double
    }

    var start: Day
    var days: Int
    var spread: Double
    var measures: [Measure]
    var rows: [Row]
    var sobol: (samples: Int, runs: Int, bootstrap: Int, labels: [String: String], indices: [String: [Index]])?
    /// Whether dates need their year.
    var years: Bool

    /// Reads `sensitivity.json` from `folder`; nil when there is none.
    init?(folder: String, years: Bool) throws {
        let path = (folder as NSString).appendingPathComponent("sensitivity.json")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = Data(try ReportInputError.read(path))
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let start = (root["start"] as? String).flatMap(Day.init(iso:)), let days = root["days"] as? Int,
              let measures = root["measures"] as? [[String: Any]], let rows = root["one_at_a_time"] as? [[String: Any]]
        else { throw ReportInputError(path, "not a cordon sensitivity file (needs start, days, measures and one_at_a_time)") }
        self.start = start
        self.days = days
        self.years = years
        spread = root["spread"] as? Double ?? 0
        self.measures = measures.compactMap { m in
            guard let name = m["name"] as? String, let central = m["central"] as? Double else { return nil }
            return Measure(name: name, central: central)
        }
        self.rows = rows.compactMap { r in
            guard let key = r["key"] as? String, let label = r["label"] as? String, let basis = r["basis"] as? String,
                  let answers = r["answers"] as? [String: [Double]] else { return nil }
            return Row(key: key, label: label, basis: basis, answers: answers.compactMapValues { pair in
                pair.count == 2 ? (pair[0], pair[1]) : nil
            })
        }
        if let s = root["sobol"] as? [String: Any], let per = s["measures"] as? [String: [String: Any]] {
            let labels = Dictionary(self.rows.filter { $0.basis == "range" }.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
            let indices = per.compactMapValues { m -> [Index]? in
                (m["indices"] as? [[String: Any]])?.compactMap { x in
                    guard let key = x["key"] as? String, let first = x["first"] as? Double, let total = x["total"] as? Double,
                          let fci = x["first_ci"] as? [Double], let tci = x["total_ci"] as? [Double], fci.count == 2, tci.count == 2
                    else { return nil }
                    return Index(key: key, first: first, firstLow: fci[0], firstHigh: fci[1], total: total, totalLow: tci[0], totalHigh: tci[1])
                }
            }
            sobol = (s["samples"] as? Int ?? 0, s["runs"] as? Int ?? 0, s["bootstrap"] as? Int ?? 0, labels, indices)
        }
    }

    /// The measures drawn: each commodity's depletion day and the lowest food energy.
    private var charted: [Measure] {
        measures.filter { $0.name.hasSuffix(".depleted_day") || $0.name == "kcal_min" }
    }

    /// "food runs out" or "lowest food energy per person".
    private func title(_ name: String) -> String {
        if name == "kcal_min" { return "Lowest food energy per person in a day (kcal)" }
        if name.hasSuffix(".depleted_day") { return "When \(name.dropLast(".depleted_day".count)) runs out" }
        return "Days short of \(name.dropLast(".days_short".count))"
    }

    /// An answer as the reader takes it: a date for a depletion day ("never" past the end), else a number.
    private func answer(_ name: String, _ value: Double) -> String {
        guard name.hasSuffix(".depleted_day") else { return NumberText.grouped(value) }
        let day = Int(value.rounded())
        return day > days ? "never" : ReportDate.short(start + (day - 1), years: years)
    }

    private func basisText(_ row: Row) -> String {
        row.basis == "range" ? "range" : "±" + NumberText.fixed(spread * 100, places: 1) + " %"
    }

    var html: String {
        var page = SVGWriter()
        page.open("section", [("id", "sensitivity")])
        page.element("h2", [], "What moves the answer")
        page.element("p", [], "Model estimates: how much each assumption moves the model's answers, not how the siege went. "
            + "Each bar sets one input alone to the low and high end of its uncertainty range (a and b of a uniform or "
            + "triangular range, the 5th and 95th percentiles of a normal or lognormal one), or moves a supply figure without "
            + "a range by ±\(NumberText.fixed(spread * 100, places: 1)) %, every other input held at the scenario's value; "
            + "the line is the central run. A stock that lasts to the end counts as running out the day after the last. "
            + "An input drawn with a narrow range can look unimportant only because its range is narrow.")
        for (i, m) in charted.enumerated() {
            page.open("figure")
            page.raw(tornado(m, id: "tornado-\(i)"))
            page.close("figure")
        }
        if let sobol {
            page.element("p", [], "Sobol indices split the variance of each answer over the uncertainty ranges (\(NumberText.grouped(Double(sobol.runs))) "
                + "runs: a base sample of \(NumberText.grouped(Double(sobol.samples))) by Saltelli's scheme). First order: the share an "
                + "input causes alone; total: alone and together with the others. In brackets the 95 % bootstrap interval "
                + "(\(sobol.bootstrap) resamplings). These are estimates from a sample: a first-order index can come out "
                + "above its total, or an interval reach below 0 or above 1, by sampling noise alone; cordon sensitivity "
                + "with a larger --samples narrows them.")
            for m in charted {
                guard let list = sobol.indices[m.name], !list.isEmpty else { continue }
                let ordered = list.enumerated().sorted { $0.element.total != $1.element.total ? $0.element.total > $1.element.total : $0.offset < $1.offset }
                let cells = ordered.map { _, x -> [String] in
                    [sobol.labels[x.key] ?? x.key, x.key,
                     Self.index(x.first) + " [" + Self.index(x.firstLow) + ", " + Self.index(x.firstHigh) + "]",
                     Self.index(x.total) + " [" + Self.index(x.totalLow) + ", " + Self.index(x.totalHigh) + "]"]
                }
                page.raw(ReportTables.table("Sobol indices: \(title(m.name).prefix(1).lowercased() + title(m.name).dropFirst())",
                                            ["input", "key", "first order [95 %]", "total [95 %]"], cells, numeric: [2, 3]))
            }
        }
        page.close("section")
        return page.text
    }

    private static func index(_ x: Double) -> String { NumberText.fixed(x, places: 2) }

    /// A tornado chart: a bar per input from its low answer to its high answer, the widest first.
    private func tornado(_ m: Measure, id: String) -> String {
        let bars = rows.compactMap { r -> (Row, Double, Double)? in r.answers[m.name].map { (r, $0.low, $0.high) } }
            .enumerated().sorted { a, b in
                let x = abs(a.element.2 - a.element.1), y = abs(b.element.2 - b.element.1)
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        let moving = bars.filter { $0.1 != $0.2 }
        let shown = Array(moving.prefix(12))
        let width = 1100.0, left = 380.0, right = 170.0, top = 46.0, barHeight = 20.0, gap = 6.0
        let height = top + Double(max(1, shown.count)) * (barHeight + gap) + 34
        let values = shown.flatMap { [$0.1, $0.2] } + [m.central]
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if hi - lo < 1e-9 { lo -= 1; hi += 1 }
        // Whole days on a depletion axis.
        let step = m.name.hasSuffix(".depleted_day") ? max(1, Self.step((hi - lo) / 5)) : Self.step((hi - lo) / 5)
        lo = (lo / step).rounded(.down) * step
        hi = (hi / step).rounded(.up) * step
        let plot = width - left - right
        let x = { (v: Double) in left + (v - lo) / (hi - lo) * plot }
        let heading = title(m.name)
        var svg = SVGWriter()
        let description = shown.isEmpty ? "No input moves this answer." : shown.map { r, a, b in
            "\(r.label) (\(basisText(r))): \(answer(m.name, a)) to \(answer(m.name, b))"
        }.joined(separator: "; ")
        svg.openFigure(id: id, width: width, height: height, title: heading + " (one input at a time)",
                       description: "Central run: \(answer(m.name, m.central)). " + description, [("class", "tornado")])
        svg.label(heading + ": central run " + answer(m.name, m.central), x: 0, y: 16, [("class", "chart-title")])
        // Legend: which end of the input gives which side of the bar.
        svg.empty("rect", [("x", "0"), ("y", "26"), ("width", "12"), ("height", "10"), ("fill", Self.lowColour)])
        svg.label("input at its low end", x: 16, y: 35, [("class", "small")])
        svg.empty("rect", [("x", "150"), ("y", "26"), ("width", "12"), ("height", "10"), ("fill", Self.highColour)])
        svg.label("input at its high end", x: 166, y: 35, [("class", "small")])
        if moving.count > shown.count || moving.count < bars.count {
            let still = bars.count - moving.count
            svg.label("\(shown.count) widest of \(moving.count) inputs that move it" + (still > 0 ? "; \(still) do not" : ""),
                      x: 320, y: 35, [("class", "small")])
        }
        let axisY = top + Double(shown.count) * (barHeight + gap)
        // On a depletion axis, days past the end are no dates: one tick marks "never" (days + 1).
        let depletion = m.name.hasSuffix(".depleted_day")
        var ticks: [Double] = []
        var t = lo
        while t <= hi + step / 2 {
            if !depletion || t <= Double(days) { ticks.append(t) }
            t += step
        }
        if depletion, values.contains(Double(days + 1)) {
            // Keep the ticks clear of "never": drop one that would crowd it.
            ticks.removeAll { x(Double(days + 1)) - x($0) < 70 }
            ticks.append(Double(days + 1))
        }
        for tick in ticks {
            let px = x(tick)
            svg.empty("line", [("x1", ReportNumber.svg(px)), ("y1", ReportNumber.svg(top - 4)), ("x2", ReportNumber.svg(px)),
                               ("y2", ReportNumber.svg(axisY)), ("stroke", "#e0e0e0")])
            svg.label(answer(m.name, tick), x: px, y: axisY + 16, [("class", "small"), ("text-anchor", "middle")])
        }
        for (i, (row, a, b)) in shown.enumerated() {
            let y = top + Double(i) * (barHeight + gap)
            svg.label("\(row.label) (\(basisText(row)))", x: left - 8, y: y + 14, [("class", "small"), ("text-anchor", "end")])
            for (value, colour) in [(a, Self.lowColour), (b, Self.highColour)] where value != m.central {
                let x0 = min(x(value), x(m.central)), x1 = max(x(value), x(m.central))
                svg.empty("rect", [("x", ReportNumber.svg(x0)), ("y", ReportNumber.svg(y)), ("width", ReportNumber.svg(max(1, x1 - x0))),
                                   ("height", ReportNumber.svg(barHeight)), ("fill", colour)])
            }
            let far = max(x(a), x(b), x(m.central))
            svg.label(answer(m.name, a) + " / " + answer(m.name, b), x: far + 4, y: y + 14, [("class", "small")])
        }
        svg.empty("line", [("x1", ReportNumber.svg(x(m.central))), ("y1", ReportNumber.svg(top - 6)),
                           ("x2", ReportNumber.svg(x(m.central))), ("y2", ReportNumber.svg(axisY)), ("stroke", "#1a1a1a"),
                           ("stroke-width", "1.5")])
        svg.close("svg")
        return svg.text
    }

    static let lowColour = "#4575b4", highColour = "#d73027"

    /// A round step of 1, 2 or 5 × 10ⁿ at least `raw` (days: at least 1).
    static func step(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var unit = 1.0
        while unit * 10 <= raw { unit *= 10 }
        while unit > raw && unit > 1e-9 { unit /= 10 }
        for f in [1.0, 2, 5, 10] where unit * f >= raw { return unit * f }
        return unit * 10
    }
}
