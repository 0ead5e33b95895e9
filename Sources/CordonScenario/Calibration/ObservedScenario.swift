import CordonSupply
import CordonCore

/// A scenario file ready to be scored against its observations: the supply model as `cordon run`
/// builds it (people and access from the map, when the file names one), seen through its observations.
public struct ObservedScenario: Sendable {
    /// The scenario as read.
    public let scenario: Scenario
    /// The supply model on its access timeline.
    public let model: ObservationModel
    /// The access timeline the model runs on (nil for a scenario without a map).
    public let access: AccessTimeline?

    /// Reads `file` and builds its model (``ScenarioModel/load(_:jobs:progress:)``).
    ///
    /// - Parameters:
    ///   - file: The scenario file.
    ///   - jobs: Parallel workers for the map periods.
    /// - Throws: What ``ScenarioModel/load(_:jobs:progress:)`` throws.
    public static func load(_ file: String, jobs: Int) async throws -> ObservedScenario {
        let built = try await ScenarioModel.load(file, jobs: jobs)
        return ObservedScenario(scenario: built.scenario, model: try ObservationModel(built.model, access: built.access),
                                access: built.access)
    }

    /// The entries of `uncertainty.vary` that `keys` name, in the order of `vary`; all of them
    /// for no keys.
    /// - Throws: ``ScenarioError`` at `--vary` naming a key with no range.
    public func variations(_ keys: [String]) throws -> [Variation] {
        try Self.variations(keys, of: scenario)
    }

    /// ``variations(_:)`` of a scenario as read, before any map work.
    public static func variations(_ keys: [String], of scenario: Scenario) throws -> [Variation] {
        let vary = scenario.supply.uncertainty?.vary ?? []
        guard !keys.isEmpty else { return vary }
        let named = vary.map { scenario.supply.name(of: $0.parameter) }
        for key in keys where !vary.contains(where: { scenario.supply.paths(of: $0.parameter).contains(key) }) {
            throw ScenarioError(file: scenario.file, path: "uncertainty.vary",
                                message: "--vary \(key): no range for it in uncertainty.vary, so nothing to draw it from "
                                    + (named.isEmpty ? "(the scenario varies nothing)" : "(it varies: \(named.joined(separator: ", ")))"))
        }
        return vary.filter { v in scenario.supply.paths(of: v.parameter).contains(where: keys.contains) }
    }

    /// The same scenario seen through only the observations `spellings` name (`food.depleted`);
    /// all of them for none.
    /// - Throws: ``ScenarioError`` at `observations` naming a spelling no observation has.
    public func against(_ spellings: [String]) throws -> ObservedScenario {
        guard !spellings.isEmpty else { return self }
        var narrowed = model.scenario
        narrowed.observations = try Self.observations(spellings, of: scenario)
        return ObservedScenario(scenario: scenario, model: try ObservationModel(narrowed, access: access), access: access)
    }

    /// The observations of a scenario as read that `spellings` name (`food.depleted`), in
    /// scenario order; all of them for none. Before any map work, so a misspelling stops at once.
    /// - Throws: ``ScenarioError`` at `observations` naming a spelling no observation has.
    public static func observations(_ spellings: [String], of scenario: Scenario) throws -> [Observation] {
        let observations = scenario.supply.observations
        guard !spellings.isEmpty else { return observations }
        let known = observations.map(\.what.spelling)
        for spelling in spellings where !known.contains(spelling) {
            throw ScenarioError(file: scenario.file, path: "observations",
                                message: "--against \(spelling): no such observation (observed: \(Array(Set(known)).sorted().joined(separator: ", ")))")
        }
        return observations.filter { spellings.contains($0.what.spelling) }
    }
}
