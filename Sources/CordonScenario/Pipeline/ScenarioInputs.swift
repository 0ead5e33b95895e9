import CordonGeometry
import CordonSiege
import CordonSources
import Foundation

/// The files a scenario names, read, and checked against what the scenario says of them:
/// the besieged side and its allies are on the map, every route an inflow names and every
/// corridor an evacuation names is in the routes file. Faults name the scenario's key.
public struct ScenarioInputs {
    /// The control map.
    public let map: ControlMap
    /// Supply routes and corridors, in file order; empty when the scenario names none.
    public let routes: [Route]
    /// Districts, in file order; empty when the scenario names none.
    public let districts: [District]
    /// Features the files hold twice over (warnings: a map's duplicate counts its people twice).
    public var duplicates: [DuplicateFeature] = []
    /// The road network of `roads:`, noded, with default speeds; nil without one.
    public var roads: RoadNetwork?
    /// Conflict events (`events:`), when the scenario names them.
    public var events: EventSet?
    /// Market prices (`prices:`), when the scenario names them.
    public var prices: PriceSet?

    /// Inputs from values: a control map, its routes and corridors, and its districts.
    public init(map: ControlMap, routes: [Route] = [], districts: [District] = []) {
        self.map = map
        self.routes = routes
        self.districts = districts
    }

    /// Reads the files of a scenario loaded for `run` and checks them against it.
    ///
    /// - Parameters:
    ///   - scenario: A scenario with siege settings; paths resolve against its folder.
    ///   - context: The GEOS context to make geometries in.
    ///   - jobs: The most threads to read the event file on; nil: every core.
    /// - Throws: ``ScenarioError`` for a missing file or a name the files do not know,
    ///   `GeoJSONError` or `SiegeInputError` naming the faulty feature.
    public init(reading scenario: Scenario, context: GEOSContext, jobs: Int? = nil) throws {
        guard let siege = scenario.siege else {
            throw ScenarioError(file: scenario.file, path: "map", message: "missing: give the control map, a GeoJSON file")
        }
        var duplicates: [DuplicateFeature] = []
        func features(_ key: String, _ path: String, mapping: FieldMapping = FieldMapping())
            throws -> (String, [Feature], [Int]) {
            let file = scenario.resolve(path)
            let name = SourceName(file)
            if !name.isDatabase {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else {
                    throw ScenarioError(file: scenario.file, path: key, message: "no such file: \(file)")
                }
            }
            let layer = try VectorSource(name).read(layer: siege.layers[key], context: context)
            let (list, origins) = try mapping.apply(to: layer)
            duplicates += DuplicateFinder.find(list, file: name.description, context: context)
            return (name.description, list, origins)
        }
        let (mapFile, mapFeatures, mapOrigins) = try features("map", siege.map, mapping: siege.mapFields)
        map = try ControlMap(file: mapFile, features: mapFeatures, origins: mapOrigins)
        routes = try siege.routes.map { path in
            let (file, list, _) = try features("routes", path)
            return try RouteFile.load(file: file, features: list)
        } ?? []
        districts = try siege.districts.map { path in
            let (file, list, _) = try features("districts", path)
            return try LayerFiles.districts(list, file: file)
        } ?? []
        roads = try siege.roads.map { path in
            let (file, list, _) = try features("roads", path)
            return try RoadNetwork(lines: RoadLine.read(list, file: file), speeds: RoadSpeeds(), file: file, context: context)
        }
        self.duplicates = duplicates
        func csv(_ key: String, _ path: String?) throws -> String? {
            guard let path else { return nil }
            let file = scenario.resolve(path)
            guard FileManager.default.fileExists(atPath: file) else {
                throw ScenarioError(file: scenario.file, path: key, message: "no such file: \(file)")
            }
            return file
        }
        events = try csv("events", siege.evidence.events).map { try EventFile.read($0, maxPrecision: siege.evidence.maxPrecision, jobs: jobs) }
        prices = try csv("prices", siege.evidence.prices).map(PriceFile.read)
        try check(against: scenario)
    }

    /// Checks that these inputs fit `scenario`: its besieged side, allies and neutral parties hold ground on the
    /// map, and every route an inflow names and every corridor an evacuation names is here.
    ///
    /// - Throws: ``ScenarioError`` naming the scenario's key (`besieged`, `allies[1]`,
    ///   `inflows[2].route`, …) with the names the files do hold.
    public func check(against scenario: Scenario) throws {
        guard let siege = scenario.siege else {
            throw ScenarioError(file: scenario.file, path: "map", message: "missing: give the control map, a GeoJSON file")
        }
        try Self.checkControllers(scenario, siege, map)
        try Self.checkRouteNames(scenario, routes)
    }

    private static func checkControllers(_ scenario: Scenario, _ siege: SiegeSettings, _ map: ControlMap) throws {
        let known = map.controllers
        func check(_ name: String, _ path: String) throws {
            guard known.contains(name) else {
                throw ScenarioError(file: scenario.file, path: path,
                                    message: "'\(name)' holds nothing on the map, \(Suggestion.hint(for: name, in: known))")
            }
        }
        try check(siege.besieged, "besieged")
        for (i, ally) in siege.allies.enumerated() { try check(ally, "allies[\(i)]") }
        for (i, party) in siege.neutral.enumerated() { try check(party, "neutral[\(i)]") }
    }

    private static func checkRouteNames(_ scenario: Scenario, _ routes: [Route]) throws {
        let names = routes.map(\.name)
        let corridors = routes.filter { $0.kind == .corridor }.map(\.name)
        func unknown(_ name: String, _ among: [String], _ what: String) -> String {
            scenario.siege?.routes == nil
                ? "'\(name)' needs a routes file: add `routes:` to the scenario"
                : "no \(what) '\(name)' in the routes file, \(Suggestion.hint(for: name, in: among))"
        }
        for (i, inflow) in scenario.supply.inflows.enumerated() {
            for route in inflow.routes where !names.contains(route) {
                throw ScenarioError(file: scenario.file, path: "inflows[\(i)].route", message: unknown(route, names, "route"))
            }
            for case .corridor(let corridor) in inflow.passages where !corridors.contains(corridor) {
                let message = names.contains(corridor)
                    ? "'\(corridor)' is a supply route, not a corridor (its `kind`): give it as `route`"
                    : unknown(corridor, corridors, "corridor")
                throw ScenarioError(file: scenario.file, path: "inflows[\(i)].corridor", message: message)
            }
        }
        for (i, rule) in scenario.supply.evacuation.enumerated() {
            if let corridor = rule.corridor, !corridors.contains(corridor) {
                let message = names.contains(corridor)
                    ? "'\(corridor)' is a supply route, not a corridor (its `kind`)"
                    : unknown(corridor, corridors, "corridor")
                throw ScenarioError(file: scenario.file, path: "evacuation[\(i)].corridor", message: message)
            }
        }
    }
}
