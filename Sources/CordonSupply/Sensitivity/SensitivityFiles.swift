import CordonCore

extension SupplySensitivity {
    /// The one-at-a-time rows of measure `m`, the widest swing first (ties in input order): the
    /// order of a tornado chart's bars.
    public func tornado(_ m: Int) -> [OneAtATime] {
        oneAtATime.enumerated().sorted { x, y in
            let a = swing(x.element, m), b = swing(y.element, m)
            return a != b ? a > b : x.offset < y.offset
        }.map(\.element)
    }

    /// How far apart the low and high answers of measure `m` are.
    func swing(_ row: OneAtATime, _ m: Int) -> Double { abs(row.high[m] - row.low[m]) }

    /// A depletion day as a date, "never" past the last day; nil for other measures.
    ///
    /// - Parameters:
    ///   - measure: The measure the value is of.
    ///   - value: A value of it (a day of the run, 1 = start).
    public func date(_ measure: SensitivityMeasure, _ value: Double) -> String? {
        guard case .depletedDay = measure else { return nil }
        let day = Int(value.rounded())
        return day > days ? "never" : (start + (day - 1)).description
    }

    /// The Sobol index of range input `key` for measure `m`, when there is one.
    func sobolIndex(_ m: Int, key: String) -> SobolIndex? {
        guard let sobol, let i = sobol.inputs.firstIndex(where: { $0.key == key }),
              sobol.indices[m].inputs.indices.contains(i) else { return nil }
        return sobol.indices[m].inputs[i]
    }

    /// `sensitivity.csv`: a row per measure and input, each measure's inputs widest swing first.
    /// Low and high are the input's values and the measure's answers; dates for depletion days
    /// ("never" for a stock that lasts); Sobol indices and their 95 % bootstrap intervals for
    /// range inputs (empty for spread inputs, and for a measure that never varies).
    public var csv: String {
        var out = "output,input,key,basis,value_low,value_central,value_high,answer_low,answer_central,answer_high,swing,"
            + "date_low,date_central,date_high,first_order,first_order_low,first_order_high,total,total_low,total_high\n"
        func cell(_ text: String) -> String {
            text.contains { $0 == "," || $0 == "\"" || $0 == "\n" } ? "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : text
        }
        for (m, measure) in measures.enumerated() {
            for row in tornado(m) {
                let input = row.input
                var cells = [name(of: measure), cell(input.label), input.key, input.basis.rawValue,
                             NumberText.fixed(input.low, places: 6), NumberText.fixed(input.central, places: 6),
                             NumberText.fixed(input.high, places: 6), NumberText.fixed(row.low[m]),
                             NumberText.fixed(central[m]), NumberText.fixed(row.high[m]), NumberText.fixed(swing(row, m))]
                cells += [row.low[m], central[m], row.high[m]].map { date(measure, $0) ?? "" }
                if input.basis == .range, let s = sobolIndex(m, key: input.key) {
                    cells += [s.first, s.firstInterval.lowerBound, s.firstInterval.upperBound,
                              s.total, s.totalInterval.lowerBound, s.totalInterval.upperBound].map { NumberText.fixed($0, places: 4) }
                } else {
                    cells += Array(repeating: "", count: 6)
                }
                out += cells.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// `sensitivity.json`: the measures and their central answers, every one-at-a-time row, and the
    /// Sobol indices with their intervals. Keys in a fixed order, so output is byte-stable.
    public var json: String {
        let q = NumberText.jsonString
        func number(_ x: Double, _ places: Int = 3) -> String { x.isFinite ? NumberText.fixed(x, places: places) : "null" }
        var out = "{\n"
        out += "  \"about\": \(q("Model estimates: which inputs of the Cordon supply model move its answers. Not observations.")),\n"
        out += "  \"start\": \"\(start)\",\n"
        out += "  \"days\": \(days),\n"
        out += "  \"never_day\": \(days + 1),\n"
        out += "  \"spread\": \(number(spread, 6)),\n"
        out += "  \"measures\": [\n" + measures.enumerated().map { m, measure in
            "    {\"name\": \(q(name(of: measure))), \"central\": \(number(central[m]))"
                + (date(measure, central[m]).map { ", \"central_date\": \(q($0))" } ?? "") + "}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"one_at_a_time\": [\n" + oneAtATime.map { row in
            let i = row.input
            let answers = measures.enumerated().map { m, measure in
                "\(q(name(of: measure))): [\(number(row.low[m])), \(number(row.high[m]))]"
            }.joined(separator: ", ")
            return "    {\"key\": \(q(i.key)), \"label\": \(q(i.label)), \"basis\": \"\(i.basis.rawValue)\", "
                + "\"low\": \(number(i.low, 6)), \"central\": \(number(i.central, 6)), \"high\": \(number(i.high, 6)), "
                + "\"answers\": {\(answers)}}"
        }.joined(separator: ",\n") + (oneAtATime.isEmpty ? "],\n" : "\n  ],\n")
        guard let sobol else { return out + "  \"sobol\": null\n}\n" }
        out += "  \"sobol\": {\n"
        out += "    \"samples\": \(sobol.samples),\n"
        out += "    \"runs\": \(sobol.runs),\n"
        out += "    \"seed\": \(sobol.seed),\n"
        out += "    \"bootstrap\": \(sobol.indices.first?.bootstrap ?? 0),\n"
        out += "    \"confidence\": \(number(SobolIndices.confidence, 2)),\n"
        out += "    \"inputs\": [" + sobol.inputs.map { q($0.key) }.joined(separator: ", ") + "],\n"
        out += "    \"measures\": {\n" + measures.enumerated().map { m, measure in
            let s = sobol.indices[m]
            let rows = s.inputs.enumerated().map { i, x in
                "        {\"key\": \(q(sobol.inputs[i].key)), \"first\": \(number(x.first, 4)), "
                    + "\"first_ci\": [\(number(x.firstInterval.lowerBound, 4)), \(number(x.firstInterval.upperBound, 4))], "
                    + "\"total\": \(number(x.total, 4)), "
                    + "\"total_ci\": [\(number(x.totalInterval.lowerBound, 4)), \(number(x.totalInterval.upperBound, 4))]}"
            }
            return "      \(q(name(of: measure))): {\"variance\": \(number(s.variance, 6)), \"indices\": ["
                + (rows.isEmpty ? "]}" : "\n" + rows.joined(separator: ",\n") + "\n      ]}")
        }.joined(separator: ",\n") + "\n    }\n  }\n}\n"
        return out
    }
}
