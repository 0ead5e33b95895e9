import CordonCore
import CordonGeometry
import CordonSources
import CordonSupply
import Foundation
import Yams

/// A scenario: the supply model and, for a whole run, where the siege is on the map.
///
/// Read one from a file with `ScenarioLoader.load(_:for:)`, or build one in Swift from values
/// and hand it to `ScenarioPipeline.run(_:inputs:options:)`. docs/scenario.md lists every key.
public struct Scenario: Sendable {
    /// The file as the user named it, used in every error message ("scenario" when built in Swift).
    public let file: String
    /// The supply model: dates, people, stocks, inflows, rationing, evacuation, uncertainty.
    /// Without a `population` key (allowed for `run`) its population is 0 until the caller sets it.
    public var supply: SupplyScenario
    /// The `population` key, if the file gives one; `run` otherwise counts people from the map.
    public let population: Double?
    /// Where the siege is on the map (`run` only; nil for `simulate` or a file without siege keys).
    public var siege: SiegeSettings?
    /// Evacuation rules that name a corridor and give no `per_day`: they take the corridor's
    /// daily capacity, which only the routes file knows (their `perDay` is 0 until then).
    public var evacuationAtCapacity: [Int] = []

    /// A scenario from values.
    /// - Parameters:
    ///   - file: what error messages call it; relative paths in `siege` resolve against its folder.
    ///   - supply: dates, stocks, needs, inflows, rationing, evacuation and uncertainty.
    ///   - population: people inside at the start; nil lets `run` count them from the map.
    ///   - siege: the map, routes and districts files and whose siege; nil for supplies alone.
    ///   - evacuationAtCapacity: indices of evacuation rules that move their corridor's daily capacity.
    public init(file: String = "scenario", supply: SupplyScenario, population: Double? = nil,
                siege: SiegeSettings? = nil, evacuationAtCapacity: [Int] = []) {
        self.file = file
        self.supply = supply
        self.population = population
        self.siege = siege
        self.evacuationAtCapacity = evacuationAtCapacity
        if let population { self.supply.population = population }
    }

    /// A path written in the scenario, taken relative to the scenario's own folder.
    public func resolve(_ path: String) -> String {
        // A database connection is not a path.
        if path.hasPrefix("/") || SourceName(path).isDatabase { return path }
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }
}

/// Reads scenario files (YAML, or JSON, which YAML reads too).
public enum ScenarioLoader {
    /// What the caller will do with the scenario, which decides what is allowed.
    public enum Purpose: Sendable {
        /// `cordon simulate`: no map, so an inflow may not depend on a route.
        case simulate
        /// `cordon run`: the map supplies the access timeline, so routes are allowed.
        case run
    }

    /// Reads and checks the scenario file `file`.
    /// - Parameters:
    ///   - file: The scenario file (YAML or JSON), as the user named it.
    ///   - purpose: What the scenario is for, which decides whether inflows may name routes and
    ///     whether `population` is required.
    /// - Returns: The scenario, with its siege settings when the file gives them.
    /// - Throws: ``ScenarioError`` naming the file, the key path and what is wrong.
    public static func load(_ file: String, for purpose: Purpose) throws -> Scenario {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(file, limit: YAMLLimits.maxBytes)
        } catch let e as FileReadError {
            throw ScenarioError(file: file, path: "", message: e.reason)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ScenarioError(file: file, path: "", message: "not YAML or JSON: the file is not UTF-8 text")
        }
        return try parse(text, file: file, for: purpose)
    }

    /// Reads scenario text; `file` names it in errors and anchors relative paths.
    ///
    /// - Parameters:
    ///   - text: The scenario's YAML or JSON text.
    ///   - file: The file it came from, for messages and relative paths.
    ///   - purpose: What the scenario is for.
    /// - Throws: ``ScenarioError`` naming the key path and what is wrong.
    public static func parse(_ text: String, file: String, for purpose: Purpose) throws -> Scenario {
        // Windows editors save UTF-8 with a byte order mark, which libyaml refuses inside text.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if let line = YAMLLimits.firstTooDeepLine(text) {
            throw ScenarioError(file: file, path: "", message: "line \(line): nested deeper than \(YAMLLimits.maxDepth) levels")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw ScenarioError(file: file, path: "", message: "not YAML or JSON: \(brief(e))")
        }
        if let node, YAMLLimits.exceedsValues(node) {
            throw ScenarioError(file: file, path: "", message:
                "more than \(YAMLLimits.maxValues) values once its aliases are expanded (a YAML bomb?)")
        }
        guard let node else { throw ScenarioError(file: file, path: "", message: "empty: a scenario needs start, end, population and supplies") }
        let root = Field(node: node, path: .root, file: file)
        guard case .mapping = node else {
            throw root.error("not a scenario: expected a mapping of keys (start, end, population, supplies, …) at the top")
        }
        let top = try root.section(ScenarioKeys.top)
        var population: Double?
        if purpose == .simulate || top.has("population") {
            population = try top.required("population", "the number of people inside").amount()
        }
        var supply = try top.supplyScenario(defaultName: ((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        supply.population = population ?? 0
        if purpose == .simulate, let i = supply.inflows.firstIndex(where: { !$0.allPassages.isEmpty }) {
            let key: String
            switch supply.inflows[i].allPassages[0] {
            case .route: key = "route"
            case .corridor: key = "corridor"
            case .airport: key = "airport"
            }
            throw ScenarioError(file: file, path: "inflows[\(i)].\(key)",
                                message: "needs an access timeline from a map: use `cordon run`, or drop the \(key) for `simulate`")
        }
        let atCapacity = try (top.optional("evacuation")?.list() ?? []).enumerated().compactMap { i, rule in
            try rule.section(ScenarioKeys.evacuation).has("per_day") ? nil : i
        }
        if purpose == .simulate, let i = atCapacity.first {
            throw ScenarioError(file: file, path: "evacuation[\(i)].per_day",
                                message: "missing: give a number of people a day (only `cordon run` can take a corridor's capacity)")
        }
        var loaded = Scenario(file: file, supply: supply, population: population)
        loaded.evacuationAtCapacity = atCapacity
        // A supply-only file still loads for `run` (its siege is then missing where the
        // pipeline needs it); once any siege key is given, the required ones must all be.
        if purpose == .run, ScenarioKeys.siege.contains(where: top.has) { loaded.siege = try top.siegeSettings() }
        try loaded.checkSize()
        return loaded
    }

    /// libyaml's problem and position, on one line.
    private static func brief(_ e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "\(problem) at line \(mark.line), column \(mark.column)"
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(e)"
        }
    }
}

extension Section {
    /// The top level: dates, then each supply section in turn (the loader reads `population`).
    func supplyScenario(defaultName: String) throws -> SupplyScenario {
        let start = try required("start", "the first day, yyyy-mm-dd").day()
        let endField = try required("end", "the last day, yyyy-mm-dd")
        let end = try endField.day()
        guard end >= start else { throw endField.error("must not be before start (\(start))") }
        let supplies = try required("supplies", "a list of commodities").list().map { try $0.section(ScenarioKeys.supply).supply() }
        guard !supplies.isEmpty else { throw try required("supplies", "").error("list at least one commodity") }
        var names = Set<String>()
        for (i, s) in supplies.enumerated() where !names.insert(s.commodity).inserted {
            throw ScenarioError(file: field.file, path: field.path.key("supplies").index(i).key("commodity").description,
                                message: "'\(s.commodity)' is listed twice")
        }
        let stocked = supplies.map(\.commodity)
        var scenario = SupplyScenario(
            name: try optional("name")?.string() ?? defaultName, start: start, end: end,
            population: 0, supplies: supplies,
            inflows: try optional("inflows")?.list().map { try $0.section(ScenarioKeys.inflow).inflow(stocked: stocked) } ?? [],
            rationing: try optional("rationing")?.list().map { try $0.section(ScenarioKeys.rationing).rationRule() } ?? [],
            evacuation: try optional("evacuation")?.list().map { try $0.section(ScenarioKeys.evacuation).evacuation() } ?? [],
            populationChanges: try optional("population_changes")?.list().map {
                try $0.section(ScenarioKeys.populationChange).populationChange(stocked: stocked)
            } ?? [])
        scenario.inflows = try uniqueNames(scenario.inflows)
        // Supplies that would arrive wholly outside the simulated days are a mistake (a typo in
        // a year, say), not a choice: say so rather than drop them.
        for (i, inflow) in scenario.inflows.enumerated() {
            let path = field.path.key("inflows").index(i)
            switch inflow.schedule {
            case .once(let date, _) where date < start || date > end:
                throw ScenarioError(file: field.file, path: path.key("date").description,
                                    message: "\(date) is outside the scenario (\(start) to \(end)): the delivery would never arrive")
            case .daily(_, _, let from, let until, _):
                if let from, from > end {
                    throw ScenarioError(file: field.file, path: path.key("from").description,
                                        message: "\(from) is after the scenario's end (\(end)): nothing would come in")
                }
                if let until, until <= start {
                    throw ScenarioError(file: field.file, path: path.key("until").description,
                                        message: "\(until) is not after the scenario's start (\(start)): nothing would come in")
                }
            default:
                break
            }
        }
        scenario.uncertainty = try optional("uncertainty")?.section(ScenarioKeys.uncertainty).uncertainty(for: scenario)
        scenario.observations = try optional("observations")?.list().map {
            try $0.section(ScenarioKeys.observation).observation(in: scenario)
        } ?? []
        return scenario
    }

    /// Names given in the file must differ; a default name already taken gets " 2", " 3", …
    /// in file order, so "food inflow" and "food inflow 2" tell two unnamed flows apart.
    private func uniqueNames(_ inflows: [Inflow]) throws -> [Inflow] {
        let items = try optional("inflows")?.list() ?? []
        let given = try items.map { try $0.section(ScenarioKeys.inflow).optional("name") }
        var taken: [String: Int] = [:]
        for (i, field) in given.enumerated() {
            guard let field else { continue }
            if let first = taken[inflows[i].name] {
                throw field.error("'\(inflows[i].name)' already names inflows[\(first)]: give each inflow its own name")
            }
            taken[inflows[i].name] = i
        }
        var named = inflows
        for i in named.indices where given[i] == nil {
            let base = named[i].name
            var name = base, k = 1
            while taken[name] != nil { k += 1; name = "\(base) \(k)" }
            named[i].name = name
            taken[name] = i
        }
        return named
    }
}
