import CordonCore
import CordonSupply

extension ScenarioResult {
    /// For each inflow in file order, the periods on which it brought something in, from the
    /// central run's own daily deliveries (`SupplyRun.delivered`), so whatever gates an inflow
    /// (dates, routes, corridors, suspensions, airports) shapes them as it shapes the stock.
    /// `until` is exclusive and nil when the inflow still flows on the last day.
    var inflowPeriods: [[Period]] {
        supply.delivered.map { days in
            var periods: [Period] = [], from: Int?
            for (d, amount) in days.enumerated() {
                if amount > 0, from == nil { from = d }
                if amount <= 0, let f = from {
                    periods.append(Period(from: model.start + f, until: model.start + d))
                    from = nil
                }
            }
            if let f = from { periods.append(Period(from: model.start + f, until: nil)) }
            return periods
        }
    }

    /// `summary.json`'s `restorations`: each shortage of the central run that ended before the
    /// last day, with the inflows that brought the commodity back (``Restoration``).
    var restorationsJSON: String {
        let list = supply.restorations
        guard !list.isEmpty else { return "[]" }
        let text = { (s: String) in JSONValue.string(s).jsonText }
        return "[\n    " + list.map { r in
            "{\"commodity\": \(text(r.commodity)), \"short_from\": \(text(r.shortFrom.description)), "
                + "\"restored\": \(text(r.restored.description)), \"by\": [" + r.inflows.map(text).joined(separator: ", ") + "]}"
        }.joined(separator: ",\n    ") + "\n  ]"
    }

    /// `summary.json`'s `inflow_periods`: for each inflow, its name, commodity, whether it is a
    /// single delivery, and ``inflowPeriods``. The report takes its supply dates from these.
    var inflowPeriodsJSON: String {
        let periods = inflowPeriods
        guard !periods.isEmpty, periods.count == model.inflows.count else { return "[]" }
        let date = { (d: Day?) in (d.map { JSONValue.string($0.description) } ?? .null).jsonText }
        let entries = zip(model.inflows, periods).map { inflow, spans in
            var once = false
            if case .once = inflow.schedule { once = true }
            return "{\"name\": \(JSONValue.string(inflow.name).jsonText), "
                + "\"commodity\": \(JSONValue.string(inflow.commodity).jsonText), \"once\": \(once), \"flowing\": ["
                + spans.map { "{\"from\": \(date($0.from)), \"until\": \(date($0.until))}" }.joined(separator: ", ") + "]}"
        }
        return "[\n    " + entries.joined(separator: ",\n    ") + "\n  ]"
    }
}
