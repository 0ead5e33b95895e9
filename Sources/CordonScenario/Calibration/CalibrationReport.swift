import CordonCore
import CordonSupply

/// `cordon calibrate`'s lines and `calibration.json`.
public struct CalibrationReport {
    /// The scenario calibrated.
    public let observed: ObservedScenario
    /// The rejection's result.
    public let calibration: Calibration
    /// The one-input root search, when one input was varied.
    public let roots: [RootFinding]

    /// A report of `calibration` (and `roots`) on `observed`.
    public init(_ observed: ObservedScenario, _ calibration: Calibration, roots: [RootFinding] = []) {
        self.observed = observed
        self.calibration = calibration
        self.roots = roots
    }

    private var scenario: SupplyScenario { observed.model.scenario }

    /// A number as it is shown: 4 significant figures, whole numbers plain.
    static func number(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return NumberText.fixed(x, places: 0) }
        var places = 3
        var m = abs(x)
        while m >= 10, places > 0 { m /= 10; places -= 1 }
        while m < 1, places < 9 { m *= 10; places += 1 }
        return NumberText.fixed(x, places: places)
    }

    /// What the rule compares, in words.
    public var ruleText: String {
        "dates within ±\(NumberText.fixed(calibration.rule.days, places: 0)) days, values within "
            + "±\(NumberText.fixed(calibration.rule.tolerance * 100, places: 0)) %"
    }

    /// The lines for standard output.
    public var lines: [String] {
        let c = calibration
        var out = ["\(scenario.name): approximate Bayesian computation by rejection, \(c.runs) runs drawn from the "
                   + "uncertainty ranges (seed \(c.seed)); a run is accepted when it agrees with every observation the "
                   + "model compares (\(ruleText)).",
                   "Accepted: \(c.accepted) of \(c.runs) runs (\(NumberText.fixed(c.acceptanceRate * 100, places: 2)) %)."]
        for check in c.checks {
            let o = scenario.observations[check.index]
            guard check.compared else {
                out.append("  \(o.what.spelling) \(OutcomeText.observed(o)): not compared (\(notModelled(o))).")
                continue
            }
            let t = { (x: Double) in OutcomeText.text(x, o, start: scenario.start) }
            out.append("  \(o.what.spelling) \(OutcomeText.observed(o)) (\(o.source)): \(check.agreeing) runs agree on their own; "
                       + "the runs give P5 \(t(check.p5)), P50 \(t(check.p50)), P95 \(t(check.p95)).")
        }
        if c.accepted == 0 {
            if let worst = c.failedMost {
                let o = scenario.observations[worst.index]
                out.append("No run is accepted. The observation that fails most is \(o.what.spelling) \(OutcomeText.observed(o)): "
                           + "\(worst.agreeing) of \(c.runs) runs agree with it. Widen the ranges in uncertainty.vary, "
                           + "or \(o.what.needsValue ? "--tolerance (it is a value)" : "--accept (it is a date)"), "
                           + "or question the observation.")
            } else {
                out.append("No run is accepted: no observation is one the model can compare.")
            }
        } else {
            out.append("Accepted values (P5 / P50 / P95 of the accepted runs; in brackets the lowest and highest drawn):")
            for input in c.inputs {
                let name = scenario.name(of: input.variation.parameter)
                out.append("  \(name): \(Self.number(input.p5 ?? .nan)) / \(Self.number(input.p50 ?? .nan)) / "
                           + "\(Self.number(input.p95 ?? .nan))  (drawn \(Self.number(input.drawnLow)) to \(Self.number(input.drawnHigh)))")
            }
        }
        if let variation = c.inputs.first?.variation, c.inputs.count == 1 {
            let name = scenario.name(of: variation.parameter)
            for root in roots {
                let o = scenario.observations[root.index]
                let t = { (x: Double) in OutcomeText.text(x, o, start: scenario.start) }
                if let value = root.value, let outcome = root.outcome {
                    var line = "  Root search: \(name) = \(Self.number(value)) gives \(o.what.spelling) \(t(outcome))"
                    if let low = root.low, let high = root.high, high > low {
                        line += " (every value from \(Self.number(low)) to \(Self.number(high)) gives that day)"
                    }
                    out.append(line + ".")
                } else {
                    out.append("  Root search: no \(name) from \(Self.number(root.range.lowerBound)) to "
                               + "\(Self.number(root.range.upperBound)) gives \(o.what.spelling) \(OutcomeText.observed(o)): "
                               + "the ends give \(t(root.atLow)) and \(t(root.atHigh)).")
                }
            }
        }
        return out
    }

    private func notModelled(_ o: Observation) -> String {
        switch scenario.unmodelled(o) {
        case .input: return "an input of the scenario, not an outcome of the supply model"
        case .noPriceIndex(let c): return "supply '\(c)' has no price index: give it price: {elasticity, cap}"
        case .unstocked(let c): return "'\(c)' is not among the supplies"
        case nil: return "the model says nothing about it"
        }
    }

    /// `calibration.json`.
    public var json: JSONValue {
        let c = calibration
        var top: JSONObject = ["scenario": .string(scenario.name), "method": "ABC rejection over the uncertainty ranges",
                               "runs": .number(Double(c.runs)), "seed": .string(String(c.seed)),
                               "accept_days": .number(c.rule.days), "tolerance": .number(c.rule.tolerance),
                               "accepted": .number(Double(c.accepted)), "acceptance_rate": .number(c.acceptanceRate)]
        top["inputs"] = .array(c.inputs.map { input in
            let q = { (x: Double?) in x.map(JSONValue.number) ?? .null }
            return ["name": .string(scenario.name(of: input.variation.parameter)), "p5": q(input.p5), "p50": q(input.p50),
                    "p95": q(input.p95), "drawn_low": .number(input.drawnLow), "drawn_high": .number(input.drawnHigh)]
        })
        top["observations"] = .array(c.checks.map { check in
            let o = scenario.observations[check.index]
            let j = { (x: Double) in OutcomeText.json(x, o, start: scenario.start) }
            var item: JSONObject = ["what": .string(o.what.spelling), "date": .string(o.date.description)]
            item["value"] = o.value.map(JSONValue.number) ?? .null
            item["source"] = .string(o.source)
            item["compared"] = .bool(check.compared)
            item["agreeing_runs"] = .number(Double(check.agreeing))
            item["p5"] = check.compared ? j(check.p5) : .null
            item["p50"] = check.compared ? j(check.p50) : .null
            item["p95"] = check.compared ? j(check.p95) : .null
            return .object(item)
        })
        top["failed_most"] = c.accepted == 0 ? (c.failedMost.map { .string(scenario.observations[$0.index].what.spelling) } ?? .null) : .null
        top["root_search"] = .array(roots.map { root in
            let o = scenario.observations[root.index]
            let q = { (x: Double?) in x.map(JSONValue.number) ?? .null }
            return ["what": .string(o.what.spelling), "value": q(root.value), "low": q(root.low), "high": q(root.high),
                    "outcome": root.outcome.map { OutcomeText.json($0, o, start: scenario.start) } ?? .null]
        })
        return .object(top)
    }
}
