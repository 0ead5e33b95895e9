import CordonCore
import Foundation

/// The report's evidence section (docs/design.md#evidence): conflict events and market prices
/// as the run's `events.geojson` and `prices.json` give them, beside the model and never part of
/// it. Absent when the run has neither.
struct ReportEvidence {
    struct Event { var day: Day; var fatalities: Double; var placed: Bool }
    struct Quote { var day: Day; var commodity: String; var unit: String; var currency: String; var price: Double; var placed: String }
    struct Row { var commodity: String, unit: String, currency: String, month: String
                 var inside: Double?, outside: Double?, multiple: Double? }

    var events: [Event]?
    var quotes: [Quote] = []
    var rows: [Row] = []
    var hasPrices = false
    let timeline: TimelineTable
    let summary: ReportSummary

    init(folder: String, timeline: TimelineTable, summary: ReportSummary) throws {
        self.timeline = timeline
        self.summary = summary
        let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        if FileManager.default.fileExists(atPath: path("events.geojson")) {
            let data = Data(try ReportInputError.read(path("events.geojson")))
            guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let features = root["features"] as? [[String: Any]] else {
                throw ReportInputError(path("events.geojson"), "not a GeoJSON FeatureCollection")
            }
            events = features.compactMap { f in
                guard let p = f["properties"] as? [String: Any], let day = (p["date"] as? String).flatMap(Day.init(iso:)) else { return nil }
                return Event(day: day, fatalities: (p["fatalities"] as? Double) ?? 0, placed: (p["placed"] as? Bool) ?? false)
            }
        }
        if FileManager.default.fileExists(atPath: path("prices.json")) {
            let data = Data(try ReportInputError.read(path("prices.json")))
            guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ReportInputError(path("prices.json"), "not a cordon prices table")
            }
            hasPrices = true
            quotes = (root["quotes"] as? [[String: Any]] ?? []).compactMap { q in
                guard let day = (q["date"] as? String).flatMap(Day.init(iso:)), let price = q["price"] as? Double else { return nil }
                return Quote(day: day, commodity: q["commodity"] as? String ?? "?", unit: q["unit"] as? String ?? "",
                             currency: q["currency"] as? String ?? "", price: price, placed: q["placed"] as? String ?? "")
            }
            rows = (root["rows"] as? [[String: Any]] ?? []).map { r in
                Row(commodity: r["commodity"] as? String ?? "?", unit: r["unit"] as? String ?? "", currency: r["currency"] as? String ?? "",
                    month: r["month"] as? String ?? "", inside: r["inside_median"] as? Double, outside: r["outside_median"] as? Double,
                    multiple: r["multiple"] as? Double)
            }
        }
    }

    var isEmpty: Bool { events == nil && !hasPrices }

    /// The section, or nothing when the run has no evidence.
    var html: String {
        guard !isEmpty else { return "" }
        var page = SVGWriter()
        page.open("section", [("id", "evidence"), ("class", "charts")])
        page.element("h2", [], "Evidence beside the model")
        page.element("p", [], "What the scenario's event and price files say, in the same days and pockets as the model. "
                        + "Evidence, not model: nothing here enters the supply simulation unless the scenario sets evidence_status. "
                        + "The files say where each row comes from; hand-compiled files hold only what public reporting cites.")
        if let events {
            let placed = events.filter(\.placed).count
            page.element("p", [], "\(events.count) events in the scenario's days: \(placed) placed on the maps (dots: the 30 days up to each map's date, "
                            + "area by deaths reported), \(events.count - placed) too imprecisely located to place, counted apart.")
            page.open("figure")
            page.raw(eventChart(events))
            page.close("figure")
        }
        if hasPrices {
            if let chart = priceChart() {
                page.open("figure")
                page.raw(chart)
                page.close("figure")
            }
            page.raw(priceTable)
        }
        page.close("section")
        return page.text
    }

    private func rolling(_ events: [Event], _ value: (Event) -> Double) -> [Double?] {
        var perDay = [Double](repeating: 0, count: timeline.days.count)
        guard let first = timeline.days.first else { return [] }
        for e in events { let d = e.day - first; if d >= 0, d < perDay.count { perDay[d] += value(e) } }
        var sum = 0.0
        return perDay.indices.map { d in
            sum += perDay[d]
            if d >= 30 { sum -= perDay[d - 30] }
            return sum
        }
    }

    private func eventChart(_ events: [Event]) -> String {
        var chart = TimeChart(id: "chart-events", title: "Conflict events reported, 30 days up to each day",
                              description: "Events in the scenario's event file over the 30 days up to each day: those placed on the map, and those counted apart "
                                  + "as too imprecisely located. Evidence, not model.", unit: "events", days: timeline.days)
        chart.series.append(.init(label: "placed", values: rolling(events.filter(\.placed)) { _ in 1 }, colour: "#7a0019", width: 2.5))
        chart.series.append(.init(label: "counted apart (imprecise)", values: rolling(events.filter { !$0.placed }) { _ in 1 },
                                  colour: "#888888", dash: "5 3"))
        chart.marks = summary.chartEvents.map { TimeChart.Mark(day: $0.day, text: $0.text) }
        return chart.svg()
    }

    /// Each commodity's quotes inside the besieged pockets as a multiple of its first quote
    /// there, held until the next; beside them any modelled price index the timeline has.
    private func priceChart() -> String? {
        guard let first = timeline.days.first else { return nil }
        var chart = TimeChart(id: "chart-prices", title: "Prices inside the besieged pockets, as a multiple of each commodity's first quote",
                              description: "Observed prices (the scenario's price file) inside the besieged pockets, each commodity divided by its first quote "
                                  + "there and held until the next quote; modelled price indices, where the timeline has them, beside them.",
                              unit: "× first quote", days: timeline.days)
        let colours = ["#7a0019", "#1f5fa8", "#2e7d32", "#b26a00", "#6a1b9a", "#444444"]
        var names: [String] = []
        for q in quotes where q.placed == "inside" && !names.contains(q.commodity) { names.append(q.commodity) }
        for (i, name) in names.enumerated() {
            let mine = quotes.filter { $0.placed == "inside" && $0.commodity == name }.sorted { $0.day < $1.day }
            guard let base = mine.first?.price, base > 0 else { continue }
            var values = [Double?](repeating: nil, count: timeline.days.count)
            for (k, q) in mine.enumerated() {
                let a = max(0, q.day - first), b = k + 1 < mine.count ? max(0, mine[k + 1].day - first) : values.count
                if a < values.count { for d in a..<min(b, values.count) { values[d] = q.price / base } }
            }
            chart.series.append(.init(label: "\(name) (observed)", values: values, colour: colours[i % colours.count]))
        }
        for (i, c) in timeline.commodities.enumerated() {
            if let modelled = timeline.column("\(c)_price_index") {
                chart.series.append(.init(label: "\(c) price index (model)", values: modelled, colour: colours[(names.count + i) % colours.count],
                                          dash: "6 3"))
            }
        }
        guard !chart.series.isEmpty else { return nil }
        chart.marks = summary.chartEvents.map { TimeChart.Mark(day: $0.day, text: $0.text) }
        return chart.svg()
    }

    private var priceTable: String {
        var html = SVGWriter()
        html.open("table")
        html.element("caption", [], "Prices per commodity and month: median inside the besieged pockets, outside them, and the multiple (observed)")
        html.open("thead")
        html.open("tr")
        for (i, h) in ["commodity", "unit", "currency", "month", "inside (median)", "outside (median)", "multiple"].enumerated() {
            html.element("th", i >= 4 ? [("class", "num")] : [], h)
        }
        html.close("tr")
        html.close("thead")
        html.open("tbody")
        func n(_ v: Double?) -> String { v.map { NumberText.grouped($0, places: $0 < 100 ? 2 : 0) } ?? "–" }
        for r in rows {
            html.open("tr")
            for (i, cell) in [r.commodity, r.unit, r.currency, r.month, n(r.inside), n(r.outside), n(r.multiple)].enumerated() {
                html.element("td", i >= 4 ? [("class", "num")] : [], cell)
            }
            html.close("tr")
        }
        html.close("tbody")
        html.close("table")
        return html.text
    }
}
