import CordonCore
import CordonGeometry
import CordonSources
import Foundation

/// What a report's figures rest on: the scenario and its input files, where their sources are
/// written down, and the assumptions in plain words. It travels in `summary.json` (key
/// `basis`), so `cordon report DIR` can rebuild the report from the output folder alone.
package struct ReportBasis: Equatable, Sendable {
    /// The scenario file, as `folder/file` (never an absolute path: the bytes must not depend
    /// on where the run was started).
    package var scenario: String
    /// Input files by role (`map`, `routes`, `districts`), relative to the scenario.
    package var inputs: [(role: String, file: String)]
    /// A README beside the scenario, where its figures and sources are written down.
    package var sources: String?
    /// The besieged side's allies, in the scenario's order.
    package var allies: [String]
    /// Neutral controllers, in the scenario's order: they take the neutral colour.
    package var neutral: [String] = []
    /// Every controller the map names: with the besieged side and the allies, they fix the palette.
    package var controllers: [String]
    /// Commodities in the scenario's order, with their units.
    package var commodities: [(name: String, unit: String)]
    /// The assumptions the figures rest on, one sentence each.
    package var assumptions: [String]

    /// Whether both bases name the same files, controllers, commodities and assumptions.
    package static func == (a: ReportBasis, b: ReportBasis) -> Bool {
        a.scenario == b.scenario && a.inputs.map { [$0.role, $0.file] } == b.inputs.map { [$0.role, $0.file] }
            && a.sources == b.sources && a.allies == b.allies && a.neutral == b.neutral && a.controllers == b.controllers
            && a.commodities.map { [$0.name, $0.unit] } == b.commodities.map { [$0.name, $0.unit] }
            && a.assumptions == b.assumptions
    }
}

extension ReportBasis {
    /// The basis of a finished run.
    package init(_ result: ScenarioResult) {
        let file = result.scenario.file
        let folder = (file as NSString).deletingLastPathComponent
        let shortFolder = (folder as NSString).lastPathComponent
        let short = { (name: String) in shortFolder.isEmpty ? name : shortFolder + "/" + name }
        scenario = short((file as NSString).lastPathComponent)
        let siege = result.scenario.siege!
        // As people may see it: a connection's password masked, the layer named as QGIS names it.
        inputs = [("map", siege.map), ("routes", siege.routes), ("districts", siege.districts)]
            .compactMap { role, path in
                path.map { (role, SourceName($0).description + (siege.layers[role].map { "|layername=" + $0 } ?? "")) }
            }
        let readme = (folder.isEmpty ? "README.md" : (folder as NSString).appendingPathComponent("README.md"))
        sources = FileManager.default.fileExists(atPath: readme) ? short("README.md") : nil
        allies = siege.allies
        neutral = siege.neutral
        controllers = result.inputs.map.controllers
        commodities = result.model.supplies.map { ($0.commodity, $0.unit) }
        assumptions = ReportAssumptions(result).lines
    }

    /// The `basis` block of `summary.json`, keys in a fixed order, indented to sit at its level.
    package var jsonText: String {
        func s(_ x: String) -> String { JSONValue.string(x).jsonText }
        func list(_ xs: [String]) -> String { "[" + xs.map(s).joined(separator: ", ") + "]" }
        var out = "{\n"
        out += "    \"scenario\": \(s(scenario)),\n"
        out += "    \"inputs\": {" + inputs.map { "\(s($0.role)): \(s($0.file))" }.joined(separator: ", ") + "},\n"
        out += "    \"sources\": \(sources.map(s) ?? "null"),\n"
        out += "    \"allies\": \(list(allies)),\n"
        // Only when there is any, so the summaries of runs without neutral ground stay as they were.
        if !neutral.isEmpty { out += "    \"neutral\": \(list(neutral)),\n" }
        out += "    \"controllers\": \(list(controllers)),\n"
        out += "    \"units\": [" + commodities.map { "[\(s($0.name)), \(s($0.unit))]" }.joined(separator: ", ") + "],\n"
        out += "    \"assumptions\": [\n" + assumptions.map { "      " + s($0) }.joined(separator: ",\n") + "\n    ]\n"
        return out + "  }"
    }

    /// Reads the block back from `summary.json`; nil when it is missing (an older folder).
    init?(json: Any?) {
        guard let o = json as? [String: Any], let scenario = o["scenario"] as? String else { return nil }
        self.scenario = scenario
        // JSONSerialization forgets key order, so inputs come back in the order of the roles.
        let inputs = o["inputs"] as? [String: String] ?? [:]
        self.inputs = ["map", "routes", "districts"].compactMap { role in inputs[role].map { (role, $0) } }
        sources = o["sources"] as? String
        allies = o["allies"] as? [String] ?? []
        neutral = o["neutral"] as? [String] ?? []
        controllers = o["controllers"] as? [String] ?? []
        commodities = (o["units"] as? [[String]] ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        assumptions = o["assumptions"] as? [String] ?? []
    }
}
