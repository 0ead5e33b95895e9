import CordonGeometry
import CordonSiege
import CordonSources
import CordonSupply
import Foundation

/// Checks a scenario and every file it names without running it: the scenario's keys, each
/// GeoJSON file (syntax, structure, geometry validity), then what the files must agree on
/// (the besieged side and allies on the map, route and corridor names, the focus point in
/// the besieged side's ground at `start`).
public enum ScenarioCheck {
    /// What the check found.
    public struct Report {
        /// One line per fault, each naming the file and the key or feature.
        public var faults: [String]
        /// What was checked, when nothing is wrong.
        public var summary: String
        /// Lines that do not make the scenario faulty: features a named file holds twice.
        public var warnings: [String] = []
    }

    /// Checks the scenario file `file` and the files it names; never throws, every fault is in the report.
    public static func run(_ file: String) -> Report {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(file, for: .run)
        } catch {
            return Report(faults: ["\(error)"], summary: "")
        }
        guard let siege = scenario.siege else {
            // No map: a supply scenario, checked as `cordon simulate` reads it.
            do {
                let loaded = try ScenarioLoader.load(file, for: .simulate)
                return Report(faults: [], summary: "supply scenario for cordon simulate; no map for cordon run",
                              warnings: try loaded.supply.idleRules().map { "\(file): warning: \($0)" })
            } catch {
                return Report(faults: ["\(error)"], summary: "")
            }
        }
        let context: GEOSContext
        do { context = try GEOSContext() } catch { return Report(faults: ["\(error)"], summary: "") }
        var faults: [String] = [], warnings: [String] = []
        let named = [("map", siege.map), ("routes", siege.routes), ("districts", siege.districts)]
        for case let (key, path?) in named {
            let resolved = scenario.resolve(path)
            // Other sources (GeoPackage, PG:, ...) are checked as the run reads them, below.
            if !SourceName(resolved).isNativeGeoJSON { continue }
            if FileManager.default.fileExists(atPath: resolved) {
                let report = GeoJSONReader(context: context).validate(path: resolved)
                faults += report.faults.map(\.description)
                warnings += report.duplicates.map(\.description)
            } else {
                faults.append(ScenarioError(file: file, path: key, message: "no such file: \(resolved)").description)
            }
        }
        guard faults.isEmpty else { return Report(faults: faults, summary: "", warnings: warnings) }
        do {
            let inputs = try ScenarioInputs(reading: scenario, context: context)
            try checkFocus(scenario, siege, inputs.map, context)
            warnings += try idleRules(scenario, siege, inputs, context).map { "\(file): warning: \($0)" }
            let counts = ["map: \(inputs.map.areas.count) areas", "\(inputs.routes.count) routes",
                          "\(inputs.districts.count) districts"]
            return Report(faults: [], summary: "scenario; " + counts.joined(separator: ", "), warnings: warnings)
        } catch {
            return Report(faults: ["\(error)"], summary: "", warnings: warnings)
        }
    }

    /// Inflows that bring in nothing and evacuation rules that take nobody, judged as `cordon
    /// run` judges them: routes period by period of the map, corridors and airports by who holds
    /// their ground. Evacuation is judged by its own figures and the corridor's declared days.
    private static func idleRules(_ scenario: Scenario, _ siege: SiegeSettings, _ inputs: ScenarioInputs,
                                  _ context: GEOSContext) throws -> [String] {
        var access = AccessTimeline()
        let named = Set(scenario.supply.routes)
        let routes = inputs.routes.filter { named.contains($0.name) }
        if !routes.isEmpty {
            let analysis = try RouteAnalysis(map: inputs.map, routes: routes, options: siege.routeOptions, context: context)
            access = AccessTimeline(routeStates: try RouteTimeline.periods(map: inputs.map, routes: routes).flatMap { period in
                try analysis.states(on: period.sampleDay).map { state in
                    var dated = state
                    dated.period = period
                    return dated
                }
            })
        }
        try PassageTimeline(map: inputs.map, routes: inputs.routes, siege: siege, context: context)
            .add(scenario.supply, to: &access)
        return try scenario.supplyModel(populationAtStart: 0, routes: inputs.routes).idleRules(access: access, routes: inputs.routes)
    }

    /// The focus must lie in the besieged side's ground at `start`. With snap, the ground is
    /// joined across gaps only when running, so a focus in a gap is left to the run to judge.
    private static func checkFocus(_ scenario: Scenario, _ siege: SiegeSettings, _ map: ControlMap,
                                   _ context: GEOSContext) throws {
        guard siege.snap == 0 else { return }
        let point = try context.point(siege.focus)
        for i in map.indices(on: scenario.supply.start) where map.areas[i].controller == siege.besieged {
            if try map.areas[i].geometry.covers(point) { return }
        }
        throw ScenarioError(file: scenario.file, path: "focus",
                            message: "[\(siege.focus.x), \(siege.focus.y)] is not in '\(siege.besieged)' ground on "
                                + "\(scenario.supply.start) (start): give a point inside the besieged pocket")
    }
}
