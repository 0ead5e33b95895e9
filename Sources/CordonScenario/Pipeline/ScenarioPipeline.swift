import CordonCore
import CordonGeometry
import CordonSiege
import CordonSupply
import Foundation

/// What `cordon run` does, as a library call: a scenario file in, every result out.
///
///     let result = try await ScenarioPipeline.run("geodata/aleppo-2016/scenario.yaml")
///     let files = try ScenarioOutput(result).write(to: "out")
///
/// The steps: load the scenario; read the map, routes and districts it names; find the
/// besieged side's pockets in every period of the map; pick the pocket holding the focus
/// point (its encircled periods are the siege); judge each route per period and turn that
/// into the access timeline; then run the supply simulation (and Monte Carlo) on it.
public enum ScenarioPipeline {
    /// How a run is carried out; none of it changes the results, except the Monte Carlo runs and seed.
    public struct Options: Sendable {
        /// Parallel workers for the map periods and the Monte Carlo runs.
        public var jobs: Int
        /// Monte Carlo runs, overriding the scenario's `uncertainty`; nil keeps the scenario's.
        public var runs: Int?
        /// The Monte Carlo seed, overriding the scenario's `uncertainty`; nil keeps the scenario's.
        public var seed: UInt64?
        /// Called as work advances: the stage ("periods", "routes", "runs"), done, total.
        public var progress: (@Sendable (String, Int, Int) -> Void)?
        /// Sensitivity analysis (sensitivity.csv, sensitivity.json and the report's "What moves
        /// the answer"): the Sobol base sample, 0 for one-at-a-time only; nil for none. Its seed is `seed`.
        public var sensitivitySamples: Int?
        /// The one-at-a-time spread of the sensitivity analysis.
        public var sensitivitySpread = SensitivityOptions.defaultSpread

        /// How to run.
        /// - Parameters:
        ///   - jobs: Parallel workers, at least 1; one per core by default.
        ///   - runs: Monte Carlo runs; nil takes the scenario's.
        ///   - seed: The Monte Carlo seed; nil takes the scenario's.
        ///   - progress: Told the stage, the work done and the total.
        public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, runs: Int? = nil, seed: UInt64? = nil,
                    progress: (@Sendable (String, Int, Int) -> Void)? = nil) {
            self.jobs = max(1, jobs)
            self.runs = runs
            self.seed = seed
            self.progress = progress
        }
    }

    /// Loads the scenario file, reads the files it names, and runs it.
    /// - Parameters:
    ///   - file: a scenario file (YAML or JSON); paths in it are relative to its folder.
    ///   - options: workers, Monte Carlo runs and seed, progress.
    /// - Returns: every pocket, the siege, route states, the supply runs and the layers' data.
    /// - Throws: ``ScenarioError``, `GeoJSONError` or `SiegeInputError` naming the file, key or
    ///   feature at fault; `GeometryError` when the geometry engine fails.
    public static func run(_ file: String, options: Options = Options()) async throws -> ScenarioResult {
        let scenario = try ScenarioLoader.load(file, for: .run)
        let inputs = try ScenarioInputs(reading: scenario, context: try GEOSContext(), jobs: options.jobs)
        return try await run(scenario, inputs: inputs, options: options)
    }

    /// The steps every answer rests on: the pockets of every period, the siege of the focus
    /// pocket, the routes' states, the access timeline and the supply model. `run` goes on from
    /// here to the simulation and the layers; sensitivity, hindcast and calibration need no more.
    static func siegeModel(_ scenario: Scenario, inputs: ScenarioInputs, options: Options) async throws -> SiegeModel {
        try inputs.check(against: scenario)
        // Before the map work, so a run that cannot fit stops at once.
        try scenario.checkSize(runs: options.runs)
        try scenario.checkOutcomes(runs: options.runs, kept: ObservationModel.keptInMonteCarlo(scenario.supply))
        if let samples = options.sensitivitySamples {
            try scenario.checkSensitivity(samples: samples, spread: options.sensitivitySpread, key: "--sensitivity-samples")
        }
        guard let siege = scenario.siege else {
            throw ScenarioError(file: scenario.file, path: "map", message: "missing: give the control map, a GeoJSON file")
        }
        do {
            try siege.routeOptions.validate()
        } catch let e as SiegeOptionError {
            throw ScenarioError(file: scenario.file, path: SiegeSettings.key(for: e.setting), message: e.reason)
        }
        let context = try inputs.map.areas.first?.geometry.context ?? GEOSContext()
        let window = ScenarioWindow(scenario.supply)
        let layers = EnclosureLayers(districts: inputs.districts.isEmpty ? nil : inputs.districts)
        let progress = options.progress

        let enclosure = siege.enclosureOptions
        let pockets = try await EnclosureTimeline.run(map: inputs.map, options: enclosure, layers: layers, jobs: options.jobs,
                                                      progress: { progress?("periods", $0, $1) })
        let inWindow = window.clip(pockets, \.period)
        let timeline = try SiegeTimeline(pockets: inWindow, besieged: siege.besieged, focus: siege.focus, context: context)
        guard let first = timeline.pocket(on: scenario.supply.start) else {
            throw ScenarioError(file: scenario.file, path: "focus",
                                message: "[\(siege.focus.x), \(siege.focus.y)] lies in no '\(siege.besieged)' pocket on "
                                    + "\(scenario.supply.start) (start): give a point inside the besieged ground")
        }

        // Evidence is counted over the scenario's days (docs/design.md#evidence).
        let evidenceIndex = inputs.events.map { EventIndex($0, window: Period(from: window.start, until: window.until)) }
        var states: [RouteState] = []
        var access = AccessTimeline()
        if !inputs.routes.isEmpty {
            states = try await RouteTimeline.run(map: inputs.map, routes: inputs.routes, options: siege.routeOptions,
                                                 layers: EnclosureLayers(), jobs: options.jobs,
                                                 progress: { progress?("routes", $0, $1) })
            if let events = evidenceIndex, let rule = siege.evidence.status {
                let near = RouteEventDays(routes: inputs.routes, events: events, range: siege.fireRange)
                states = EvidenceStatus(near: near, events: rule.events, days: rule.days).apply(to: states)
            }
            access = AccessTimeline(routeStates: states)
        }
        try PassageTimeline(map: inputs.map, routes: inputs.routes, siege: siege, context: context)
            .add(scenario.supply, to: &access)

        let model = try scenario.supplyModel(populationAtStart: first.population, routes: inputs.routes)
        return SiegeModel(siege: siege, context: context, enclosure: enclosure, pockets: inWindow, timeline: timeline,
                          states: states, access: access, model: model, evidenceIndex: evidenceIndex)
    }

    /// Runs a scenario built in Swift on inputs built in Swift (or read by `ScenarioInputs(reading:context:)`).
    /// - Parameters:
    ///   - scenario: the supply model and `siege` settings; `siege` must be set.
    ///   - inputs: the control map, routes and districts; checked against the scenario first.
    ///   - options: workers, Monte Carlo runs and seed, progress.
    ///
    /// - Returns: Every pocket, the siege, route states, the supply runs and the layers' data.
    /// - Throws: ``ScenarioError`` naming the key at fault (a missing `map`, a setting out of
    ///   bounds, a focus point in no pocket), `SiegeInputError` naming a feature, `SupplyError`, or a
    ///   `GeometryError` when the geometry engine fails.
    public static func run(_ scenario: Scenario, inputs: ScenarioInputs, options: Options = Options()) async throws
        -> ScenarioResult {
        let found = try await siegeModel(scenario, inputs: inputs, options: options)
        let (siege, context, enclosure, progress) = (found.siege, found.context, found.enclosure, options.progress)
        let (inWindow, timeline, states, access, model) = (found.pockets, found.timeline, found.states, found.access, found.model)
        let window = ScenarioWindow(scenario.supply), evidenceIndex = found.evidenceIndex
        let central = try model.simulate(access: access)
        var monteCarlo: MonteCarloResult?
        var hindcast: Hindcast?
        let runs = options.runs ?? model.uncertainty?.runs ?? 0
        let runProgress: @Sendable (Int) -> Void = { progress?("runs", $0, runs) }
        if !model.observations.isEmpty {
            // The observations' outcomes are recorded in the Monte Carlo's own runs: one pass for both.
            let observed = try ObservationModel(model, access: access)
            if runs > 0 {
                (monteCarlo, hindcast) = try await observed.monteCarlo(runs: runs, seed: options.seed, jobs: options.jobs,
                                                                       progress: runProgress)
            } else {
                hindcast = await Hindcast.score(observed, runs: 0, seed: options.seed, jobs: options.jobs)
            }
        } else if runs > 0 {
            monteCarlo = try await model.monteCarlo(runs: runs, seed: options.seed, jobs: options.jobs, access: access,
                                                    progress: runProgress)
        }
        var sensitivity: SupplySensitivity?
        if let samples = options.sensitivitySamples {
            let asked = SensitivityOptions(spread: options.sensitivitySpread, samples: samples,
                                           seed: options.seed ?? model.uncertainty?.seed ?? 0)
            sensitivity = try await model.sensitivity(asked, access: access, jobs: options.jobs,
                                                      progress: { progress?("sensitivity runs", $0, $1) })
        }

        let fronts = try FrontAnalysis(map: inputs.map, options: enclosure, context: context)
        let frontsByPeriod = try timeline.focusPockets.map { pocket in
            let neighbours = inWindow.filter { $0.period == pocket.period && $0.index != pocket.index }.map(\.geometry)
            return (pocket, try fronts.fronts(of: pocket.geometry, neighbours: neighbours, on: pocket.period?.from))
        }

        var result = ScenarioResult(
            scenario: scenario, inputs: inputs, pockets: inWindow, siege: timeline,
            routes: window.clip(states, \.period),
            model: model, supply: central, monteCarlo: monteCarlo, sensitivity: sensitivity,
            fronts: frontsByPeriod.map { FocusFronts(pocket: $0.0, fronts: $0.1) },
            districts: try DistrictStates(inputs: inputs, periods: inputs.map.periods.compactMap(window.clip),
                                         pockets: inWindow, besieged: siege.besieged).spans)
        result.idleRules = try model.idleRules(access: access, routes: inputs.routes)
        result.access = access
        if let roads = inputs.roads {
            let analysis = try AccessAnalysis(
                map: inputs.map, network: roads, options: AccessOptions(siege.routeOptions),
                places: inputs.districts, corridors: inputs.routes, context: context)
            // On the pockets found above, in the scenario's days only.
            let days = try analysis.timeline(pockets: inWindow, within: Period(from: window.start, until: window.until),
                                             progress: { progress?("roads", $0, $1) })
            result.roadAccess = window.clip(days, \.period)
            result.roadEvents = try RoadEvents.find(result.roadAccess, focus: siege.focus, context: context)
        }
        result.hindcast = hindcast
        if inputs.events != nil || inputs.prices != nil {
            result.evidence = try await ScenarioEvidence(
                inputs: inputs, events: evidenceIndex, pockets: result.pockets, routes: result.routes,
                focus: timeline.focusPositions, fireRange: siege.fireRange,
                alertMinimum: siege.evidence.alertMinimum, jobs: options.jobs)
        }
        return result
    }
}

/// What ``ScenarioPipeline/siegeModel(_:inputs:options:)`` finds: the map work and the supply model.
struct SiegeModel {
    let siege: SiegeSettings
    let context: GEOSContext
    let enclosure: EnclosureOptions
    /// Every pocket of every period, periods cut to the scenario's days.
    let pockets: [Pocket]
    let timeline: SiegeTimeline
    /// Each route per period, with the evidence status applied when asked.
    let states: [RouteState]
    let access: AccessTimeline
    let model: SupplyScenario
    let evidenceIndex: EventIndex?
}

/// The fronts of the focus pocket in one period.
public struct FocusFronts {
    /// The focus pocket in that period.
    public let pocket: Pocket
    /// Its fronts: the edge, each controller, gaps.
    public let fronts: [Front]
}

/// Everything a scenario run found.
public struct ScenarioResult {
    /// The scenario as given.
    public let scenario: Scenario
    /// The map, routes and districts it ran on.
    public let inputs: ScenarioInputs
    /// Every pocket of every period, periods cut to the scenario's days.
    public let pockets: [Pocket]
    /// The focus pocket over time, and when it is encircled.
    public let siege: SiegeTimeline
    /// Each route per period, periods cut to the scenario's days.
    public let routes: [RouteState]
    /// The supply model as simulated: population and evacuation set from the map and routes.
    public let model: SupplyScenario
    /// The central supply run, day by day.
    public let supply: SupplyRun
    /// The Monte Carlo spread; nil when no runs were asked.
    public let monteCarlo: MonteCarloResult?
    /// Which inputs move the answers; nil unless ``ScenarioPipeline/Options/sensitivitySamples`` was set.
    public var sensitivity: SupplySensitivity?
    /// The focus pocket's fronts, period by period.
    public let fronts: [FocusFronts]
    /// Who holds each district over time, and whether it is besieged.
    public let districts: [DistrictSpan]
    /// One line for each inflow that brings in nothing and each evacuation rule that takes
    /// nobody over the whole scenario (`SupplyScenario.idleRules(access:)`).
    public var idleRules: [String] = []
    /// The status of each route, corridor and airport per day the supply model ran on
    /// (hindcast, calibration and sensitivity rerun the model on it).
    public var access = AccessTimeline()
    /// Road access per period (docs/design.md#roads), when the scenario has `roads:`.
    public var roadAccess: [AccessDay] = []
    /// The days the focus pocket lost or regained its last safe road.
    public var roadEvents: [RoadEvent] = []
    /// What the scenario's events and prices say beside the model; nil when it names neither.
    public var evidence: ScenarioEvidence?
    /// The model scored against the scenario's `observations` (`cordon hindcast`), on the same
    /// Monte Carlo runs and seed; nil when it has none.
    public var hindcast: Hindcast?
}
