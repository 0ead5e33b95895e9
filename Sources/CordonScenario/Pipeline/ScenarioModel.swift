import CordonGeometry
import CordonSupply

/// The supply model a scenario file gives, as `cordon run` builds it: with a map, the people at
/// the start and each route's status per day come from the map work (no Monte Carlo); without
/// one, the file is read as `cordon simulate` reads it. Sensitivity, hindcast and calibration
/// rerun the model on it.
public struct ScenarioModel: Sendable {
    /// The scenario as read.
    public let scenario: Scenario
    /// The supply model, population and evacuation set from the map when there is one.
    public let model: SupplyScenario
    /// The access timeline the model runs on (nil for a scenario without a map).
    public let access: AccessTimeline?

    /// Reads `file` and builds its model.
    ///
    /// - Parameters:
    ///   - file: The scenario file.
    ///   - jobs: Parallel workers for the map periods.
    ///   - progress: Told the stage, the work done and the total of the map work.
    /// - Throws: What ``ScenarioLoader/load(_:for:)``, `ScenarioInputs(reading:context:)` and
    ///   ``ScenarioPipeline/run(_:options:)`` throw.
    public static func load(_ file: String, jobs: Int,
                            progress: (@Sendable (String, Int, Int) -> Void)? = nil) async throws -> ScenarioModel {
        let loaded = try ScenarioLoader.load(file, for: .run)
        guard loaded.siege != nil else {
            let plain = try ScenarioLoader.load(file, for: .simulate)
            return ScenarioModel(scenario: plain, model: plain.supply, access: nil)
        }
        // Only the map work the model rests on: no simulation, layers, roads or evidence tallies.
        let inputs = try ScenarioInputs(reading: loaded, context: try GEOSContext(), jobs: jobs)
        let found = try await ScenarioPipeline.siegeModel(loaded, inputs: inputs,
                                                          options: .init(jobs: jobs, runs: 0, progress: progress))
        return ScenarioModel(scenario: loaded, model: found.model, access: found.access)
    }
}
