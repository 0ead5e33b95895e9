import CordonCore
import CordonSiege
import CordonSupply
import Foundation

/// A run's result in plain words, for people rather than programs: what `cordon run` prints.
///
///     let brief = ScenarioBrief(result: result)
///     (brief.siege + [brief.population] + brief.depletion).forEach { print($0) }
///
/// Every line is a model estimate and says what it rests on where that is not obvious.
public struct ScenarioBrief {
    /// The run described.
    public let result: ScenarioResult

    /// The plain-words account of `result`.
    public init(result: ScenarioResult) { self.result = result }

    /// Every line `cordon run` prints about the result: the siege, the people inside, then each
    /// commodity's depletion.
    public var lines: [String] { siege + roads + [population] + depletion + restorations }

    /// With `roads:`, the days the focus pocket lost and regained its last road out that
    /// crosses no hostile ground (docs/design.md#roads); nothing without roads.
    public var roads: [String] {
        guard result.inputs.roads != nil else { return [] }
        let events = result.roadEvents
        guard !events.isEmpty else { return ["Roads: the focus pocket's roads out do not change between \(result.model.start) and \(result.model.end)."] }
        return ["Roads (road_way_out, crossing no hostile ground): " + events.map {
            ($0.regained ? "a safe road out again from " : "last safe road out lost on ") + $0.date.description
        }.joined(separator: "; ") + "."]
    }

    /// The focus pocket's encircled periods, one line each after a heading line.
    public var siege: [String] {
        let s = result.siege
        guard !s.encircled.isEmpty else {
            return ["Siege: the pocket holding the focus point is never encircled between \(result.model.start) and \(result.model.end)."]
        }
        var lines = ["Siege: the \(s.besieged) pocket holding the focus point (\(s.focus.x) E, \(s.focus.y) N) is encircled"]
        for span in s.encircled {
            let from = span.from.map(\.description) ?? "the start"
            if let until = span.until, until <= result.model.end {
                lines.append("  from \(from) until \(until) (\(span.from.map { until - $0 } ?? 0) days)")
            } else {
                lines.append("  from \(from) to the end of the scenario (\(result.model.end))")
            }
        }
        return lines
    }

    /// The people inside at the first encirclement, and where the figure comes from.
    public var population: String {
        let inside = result.siege.populationAtFirstEncirclement.map { NumberText.grouped($0) } ?? "?"
        let source = result.scenario.population == nil
            ? "the map's population figures, weighted by area inside the pocket"
            : "the scenario's own `population`"
        return "People inside at the first encirclement: about \(inside) (from \(source))."
    }

    /// When the route `name` first came under fire and when it was first cut.
    ///
    /// - Parameter name: The route's name, as in the routes file.
    /// - Returns: One line, such as "Castello Road: under fire from 2016-07-07, cut from
    ///   2016-07-17."; nil when the routes file has no such route.
    public func route(_ name: String) -> String? {
        guard result.inputs.routes.contains(where: { $0.name == name }) else { return nil }
        let fire = result.firstDay(name, is: .underFire), cut = result.firstDay(name, is: .cut)
        let parts = [fire.map { "under fire from \($0)" }, cut.map { "cut from \($0)" }].compactMap { $0 }
        return "\(name): " + (parts.isEmpty ? "open throughout" : parts.joined(separator: ", ")) + "."
    }

    /// Each commodity's depletion: the central run, then the Monte Carlo P5–P95 range.
    public var depletion: [String] {
        result.supply.outcomes.enumerated().map { c, outcome in
            let unit = result.model.supplies[c].unit
            var line = "\(outcome.commodity.capitalized) (\(unit)): "
                + (outcome.depleted.map { "runs out on \($0)" } ?? "lasts to \(result.model.end)") + " in the central run"
            if let mc = result.monteCarlo {
                let spread = mc.depleted[c]
                let date = { (d: Day?) in d?.description ?? "after \(result.model.end)" }
                line += "; across \(mc.runs) runs, P5 \(date(spread.p5)), P50 \(date(spread.p50)), P95 \(date(spread.p95))"
                if spread.never > 0 { line += " (\(NumberText.fixed(spread.never * 100, places: 1)) % of runs never run out)" }
            }
            return line + "."
        }
    }

    /// When supplies came back after each shortage that ended, and by which inflow, in the central run.
    public var restorations: [String] {
        result.supply.restorations.map { r in
            "\(r.commodity.capitalized): short from \(r.shortFrom), supplies restored on \(r.restored) \(r.by) in the central run."
        }
    }

    /// "Files written to DIR: a, b, c."
    public static func files(_ paths: [String], folder: String) -> String {
        "Files written to \(folder): " + paths.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + "."
    }
}
