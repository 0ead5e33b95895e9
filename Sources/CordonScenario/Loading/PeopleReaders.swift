import CordonSupply

/// Readers for `population_changes` and a supply's `need_by_month`.
extension Section {
    /// `{kind, per_day | per_10k_day, from, until, max_total, while_short}`.
    func populationChange(stocked: [String]) throws -> PopulationChange {
        let kindField = try required("kind", "deaths, arrivals or departures")
        let kindName = try kindField.string()
        guard let kind = PopulationChange.Kind(rawValue: kindName) else {
            throw kindField.error("'\(kindName)' is not a kind, \(Suggestion.hint(for: kindName, in: PopulationChange.Kind.allCases.map(\.rawValue)))")
        }
        let given = PopulationChange.Basis.allCases.filter { has($0.rawValue) }
        guard given.count == 1, let basis = given.first, let rateField = optional(basis.rawValue) else {
            if given.count > 1 { throw optional("per_10k_day")!.error("not with per_day: give one rate, per_day or per_10k_day") }
            throw error("give per_day (people a day) or per_10k_day (a day per 10,000 people inside)")
        }
        var whileShort: String?
        if let field = optional("while_short") {
            let name = try field.string()
            guard stocked.contains(name) else {
                throw field.error("'\(name)' is not stocked (supplies: \(stocked.joined(separator: ", ")))")
            }
            whileShort = name
        }
        let (from, until) = try window()
        return PopulationChange(kind, rate: try rateField.amount(), basis: basis, from: from, until: until,
                                maxTotal: try optional("max_total")?.amount() ?? .infinity, whileShort: whileShort)
    }
}

extension Field {
    /// Twelve factors ≥ 0, January to December.
    func monthFactors() throws -> [Double] {
        let items = try list()
        guard items.count == 12 else {
            throw error("must list 12 factors, January to December (it lists \(items.count))")
        }
        return try items.map { try $0.amount() }
    }
}
