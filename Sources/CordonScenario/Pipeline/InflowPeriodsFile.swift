import CordonCore
import CordonSupply

extension ScenarioResult {
    /// What an inflow is called in the outputs: `<commodity> by <route>`, or for an inflow no
    /// route gates `<commodity> inflow N` (N counted from 1 in file order).
    func inflowName(_ i: Int) -> String {
        let inflow = model.inflows[i]
        if let route = inflow.route { return "\(inflow.commodity) by \(route)" }
        return "\(inflow.commodity) inflow \(i + 1)"
    }

    /// `summary.json`'s `inflow_periods`: for each inflow, its name, commodity, whether it is a
    /// single delivery, and the periods it brings something in (central run; `until` exclusive,
    /// null when it flows to the end). The report takes its supply dates from these.
    var inflowPeriodsJSON: String {
        // The same plan as the central run; were it to fail, that run would have failed first.
        guard let periods = try? model.inflowPeriods(access: access), !periods.isEmpty else { return "[]" }
        let date = { (d: Day?) in (d.map { JSONValue.string($0.description) } ?? .null).jsonText }
        let entries = periods.enumerated().map { i, spans in
            var once = false
            if case .once = model.inflows[i].schedule { once = true }
            return "{\"name\": \(JSONValue.string(inflowName(i)).jsonText), "
                + "\"commodity\": \(JSONValue.string(model.inflows[i].commodity).jsonText), \"once\": \(once), \"flowing\": ["
                + spans.map { "{\"from\": \(date($0.from)), \"until\": \(date($0.until))}" }.joined(separator: ", ") + "]}"
        }
        return "[\n    " + entries.joined(separator: ",\n    ") + "\n  ]"
    }
}
