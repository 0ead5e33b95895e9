import CordonCore
import CordonSupply

/// `cordon hindcast`'s table and `hindcast.json`.
public enum HindcastReport {
    /// A plain-text table: one row per observation, errors as model minus observed.
    public static func table(_ hindcasts: [Hindcast]) -> String {
        var rows = [["scenario", "observation", "observed", "central", "error", "median", "error", "P5–P95", "inside", "source"]]
        for h in hindcasts {
            for line in h.lines {
                let o = line.observation
                let t = { (x: Double) in OutcomeText.text(x, o, start: h.start) }
                // Without runs there is no median: a dash, not "not modelled".
                let median = h.runs > 0 || line.central.isNaN ? t(line.p50) : "–"
                rows.append([h.name, o.what.spelling, OutcomeText.observed(o), t(line.central),
                             OutcomeText.error(line.centralError, o), median, OutcomeText.error(line.medianError, o),
                             line.p5.isNaN ? "–" : "\(t(line.p5)) – \(t(line.p95))",
                             line.inside.map { $0 ? "yes" : "no" } ?? "–", o.source])
            }
        }
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        let table = rows.map { row in
            row.enumerated().map { c, cell in c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
        let priced = hindcasts.contains { $0.lines.contains { if case .priceMultiple = $0.observation.what { return true } else { return false } } }
        return table + (priced ? "price_multiple rows compare reported prices with the price index, a model (docs/design.md, \"The price index\").\n" : "")
    }

    /// One sentence per observation the model compares, for `cordon demo` (sources are in the table and JSON).
    public static func lines(_ h: Hindcast) -> [String] {
        h.lines.compactMap { line in
            let o = line.observation
            guard !line.central.isNaN else { return nil }
            let t = { (x: Double) in OutcomeText.text(x, o, start: h.start) }
            let inside = line.inside.map { $0 ? "inside" : "outside" } ?? "without"
            let label = o.what.commodity != nil && !o.isDated ? " (price index: a model)" : ""
            return "Hindcast, \(o.what.spelling) observed \(OutcomeText.observed(o)): model\(label) \(t(line.central)) "
                + "(\(OutcomeText.error(line.centralError, o))), median of \(h.runs) runs \(t(line.p50)) "
                + "(\(OutcomeText.error(line.medianError, o))), \(inside) the runs' P5–P95."
        }
    }

    /// `hindcast.json`: per scenario, each observation with the central run, the runs' spread
    /// and the errors (model minus observed; days for dates).
    public static func json(_ hindcasts: [Hindcast]) -> JSONValue {
        .array(hindcasts.map { h in
            var scenario: JSONObject = ["name": .string(h.name), "runs": .number(Double(h.runs)),
                                        "seed": .string(String(h.seed))]
            scenario["observations"] = .array(h.lines.map { line in
                let o = line.observation
                let j = { (x: Double) in OutcomeText.json(x, o, start: h.start) }
                var item: JSONObject = ["what": .string(o.what.spelling), "date": .string(o.date.description)]
                item["value"] = o.value.map(JSONValue.number) ?? .null
                item["source"] = .string(o.source)
                if let note = o.note { item["note"] = .string(note) }
                item["modelled"] = .bool(!line.central.isNaN)
                item["central"] = j(line.central)
                item["central_error"] = OutcomeText.json(line.centralError)
                item["median"] = j(line.p50)
                item["median_error"] = OutcomeText.json(line.medianError)
                item["p5"] = j(line.p5)
                item["p95"] = j(line.p95)
                item["inside_p5_p95"] = line.inside.map(JSONValue.bool) ?? .null
                item["error_unit"] = o.isDated ? "days" : (o.what == .population ? "people" : "price multiple")
                if case .priceMultiple = o.what { item["modelled_by"] = "the price index, a model (docs/design.md)" }
                return .object(item)
            })
            return .object(scenario)
        })
    }
}
