import CordonCore
import CordonGeometry
import CordonSiege

extension ScenarioResult {
    /// `summary.json`: the `siege` block (the besieged side, the focus point, the focus
    /// pocket's encircled spans and the people inside), each route's status spans, and under
    /// `supplies` the summary `cordon simulate` writes. Keys in a fixed order: stable bytes.
    public var summaryJSON: String {
        func text(_ v: JSONValue) -> String { v.jsonText }
        func span(_ p: Period) -> String {
            "{\"from\": \(text(p.from.map { .string($0.description) } ?? .null)), "
                + "\"until\": \(text(p.until.map { .string($0.description) } ?? .null))"
        }
        func people(_ x: Double?) -> String { text(x.map { .number($0.rounded()) } ?? .null) }

        var out = "{\n"
        out += "  \"scenario\": \(text(.string(model.name))),\n"
        out += "  \"basis\": \(ReportBasis(self).jsonText),\n"  // what report.html cites
        out += "  \"siege\": {\n"
        out += "    \"besieged\": \(text(.string(siege.besieged))),\n"
        out += "    \"focus\": [\(text(.number(siege.focus.x))), \(text(.number(siege.focus.y)))],\n"
        out += "    \"encircled\": [" + siege.encircled.map { span($0) + "}" }.joined(separator: ", ") + "],\n"
        out += "    \"population\": \(people(siege.populationAtFirstEncirclement)),\n"
        out += "    \"population_at_start\": \(people(siege.pocket(on: model.start)?.population))\n"
        out += "  },\n"
        out += "  \"routes\": {"
        let spans = routeSpans
        out += inputs.routes.map { route in
            let lines = spans.filter { $0.route == route.name }.map { s in
                span(s.period) + ", \"status\": \(text(.string(s.status.rawValue)))"
                    + (s.declaredOpen.map { ", \"open\": \($0)" } ?? "") + "}"
            }
            return "\n    \(text(.string(route.name))): [\n      " + lines.joined(separator: ",\n      ") + "\n    ]"
        }.joined(separator: ",")
        out += inputs.routes.isEmpty ? "},\n" : "\n  },\n"
        if inputs.roads != nil {
            // The days the focus pocket lost or regained its last safe road (docs/design.md#roads).
            let days = { (regained: Bool) in
                roadEvents.filter { $0.regained == regained }.map { text(.string($0.date.description)) }.joined(separator: ", ")
            }
            out += "  \"roads\": {\"lost_last_safe_road\": [\(days(false))], \"regained_safe_road\": [\(days(true))]},\n"
        }
        out += "  \"inflow_periods\": \(inflowPeriodsJSON),\n"
        out += "  \"restorations\": \(restorationsJSON),\n"
        let supplies = supply.summaryJSON(monteCarlo: monteCarlo)
            .trimmingSuffix("\n").replacingOccurrences(of: "\n", with: "\n  ")
        out += "  \"supplies\": \(supplies)\n"
        return out + "}\n"
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
