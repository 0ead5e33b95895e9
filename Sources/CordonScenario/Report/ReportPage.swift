import CordonCore

/// Puts the report together: header and findings, basis, maps, charts, tables.
struct ReportPage {
    let summary: ReportSummary
    let timeline: TimelineTable
    let layers: MapLayers
    /// "What moves the answer", when the folder has sensitivity.json.
    var sensitivity: ReportSensitivity?
    /// "The model against the record", when the folder has hindcast.json.
    var record: ReportRecord?
    /// The evidence section's markup (`ReportEvidence`); empty when the run has no evidence.
    var evidence = ""

    private var palette: Palette {
        let basis = summary.basis
        let controllers = basis?.controllers ?? Array(Set(ground.compactMap { $0.string("controller") })).sorted()
        return Palette(besieged: summary.besieged, allies: basis?.allies ?? [], neutral: basis?.neutral ?? [],
                       controllers: controllers)
    }

    /// What the maps fill: the districts, or the pockets when the run has no districts layer.
    private var ground: [MapItem] { layers.hasDistricts ? layers.districts : layers.pockets }

    /// Controllers in palette order (besieged, allies, the rest by name), as the legends list them.
    private var legendControllers: [String] {
        let present = Set(ground.compactMap { $0.string("controller") })
        let allies = summary.basis?.allies ?? []
        return ([summary.besieged] + allies + present.sorted()).reduce(into: [String]()) { out, c in
            if present.contains(c) && !out.contains(c) { out.append(c) }
        }
    }

    /// What the pocket's fronts face, for the legend: controllers in palette order, then the
    /// study area's edge and gaps in the map. Every map shares it, so the legends agree.
    private var legendFronts: [String] {
        let present = Set(layers.fronts.compactMap { $0.string("across") })
        let controllers = summary.basis?.controllers ?? present.sorted()
        let order = [summary.besieged] + (summary.basis?.allies ?? []) + controllers.sorted()
            + present.subtracting(["neutral", "edge", "gap"]).sorted() + ["neutral", "edge", "gap"]
        return order.reduce(into: [String]()) { out, c in
            if present.contains(c) && !out.contains(c) { out.append(c) }
        }
    }

    var html: String {
        let intro = ReportIntro(summary: summary, record: record)
        let tables = ReportTables(summary: summary, layers: layers)
        var page = SVGWriter()
        page.openPage(title: "\(summary.name): siege and supplies (Cordon report)", css: ReportStyle.css)
        page.open("main")
        page.raw(intro.header)
        page.raw(intro.basis)

        page.open("section", [("id", "maps")])
        page.element("h2", [], "Maps at the key dates")
        if layers.hasDistricts {
            page.element("p", [], "Who holds which district on each key date, in UTM (EPSG:\(layers.epsg)), so shapes and distances are true. "
                            + "The besieged pocket is outlined by its fronts; routes are drawn by their condition that day.")
        } else {
            page.element("p", [], "No districts layer: the scenario names no districts, so these maps do not show who holds the ground. "
                            + "They show the besieged side's pockets on each key date, in UTM (EPSG:\(layers.epsg)), so shapes and "
                            + "distances are true; the besieged pocket is outlined by its fronts and routes are drawn by their condition that day.")
        }
        page.open("div", [("class", "maps")])
        let palette = self.palette, controllers = legendControllers, fronts = legendFronts
        let panels = summary.mapDates.map {
            MapPanel(layers: layers, palette: palette, besieged: summary.besieged, date: $0, controllers: controllers, fronts: fronts)
        }
        let eventRows = panels.map(\.eventLines.count).max() ?? 1
        for var panel in panels {
            panel.eventRows = eventRows
            page.open("figure")
            page.raw(panel.svg())
            if let notDrawn = panel.notDrawn { page.element("figcaption", [], notDrawn) }
            page.close("figure")
        }
        page.close("div")
        page.close("section")

        page.open("section", [("id", "charts"), ("class", "charts")])
        page.element("h2", [], "Supplies and people over time")
        page.element("p", [], "Day by day from the supply simulation. Dashed lines mark the siege's key dates; the heavier ones when supplies run out"
                        + (record != nil ? "; blue marks and rings what was reported at the time (see \"The model against the record\")." : "."))
        for chart in ReportCharts(timeline: timeline, summary: summary, record: record).all {
            page.open("figure")
            page.raw(chart)
            page.close("figure")
        }
        page.close("section")

        if let record { page.raw(record.html) }
        if let sensitivity { page.raw(sensitivity.html) }
        page.raw(evidence)

        page.open("section", [("id", "tables")])
        page.element("h2", [], "Tables")
        page.raw(tables.siegePeriods)
        page.raw(tables.depletion)
        page.raw(tables.routes)
        page.raw(tables.pockets)
        page.close("section")

        page.open("footer")
        page.element("p", [], "Written by Cordon from the files of its output folder (summary.json, timeline.csv and the four "
                        + "GeoJSON layers); cordon report rebuilds it from them. Geometry is simplified for display only. "
                        + "Model estimates, not observations.")
        page.close("footer")
        page.close("main")
        page.close("body")
        page.close("html")
        return page.text
    }
}
