extension ReportCharts {
    /// The price index of each commodity that has one (`<commodity>_price_index`), labelled as the
    /// model it is; nil when no commodity has a `price`.
    var prices: TimeChart? {
        var chart = base("chart-price", "Price index, a model (multiple of the price before the siege)",
                         "A model, not observed prices: each commodity's price as a multiple of its price before the siege, "
                             + "min(cap, (D0 / D) ^ elasticity) with D the days of supply left and D0 those on the first day "
                             + "(docs/design.md, \"The price index\"), in the central run. The scenario's price elasticity and cap "
                             + "set it; compare it with reported prices before reading anything into it.",
                         unit: "× pre-siege price")
        chart.series = timeline.commodities.enumerated().compactMap { i, c in
            timeline.column("\(c)_price_index").map { values in
                .init(label: "\(c) (model)", values: values, colour: Self.colours[i % Self.colours.count],
                      dash: Self.dashes[i % Self.dashes.count], width: 2.5)
            }
        }
        chart.points = timeline.commodities.flatMap { c in
            record?.points(.priceMultiple(c), label: "\(c) price multiple, reported") ?? []
        }
        chart.marks = events + timeline.commodities.filter { timeline.column("\($0)_price_index") != nil }.compactMap(depletionMark)
        return chart.series.isEmpty ? nil : chart
    }
}
