import CordonCore

extension SupplyRun {
    /// `summary.json`: each inflow's name, commodity, total delivered and days flowing; depletion
    /// and ration-band dates and shortage periods of this run, people moved and food energy where
    /// the scenario has them, and with Monte Carlo the spread of depletion dates. Keys in a fixed
    /// order, two-space indents, so output is byte-stable.
    ///
    /// - Parameter monteCarlo: The Monte Carlo runs of the same scenario, for the spread; nil leaves it out.
    /// - Returns: The whole file's text, ending in a newline.
    public func summaryJSON(monteCarlo: MonteCarloResult? = nil) -> String {
        func date(_ d: Day?) -> String { d.map { "\"\($0)\"" } ?? "null" }
        var out = "{\n"
        out += "  \"start\": \"\(scenario.start)\",\n"
        out += "  \"end\": \"\(scenario.end)\",\n"
        out += "  \"evacuated\": \(NumberText.fixed(evacuated)),\n"
        out += "  \"inflows\": [" + inflows.map { i in
            "\n    {\"name\": \(NumberText.jsonString(i.name)), \"commodity\": \(NumberText.jsonString(i.commodity)), "
                + "\"delivered\": \(NumberText.fixed(i.delivered)), \"days_flowing\": \(i.daysFlowing)}"
        }.joined(separator: ",") + (inflows.isEmpty ? "],\n" : "\n  ],\n")
        if countsMoves, let moved = days.last?.moved {
            out += "  \"deaths\": \(NumberText.fixed(moved.deaths)),\n"
            out += "  \"arrivals\": \(NumberText.fixed(moved.arrivals)),\n"
            out += "  \"departures\": \(NumberText.fixed(moved.departures)),\n"
        }
        out += "  \"commodities\": {\n"
        out += outcomes.map { o in
            let bands = RationBand.shortages.map { "\"\($0)\": \(date(o.firstReached[$0]))" }.joined(separator: ", ")
            let shortages = o.shortages.map { "{\"from\": \(date($0.from)), \"until\": \(date($0.until))}" }
            return "    \(NumberText.jsonString(o.commodity)): {\"depleted\": \(date(o.depleted)), \"bands\": {\(bands)}, "
                + "\"shortages\": [\(shortages.joined(separator: ", "))]}"
        }.joined(separator: ",\n")
        out += "\n  }"
        if let kcal {
            out += ",\n  \"kcal\": {\"mean\": \(NumberText.fixed(kcal.mean)), \"min\": \(NumberText.fixed(kcal.min)), "
                + "\"days_below_2100\": \(kcal.daysBelow2100)}"
        } else if countsKcal {
            out += ",\n  \"kcal\": null"
        }
        if let mc = monteCarlo {
            out += ",\n  \"monte_carlo\": {\n"
            out += "    \"runs\": \(mc.runs),\n"
            out += "    \"seed\": \(mc.seed),\n"
            out += "    \"commodities\": {\n"
            out += zip(mc.commodities, mc.depleted).map { c, s in
                "      \(NumberText.jsonString(c)): {\"depleted\": {\"p5\": \(date(s.p5)), \"p50\": \(date(s.p50)), "
                    + "\"p95\": \(date(s.p95)), \"never\": \(NumberText.fixed(s.never, places: 6))}}"
            }.joined(separator: ",\n")
            out += "\n    }\n  }"
        }
        return out + "\n}\n"
    }
}

