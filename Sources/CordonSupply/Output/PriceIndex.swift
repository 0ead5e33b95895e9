extension SupplyRun {
    /// The price index (a model: ``PriceModel``) of supply `c` on each day of the run, from its
    /// `days_left` against the first day's; nil when the supply has no `price`.
    ///
    /// - Parameter c: The supply's position in the scenario.
    public func priceIndex(_ c: Int) -> [Double]? {
        guard scenario.supplies.indices.contains(c), let model = scenario.supplies[c].price,
              let first = days.first, c < first.commodities.count else { return nil }
        let atStart = first.commodities[c].daysLeft
        return days.map { model.multiple(daysLeft: $0.commodities[c].daysLeft, atStart: atStart) }
    }
}
