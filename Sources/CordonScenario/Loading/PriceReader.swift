import CordonSupply

/// Reader for a supply's `price:` (the price index, a model: docs/design.md).
extension Section {
    /// `{elasticity, cap}`: both required, so the ceiling is always a choice the file shows.
    func priceModel() throws -> PriceModel {
        let elasticityField = try required("elasticity", "how steeply the price follows scarcity, a number from 0 to 10")
        let elasticity = try elasticityField.nonNegative()
        // Past 10 the index is a step from 1 to the cap; no published flexibility comes close.
        guard elasticity <= 10 else { throw elasticityField.error("must be at most 10") }
        let capField = try required("cap", "the highest price multiple, a number from 1 to 1,000,000")
        let cap = try capField.nonNegative()
        guard cap >= 1, cap <= 1_000_000 else { throw capField.error("must be from 1 to 1,000,000 (a multiple of the price before the siege)") }
        return PriceModel(elasticity: elasticity, cap: cap)
    }
}
