import CordonCore
import CordonSupply

/// The top of the report: title, the headline findings, and what the figures rest on.
struct ReportIntro {
    let summary: ReportSummary
    /// What was reported during the siege, when the folder has hindcast.json.
    var record: ReportRecord? = nil

    private var period: String { "\(ReportDate.long(summary.start)) – \(ReportDate.long(summary.end))" }

    var header: String {
        var html = SVGWriter()
        html.open("header")
        html.element("h1", [], summary.name)
        html.element("p", [("class", "lede")],
                     "Siege and supplies, \(period). Besieged side: \(summary.besieged). "
                        + "Focus point \(NumberText.grouped(summary.focus.lon, places: 4)) E, \(NumberText.grouped(summary.focus.lat, places: 4)) N.")
        html.open("p", [("class", "map-link")])
        html.raw("Interactive map: ")
        html.element("a", [("href", InteractiveMap.fileName)], InteractiveMap.fileName)
        html.raw(" (beside this page: every day of the run on a date slider, each shape's details on a click)")
        html.close("p")
        html.element("p", [("class", "warning")],
                     "Every figure here is a model estimate computed by Cordon from the input files and assumptions listed "
                        + (record == nil ? "below. None is an observation."
                            : "below, except the reports set against the model in \"The model against the record\", each with its source."))
        html.close("header")
        html.raw(findings)
        return html.text
    }

    private var findings: String {
        var html = SVGWriter()
        html.open("div", [("class", "findings")])
        let spans = summary.encircled.map { s in
            // Both ends inclusive, as in the siege table's "first day" and "last day encircled".
            summary.short(s.from) + " – " + summary.short(min((s.until ?? summary.end + 1) - 1, summary.end))
        }
        finding(&html, "Encircled", spans.isEmpty ? "never" : spans.joined(separator: ", "),
                spans.isEmpty ? "the pocket holding the focus point keeps a way out"
                    : "\(spans.count) siege period\(spans.count == 1 ? "" : "s"): first and last day encircled, both included")
        if let people = summary.populationAtFirstEncirclement {
            finding(&html, "People inside", "about \(NumberText.grouped(people))", "at the first encirclement")
        }
        for d in summary.depletion {
            let main = (d.p50 ?? d.central).map(ReportDate.long) ?? "lasts to the end"
            var note = d.p50 != nil ? "median of the Monte Carlo runs" : "central run"
            if let p5 = d.p5, let p95 = d.p95 { note += "; P5–P95 \(summary.short(p5)) – \(summary.short(p95))" }
            if let central = d.central, d.p50 != nil { note += "; central run \(summary.short(central))" }
            finding(&html, "\(d.commodity.capitalized) runs out", main, note)
        }
        if let evacuated = summary.evacuated, evacuated > 0 {
            finding(&html, "Evacuated", NumberText.grouped(evacuated), "people, by the end (central run)")
        }
        if let record {
            let scored = record.rows.compactMap(\.inside)
            if !scored.isEmpty {
                finding(&html, "Against the record", "\(scored.filter { $0 }.count) of \(scored.count) reports",
                        "inside the Monte Carlo runs' P5–P95 (see \"The model against the record\")")
            }
        }
        html.close("div")
        if !summary.restorations.isEmpty {
            html.open("p", [("class", "restorations")])
            html.raw("Supplies restored (central run): ")
            html.raw(summary.restorations.map { r in
                let by = r.by.isEmpty ? "with no inflow (need fell)" : "by " + r.by.joined(separator: " and ")
                return SVGWriter.escape("\(r.commodity.capitalized) short from \(summary.short(r.shortFrom)), "
                                        + "restored on \(summary.short(r.restored)) \(by)")
            }.joined(separator: "; ") + ".")
            html.close("p")
        }
        return html.text
    }

    private func finding(_ html: inout SVGWriter, _ what: String, _ value: String, _ note: String) {
        html.open("div", [("class", "finding")])
        html.element("span", [], what)
        html.element("strong", [], value)
        html.element("span", [("class", "small")], note)
        html.close("div")
    }

    var basis: String {
        var html = SVGWriter()
        html.open("section", [("id", "basis")])
        html.element("h2", [], "What these figures rest on")
        html.element("p", [],
                     "These are model estimates, not observations. They follow from a control map (who holds which ground on "
                        + "which days), routes and corridors, districts with population figures, and supply assumptions, "
                        + "through the rules in Cordon's design: a pocket is encircled when it has no way out to the edge of the "
                        + "study area; a route is cut where it crosses hostile ground and under fire within fire range of it; "
                        + "supplies are simulated day by day. Change an input and the figures change with it.")
        if let basis = summary.basis {
            html.open("p")
            html.raw("Scenario: <code>\(SVGWriter.escape(basis.scenario))</code>. Input files: ")
            html.raw(basis.inputs.map { "\(SVGWriter.escape($0.role)) <code>\(SVGWriter.escape($0.file))</code>" }.joined(separator: ", "))
            html.raw(".")
            html.close("p")
            if let sources = basis.sources {
                html.open("p")
                html.raw("Sources: every figure of the scenario, where it comes from and what is approximate are written down in "
                         + "<code>\(SVGWriter.escape(sources))</code>, beside the scenario.")
                html.close("p")
            }
            if !basis.assumptions.isEmpty {
                html.element("h3", [], "Assumptions")
                html.open("ul", [("class", "assumptions")])
                for a in basis.assumptions { html.element("li", [], a) }
                html.close("ul")
            }
        } else {
            html.element("p", [], "This output folder's summary.json names no inputs; run the scenario again with cordon run to list them.")
        }
        html.close("section")
        return html.text
    }
}
