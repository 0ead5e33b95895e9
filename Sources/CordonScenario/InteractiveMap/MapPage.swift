import CordonCore
import Foundation

/// Puts `map.html` together: the date in words, the slider with its key dates, the map with
/// its zoom buttons and popup, the legend; then the data and the script, all inline.
struct MapPage {
    let summary: ReportSummary
    let layers: MapLayers

    /// The key dates of the report's maps and charts, one entry per day. The charts' marks for
    /// each encirclement and reopening are left out: the maps' dates already name them.
    var keyDates: [KeyDate] {
        let events = summary.chartEvents.map { d in KeyDate(day: d.day, labels: d.labels.filter { !["encircled", "reopened"].contains($0) }) }
        return ReportSummary.merge((summary.mapDates + events).flatMap { d in d.labels.map { (d.day, $0) } })
    }

    var html: String {
        let view = MapView(layers: layers)
        let (svg, properties) = view.svg(title: "Map of \(summary.name) on the day chosen, in UTM (EPSG:\(layers.epsg))")
        var page = SVGWriter()
        page.openPage(title: "\(summary.name): interactive map (Cordon)", css: MapPageStyle.css)
        page.open("header")
        page.element("h1", [], summary.name)
        page.open("p", [("class", "lede")])
        page.raw(SVGWriter.escape("Who holds what, day by day, \(ReportDate.long(summary.start)) – \(ReportDate.long(summary.end)). "
                                    + "Besieged side: \(summary.besieged). Click a shape for its details. "))
        page.element("a", [("href", ScenarioReport.fileName)], "The report")
        page.raw(" has the charts and tables.")
        page.close("p")
        if !layers.hasDistricts {
            page.element("p", [("class", "note")], "No districts layer: the scenario names no districts, so the map shows the "
                            + "\(summary.besieged) pockets and not who holds the ground around them.")
        }
        page.element("noscript", [], "This map needs JavaScript to draw the layers for a date; report.html shows the key dates without it.")
        page.close("header")

        page.open("main")
        controls(into: &page)
        page.open("div", [("class", "stage")])
        page.raw(svg)
        zoomButtons(into: &page)
        page.open("div", [("id", "popup"), ("class", "popup"), ("role", "dialog"), ("aria-label", "Details"), ("hidden", "hidden")])
        page.element("button", [("type", "button"), ("class", "close"), ("aria-label", "Close")], "×")
        page.element("div", [("class", "body")], "")
        page.close("div")
        page.close("div")
        page.raw(MapKey(drawn: view.drawn).html)
        page.close("main")

        page.open("footer")
        page.element("p", [], "Written by Cordon from the files of its output folder (summary.json and the GeoJSON layers); "
                        + "cordon report rebuilds it from them. Drawn in UTM (EPSG:\(layers.epsg)), north up along the grid; "
                        + "geometry is simplified for display only. Nothing is fetched from the network. "
                        + "Model estimates, not observations.")
        page.close("footer")
        data(id: "map-config", .object(config(view)), into: &page)
        data(id: "map-properties", .array(properties), into: &page)
        page.open("script")
        page.raw(MapScript.source)
        page.close("script")
        page.close("body")
        page.close("html")
        return page.text
    }

    private func controls(into page: inout SVGWriter) {
        let days = summary.end - summary.start
        page.open("div", [("class", "controls")])
        page.element("button", [("type", "button"), ("id", "play"), ("aria-pressed", "false")], "▶ Play")
        page.open("div", [("class", "slider")])
        page.empty("input", [("type", "range"), ("id", "day"), ("min", "0"), ("max", "\(days)"), ("step", "1"), ("value", "0"),
                             ("aria-label", "Date")])
        page.open("div", [("class", "ticks"), ("aria-hidden", "true")])
        for date in keyDates {
            let share = days > 0 ? Double(date.day - summary.start) / Double(days) * 100 : 0
            page.element("span", [("class", "tick"), ("style", "left: \(NumberText.fixed(share, places: 2))%"),
                                  ("title", "\(ReportDate.long(date.day)): \(date.text)")], "")
        }
        page.close("div")
        page.close("div")
        page.element("p", [("id", "date-words"), ("aria-live", "polite")], ReportDate.long(summary.start))
        page.close("div")
        page.element("p", [("id", "situation")], "")
        page.open("ol", [("class", "key-dates"), ("aria-label", "Key dates")])
        for date in keyDates {
            page.open("li")
            page.open("button", [("type", "button"), ("data-day", date.day.description)])
            page.element("time", [("datetime", date.day.description)], ReportDate.long(date.day))
            page.raw(" " + SVGWriter.escape(date.text))
            page.close("button")
            page.close("li")
        }
        page.close("ol")
    }

    private func zoomButtons(into page: inout SVGWriter) {
        page.open("div", [("class", "zoom")])
        for (id, text, label) in [("zoom-in", "+", "Zoom in"), ("zoom-out", "−", "Zoom out"),
                                  ("zoom-siege", "Siege", "Back to the siege"), ("zoom-whole", "All", "Everything in the layers")] {
            page.element("button", [("type", "button"), ("id", id), ("title", label), ("aria-label", label)], text)
        }
        page.close("div")
    }

    private func config(_ view: MapView) -> JSONObject {
        var config = JSONObject()
        config["start"] = .string(summary.start.description)
        config["end"] = .string(summary.end.description)
        config["besieged"] = .string(summary.besieged)
        config["encircled"] = .array(summary.encircled.map { span in
            var o = JSONObject()
            o["from"] = .string(span.from.description)
            o["until"] = span.until.map { .string($0.description) } ?? .null
            return .object(o)
        })
        config["whole"] = .array(view.wholeView.map(JSONValue.number))
        return config
    }

    /// JSON in a script element the browser does not run; `<` escaped, so no `</script>` in a
    /// property can end it early.
    private func data(id: String, _ value: JSONValue, into page: inout SVGWriter) {
        page.open("script", [("type", "application/json"), ("id", id)])
        page.raw(value.jsonText.replacingOccurrences(of: "<", with: "\\u003c"))
        page.close("script")
    }
}
