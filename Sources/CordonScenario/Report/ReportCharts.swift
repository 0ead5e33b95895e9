import CordonSupply

/// The charts of the report: each commodity's stock with its P5–P95 band, the share of need
/// handed out, days of supply, and people inside and evacuated, all marked with the siege's key dates.
struct ReportCharts {
    let timeline: TimelineTable
    let summary: ReportSummary
    /// What was reported during the siege (`hindcast.json`): blue marks and rings on the charts.
    var record: ReportRecord? = nil

    /// Commodity lines take the layers' palette in turn; dashes tell them apart without colour.
    static let colours = [Palette.controllerColours[0], Palette.controllerColours[1], Palette.open,
                                  Palette.controllerColours[2], Palette.underFire]
    static let dashes: [String?] = [nil, "8 4", "2 3", "12 3 2 3", "4 4"]

    private func unit(_ commodity: String) -> String {
        summary.basis?.commodities.first { $0.name == commodity }?.unit ?? "units"
    }

    var events: [TimeChart.Mark] {
        summary.chartEvents.map { TimeChart.Mark(day: $0.day, text: $0.text) }
    }

    func depletionMark(_ commodity: String) -> TimeChart.Mark? {
        guard let d = summary.depletion.first(where: { $0.commodity == commodity }), let day = d.p50 ?? d.central else { return nil }
        return TimeChart.Mark(day: day, text: "\(commodity) runs out (\(d.p50 != nil ? "P50" : "central run"))", outcome: true)
    }

    func base(_ id: String, _ title: String, _ description: String, unit: String) -> TimeChart {
        TimeChart(id: id, title: title, description: description, unit: unit, days: timeline.days)
    }

    var all: [String] {
        timeline.commodities.enumerated().map { stock($1, $0) } + [rations, daysOfSupply, prices, people].compactMap { $0?.svg() }
    }

    private func stock(_ commodity: String, _ i: Int) -> String {
        let u = unit(commodity)
        let colour = Self.colours[i % Self.colours.count]
        var chart = base("chart-stock-\(commodity)", "\(commodity.capitalized) stock inside the pocket (\(u))",
                         "The \(commodity) stock at the end of each day, in \(u): the central run"
                             + (timeline.column("\(commodity)_stock_p5") != nil ? ", and the 5th to 95th percentile of the Monte Carlo runs" : "")
                             + ". Marked: the siege's key dates and when \(commodity) runs out.", unit: u)
        chart.attributes = [("data-commodity", commodity)]
        if let p5 = timeline.column("\(commodity)_stock_p5"), let p95 = timeline.column("\(commodity)_stock_p95") {
            chart.bands.append(.init(label: "P5–P95 of the Monte Carlo runs", lower: p5, upper: p95, colour: colour))
        }
        if let p50 = timeline.column("\(commodity)_stock_p50") {
            chart.series.append(.init(label: "P50 (median run)", values: p50, colour: "#000000", dash: "5 3", width: 1.5))
        }
        if let central = timeline.column("\(commodity)_stock") {
            chart.series.append(.init(label: "central run", values: central, colour: colour, width: 2.5))
        }
        chart.marks = events + [depletionMark(commodity)].compactMap { $0 } + (record?.marks(commodity) ?? [])
        return chart.svg()
    }

    /// One line per commodity over every commodity's chart: the ration or the days of supply.
    private func perCommodity(_ column: String, _ scale: Double) -> [TimeChart.Series] {
        timeline.commodities.enumerated().compactMap { i, c in
            timeline.column("\(c)_\(column)").map { values in
                .init(label: c, values: values.map { $0.map { $0 * scale } }, colour: Self.colours[i % Self.colours.count],
                      dash: Self.dashes[i % Self.dashes.count], width: 2.5)
            }
        }
    }

    /// What was handed out each day as a share of full need: consumed ÷ (consumed + shortfall),
    /// the timeline's own columns (shortfall = need − consumed). No value on a day with no one
    /// inside. The ration in force is not this: once a stock is gone the ration stays in force
    /// but nothing, or only that day's inflow, is handed out.
    private func handedOut(_ commodity: String) -> [Double?]? {
        guard let consumed = timeline.column("\(commodity)_consumed"),
              let shortfall = timeline.column("\(commodity)_shortfall") else { return nil }
        return zip(consumed, shortfall).map { c, s in
            guard let c, let s, c + s > 0 else { return nil }
            return min(100, max(0, c / (c + s) * 100))
        }
    }

    private var rations: TimeChart? {
        let handed = timeline.commodities.map { handedOut($0) }
        guard !handed.contains(where: { $0 == nil }) else { return rationsInForce }
        var chart = base("chart-ration", "Share of full need handed out (%)",
                         "What was handed out of each commodity each day, as a percentage of the full need of the people "
                             + "inside, in the central run: consumed ÷ (consumed + shortfall) from timeline.csv. It is the ration "
                             + "in force while the stock covers it, less once it does not, and 0 once the stock is gone unless "
                             + "something comes in that day.",
                         unit: "% of full need")
        chart.series = timeline.commodities.enumerated().map { i, c in
            .init(label: c, values: handed[i] ?? [], colour: Self.colours[i % Self.colours.count],
                  dash: Self.dashes[i % Self.dashes.count], width: 2.5)
        }
        chart.fixedTop = 100
        chart.marks = events + timeline.commodities.compactMap(depletionMark)
        return chart
    }

    /// For a timeline without consumed and shortfall columns: the ration policy, titled as such.
    private var rationsInForce: TimeChart? {
        var chart = base("chart-ration", "Ration in force (share of full need, %); nothing is handed out once the stock is 0",
                         "The ration of each commodity in force each day, as a percentage of the full need, in the central "
                             + "run. It is what rationing allows, not what was handed out: once a stock is 0 the ration stays in "
                             + "force but nothing is handed out. The timeline holds no consumed and shortfall columns to show more.",
                         unit: "% of full need")
        chart.series = perCommodity("ration", 100)
        chart.fixedTop = 100
        chart.marks = events + timeline.commodities.compactMap(depletionMark)
        return chart.series.isEmpty ? nil : chart
    }

    private var daysOfSupply: TimeChart? {
        var chart = base("chart-days", "Days of supply left (days)",
                         "The stock of each commodity divided by the full daily need of the people inside, in the central run.",
                         unit: "days")
        chart.series = perCommodity("days_left", 1)
        chart.marks = events + timeline.commodities.compactMap(depletionMark)
        return chart.series.isEmpty ? nil : chart
    }

    private var people: TimeChart? {
        guard let population = timeline.column("population") else { return nil }
        var chart = base("chart-people", "People inside and people evacuated (people)",
                         "The population inside the pocket each day, and the people evacuated so far, in the central run.",
                         unit: "people")
        chart.series = [.init(label: "people inside", values: population, colour: Self.colours[0], width: 2.5)]
        if let evacuated = timeline.column("evacuated") {
            chart.series.append(.init(label: "evacuated so far", values: evacuated, colour: Self.colours[1], dash: "8 4", width: 2.5))
        }
        chart.marks = events
        chart.points = record?.points(.population, label: "people inside, reported") ?? []
        return chart
    }
}
