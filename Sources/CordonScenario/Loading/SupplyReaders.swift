import CordonCore
import Foundation
import CordonSupply

/// Readers for the supply sections of a scenario file, each turning one list item into the model.
extension Section {
    func supply() throws -> Supply {
        let name = try required("commodity", "a name such as flour").string()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            throw try required("commodity", "").error("use letters, digits, '_' or '-' (it names columns and vary paths)")
        }
        var supply = Supply(commodity: name,
                      unit: try required("unit", "the unit, such as kg").string(),
                      stock: try required("stock", "a number ≥ 0").amount(),
                      needPerPersonDay: try required("need_per_person_day", "a number ≥ 0").amount(),
                      spoilagePerDay: try optional("spoilage_per_day")?.share() ?? 0,
                      needByMonth: try optional("need_by_month").map { try $0.monthFactors() },
                      kcalPerUnit: try optional("kcal_per_unit")?.amount())
        supply.price = try optional("price")?.section(ScenarioKeys.price).priceModel()
        return supply
    }

    /// An inflow is either daily (`per_day` with optional ways in, window and suspensions) or
    /// one delivery (`date`, `amount`). Its `name` is left to the default when not given; the
    /// scenario reader makes names unique.
    func inflow(stocked: [String]) throws -> Inflow {
        let commodityField = try required("commodity", "the commodity it brings")
        let commodity = try commodityField.string()
        guard stocked.contains(commodity) else {
            throw commodityField.error("'\(commodity)' is not stocked (supplies: \(stocked.joined(separator: ", ")))")
        }
        let name = try optional("name").map { field in
            let text = try field.string()
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw field.error("must not be empty") }
            return text
        }
        if let perDay = optional("per_day") {
            if let stray = ["date", "amount"].first(where: has) {
                throw optional(stray)!.error("not with per_day: an inflow is either per_day, or date and amount")
            }
            let (from, until) = try window()
            let chain = try optional("route").map(routeChain) ?? []
            var passages = chain.dropFirst().map(Passage.route)
            if let corridor = optional("corridor") {
                let text = try corridor.string()
                guard !text.isEmpty else { throw corridor.error("must name a corridor of the routes file") }
                passages.append(.corridor(text))
            }
            if let airport = try optional("airport")?.lonLat() {
                passages.append(.airport(longitude: airport.x, latitude: airport.y))
            }
            let suspended = try optional("suspended")?.list().map { try $0.section(ScenarioKeys.suspension).suspension() } ?? []
            return Inflow(name: name, commodity: commodity,
                          schedule: .daily(perDay: try perDay.amount(), route: chain.first, from: from, until: until,
                                           underFireFactor: try optional("under_fire_factor")?.share() ?? 0),
                          passages: passages, suspended: suspended)
        }
        guard has("date") || has("amount") else { throw error("give per_day, or date and amount") }
        if let stray = ["route", "corridor", "airport", "from", "until", "suspended", "under_fire_factor"].first(where: has) {
            throw optional(stray)!.error("only for per_day inflows; a delivery has date and amount")
        }
        return Inflow(name: name, commodity: commodity,
                      schedule: .once(date: try required("date", "the delivery date").day(),
                                      amount: try required("amount", "a number ≥ 0").amount()))
    }

    /// One suspension: `from` required, `until` (the first day it flows again) optional.
    func suspension() throws -> Period {
        let from = try required("from", "the first day with no flow").day()
        let until = try optional("until")?.day()
        if let until, until <= from {
            throw optional("until")!.error("must be after from (\(from)); until is the first day it flows again")
        }
        return Period(from: from, until: until)
    }

    func rationRule() throws -> RationRule {
        RationRule(belowDays: try required("below_days", "a number of days ≥ 0").amount(),
                   ration: try required("ration", "a share of full need from 0 to 1").share())
    }

    func evacuation() throws -> Evacuation {
        let (from, until) = try window()
        let corridor = try optional("corridor")?.string()
        // Through a named corridor, per_day may be left to the corridor's capacity (the loader notes which).
        let perDay = corridor == nil || has("per_day")
            ? try required("per_day", "a number of people ≥ 0, or a corridor whose capacity to take").amount() : 0
        return Evacuation(from: from, until: until, perDay: perDay,
                          maxTotal: try optional("max_total")?.amount() ?? .infinity, corridor: corridor)
    }

    /// `route: NAME` or `route: [A, B, ...]`: the routes of a chain, in order, none twice.
    private func routeChain(_ field: Field) throws -> [String] {
        guard case .sequence = field.node else { return [try field.string()] }
        let items = try field.list()
        guard !items.isEmpty else { throw field.error("list at least one route") }
        var seen = Set<String>()
        return try items.map { item in
            let name = try item.string()
            guard seen.insert(name).inserted else { throw item.error("'\(name)' is already in the chain") }
            return name
        }
    }

    /// Optional `from` and `until`, with `until` after `from`.
    func window() throws -> (Day?, Day?) {
        let from = try optional("from")?.day(), until = try optional("until")?.day()
        if let from, let until, until <= from {
            throw optional("until")!.error("must be after from (\(from)); until is the first day without")
        }
        return (from, until)
    }
}
