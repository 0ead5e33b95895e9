import CordonCore
import CordonSupply

/// The report's tables: siege periods, pockets, routes with their status history, and
/// depletion dates with their Monte Carlo spread.
struct ReportTables {
    let summary: ReportSummary
    let layers: MapLayers

    /// An HTML table with a caption; the columns in `numeric` right-aligned.
    static func table(_ caption: String, _ head: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var html = SVGWriter()
        html.open("table")
        html.element("caption", [], caption)
        html.open("thead")
        html.open("tr")
        for (i, h) in head.enumerated() { html.element("th", numeric.contains(i) ? [("class", "num")] : [], h) }
        html.close("tr")
        html.close("thead")
        html.open("tbody")
        for row in rows {
            html.open("tr")
            for (i, cell) in row.enumerated() { html.element("td", numeric.contains(i) ? [("class", "num")] : [], cell) }
            html.close("tr")
        }
        html.close("tbody")
        html.close("table")
        return html.text
    }

    /// "17 Jul 2016 – 5 Aug 2016": the last day held, not the exclusive `until`.
    private func days(_ from: Day, _ until: Day?) -> String {
        ReportDate.long(from) + " – " + (until.map { ReportDate.long($0 - 1) } ?? "end")
    }

    private func focusPocket(on day: Day) -> MapItem? {
        layers.pockets.first { $0.holds(on: day) && $0.bool("focus") == true }
    }

    var siegePeriods: String {
        let rows = summary.encircled.map { span -> [String] in
            let pocket = focusPocket(on: span.from)
            let last = min((span.until ?? summary.end + 1) - 1, summary.end)
            return [ReportDate.long(span.from), ReportDate.long(last),
                    span.until.map { $0 <= summary.end ? ReportDate.long($0) : "after the end" } ?? "after the end",
                    "\(last - span.from + 1)",
                    pocket.flatMap { $0.number("area_km2") }.map { NumberText.grouped($0, places: 1) } ?? "",
                    pocket.flatMap { $0.number("population") }.map { NumberText.grouped($0) } ?? ""]
        }
        return Self.table("Siege periods: when the \(summary.besieged) pocket holding the focus point was encircled",
                     ["first day encircled", "last day encircled", "reopened or fallen on", "days", "area at the start (km²)",
                      "people inside at the start"],
                     rows, numeric: [3, 4, 5])
    }

    var pockets: String {
        let rows = layers.pockets.sorted { ($0.from?.ordinal ?? 0, $0.number("pocket") ?? 0) < ($1.from?.ordinal ?? 0, $1.number("pocket") ?? 0) }
            .map { p -> [String] in
                [p.from.map { days($0, p.until) } ?? "", NumberText.grouped(p.number("pocket") ?? 0),
                 p.bool("focus") == true ? "yes" : "", p.string("status") ?? "",
                 NumberText.grouped(p.number("area_km2") ?? 0, places: 1), NumberText.grouped(p.number("population") ?? 0),
                 p.number("closure_m").map { NumberText.grouped($0) } ?? ""]
            }
        // Two counts of people differ on purpose: say which this is.
        return Self.table("Pockets of the \(summary.besieged) side in every period of the map (areas geodesic; people: the map's "
                         + "residents of the pocket's ground, weighted by area, not the supply model's people inside, which start "
                         + "from the scenario's population and change only by evacuation and population changes)",
                     ["period", "pocket", "focus", "status", "area (km²)", "people on the map", "closure (m)"], rows, numeric: [1, 4, 5, 6])
    }

    var routes: String {
        var order: [String] = [], kinds: [String: String] = [:]
        for r in layers.routes where r.isWholeRoute {
            guard let name = r.string("route"), kinds[name] == nil else { continue }
            order.append(name)
            kinds[name] = r.string("kind") ?? ""
        }
        order += summary.routes.keys.sorted().filter { !order.contains($0) }
        let rows = order.map { name -> [String] in
            let spans = summary.routes[name] ?? []
            let corridor = kinds[name] == "corridor"
            let labelled = spans.map { span in
                (label: corridor ? (span.declaredOpen == true ? "declared open" : "not declared")
                                 : span.status.replacingOccurrences(of: "_", with: " "),
                 from: span.from, until: span.until)
            }
            // Periods split by changes elsewhere in the map read as one when the label stays.
            var merged: [(label: String, from: Day, until: Day)] = []
            for span in labelled {
                if let last = merged.last, last.label == span.label, last.until == span.from {
                    merged[merged.count - 1].until = span.until
                } else {
                    merged.append(span)
                }
            }
            let history = merged.map { "\($0.label) \(days($0.from, $0.until))" }.joined(separator: "; ")
            return [name, kinds[name] ?? "", history]
        }
        return Self.table("Routes and corridors: status over time (a corridor crosses the front by design, so it is judged by whether it is declared open)",
                     ["route", "kind", "status history"], rows)
    }

    var depletion: String {
        let mc = summary.monteCarlo
        let rows = summary.depletion.map { d -> [String] in
            let unit = summary.basis?.commodities.first { $0.name == d.commodity }.map { " (\($0.unit))" } ?? ""
            let date = { (x: Day?) in x.map(ReportDate.long) ?? "after the end" }
            return [d.commodity + unit, date(d.central)]
                + (mc == nil ? [] : [date(d.p5), date(d.p50), date(d.p95), d.never.map { ReportNumber.percent($0, places: 1) } ?? ""])
                + [d.bands.filter { $0.band != "full" }.map { "\($0.band) \(summary.short($0.day))" }.joined(separator: ", ")]
        }
        let head = ["commodity", "runs out (central run)"]
            + (mc == nil ? [] : ["P5", "P50", "P95", "runs that never run out"]) + ["first day of each ration band"]
        let caption = "When supplies run out" + (mc.map { ": the central run and the spread of \(NumberText.grouped(Double($0.runs))) Monte Carlo runs (seed \($0.seed))" } ?? "")
        var html = SVGWriter()
        html.raw(Self.table(caption, head, rows))
        if summary.depletion.contains(where: { $0.bands.contains { $0.band != "full" } }) { html.element("p", [("class", "note")], Self.bandNote) }
        return html.text
    }

    /// The ration bands are Cordon's own cut-offs (RationBand, docs/design.md "Ration bands"),
    /// which readers in the humanitarian field would otherwise take for IPC phases.
    static let bandNote = "Ration bands are Cordon's own thresholds on the share of full need handed out, not IPC phases: "
        + "reduced below 100 %, crisis below 80 %, emergency below 50 %, catastrophe below 20 %. "
        + "Each date is the first day at that band or a worse one."
}
