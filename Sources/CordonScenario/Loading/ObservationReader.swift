import CordonCore
import CordonSupply

/// Reader for one entry of `observations`.
extension Section {
    /// `{date, what, value?, source, note?}`, checked against the scenario's dates and commodities.
    func observation(in scenario: SupplyScenario) throws -> Observation {
        let dateField = try required("date", "the day it was observed, yyyy-mm-dd")
        let date = try dateField.day()
        guard date >= scenario.start, date <= scenario.end else {
            throw dateField.error("\(date) is outside the scenario (\(scenario.start) to \(scenario.end))")
        }
        let whatField = try required("what", "food.depleted, food.restored, siege.start, siege.end, population or food.price_multiple")
        let spelling = try whatField.string()
        let stocked = scenario.supplies.map(\.commodity)
        guard let what = Observation.What(spelling: spelling) else {
            let forms = ["siege.start", "siege.end", "population"]
                + stocked.flatMap { c in Observation.What.commodityForms.map { "\(c).\($0)" } }
            throw whatField.error("'\(spelling)' is not something Cordon can compare, \(Suggestion.hint(for: spelling, in: forms))")
        }
        if let commodity = what.commodity, !stocked.contains(commodity) {
            throw whatField.error("'\(commodity)' is not stocked (supplies: \(stocked.joined(separator: ", ")))")
        }
        let value = try optional("value")?.amount()
        if what.needsValue, value == nil {
            throw error("\(spelling) needs a value: the number observed")
        }
        let source = try required("source", "where it was reported: a citation a reader can follow").string()
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw try required("source", "").error("must not be empty: say where it was reported")
        }
        return Observation(date: date, what: what, value: value, source: source, note: try optional("note")?.string())
    }
}
