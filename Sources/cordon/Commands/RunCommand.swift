import ArgumentParser
import CordonCore
import CordonScenario
import CordonSiege
import CordonSources
import CordonSupply
import Foundation

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a whole scenario: pockets, fronts, routes, districts, supplies.",
        discussion: """
        A scenario file (YAML or JSON) holds everything `cordon simulate` reads, plus where the \
        siege is on the map. Paths are relative to the scenario file:

          map: map.geojson        control map (areas with controller, from, until)
          routes: routes.geojson  supply routes and corridors (name, kind)
          districts: d.geojson    named polygons, optional population
          besieged: opposition    the besieged controller, as the map names it
          allies: []              controllers whose ground the besieged may cross
          neutral: []             controllers whose ground is not hostile
                                  (e.g. [un]) yet not passable unless allied
          snap: 0                 metres: join areas across narrower gaps
          fire_range_m: 1500      metres: a route this near hostile ground
                                  is under fire
          walk_m: 3000            metres people walk to a corridor's entry
          focus: [37.139, 36.178] [lon, lat] inside the pocket to simulate

        The pocket holding `focus` on each date is the focus pocket; its encircled periods are \
        the siege. Without `population`, the simulation starts with the people inside the focus \
        pocket at `start`. An inflow that names a `route` follows that route's status each day \
        (open: all of it, under fire: `under_fire_factor` of it, cut: nothing); a chain \
        `route: [A, B]` follows its worst link. An inflow through a `corridor` flows on the \
        corridor's declared-open days while its entry is held; one by `airport: [lon, lat]` while \
        the besieged side, an ally or a neutral party holds that point; `suspended` windows \
        stop any inflow. Inflows and evacuation rules that would bring in or take nothing are \
        named on standard error. An evacuation \
        rule that names a `corridor` runs only while the corridor is declared open (its \
        `from`/`until`: a corridor crosses the front by design, so its geometric status is \
        always cut) and, without `per_day`, moves the corridor's daily capacity.

        Files written to DIR (created if needed) as one set: into a hidden staging folder \
        beside DIR, then swapped in whole, so DIR holds either the previous set or the new \
        one. DIR must hold nothing but these files; an output that would replace an input \
        (`-o` at the scenario's own folder) is refused.
          pockets.geojson    the besieged side's pockets in every period
          fronts.geojson     the focus pocket's boundary by what lies across
                             it: a controller, the study area's edge, a gap
          routes.geojson     each route per period, stretches under fire
          districts.geojson  each district per period: controller,
                             besieged, population (only with districts)
          timeline.csv       the supply simulation, a row a day
          summary.json       siege (encircled periods, people inside),
                             routes, supplies
          sensitivity.csv    which inputs move the depletion dates, days
          sensitivity.json   short and lowest kcal: one at a time and Sobol
                             indices (--sensitivity-samples; see cordon
                             sensitivity --help)
          report.html        maps, charts and tables in one offline page
                             (cordon report DIR rebuilds it)
          map.html           the run on one offline interactive map, a
                             date slider over every day (rebuilt alike)
          timeline.csvt      the timeline's column types, for GDAL and QGIS
        Layers carry `from`/`until` (for QGIS's temporal controller), simplestyle colours and \
        a stable `id` on every feature.

        --snapshots DATES (comma-separated YYYY-MM-DD, each inside the run) or --snapshots key \
        (the report's map dates) also writes, for each date, pockets-DATE.geojson, \
        fronts-DATE.geojson, routes-DATE.geojson and districts-DATE.geojson: only the features \
        true that day, with `date` in place of `from`/`until`, for map clients without a time \
        filter (geojson.io, GitHub's preview, a plain Leaflet layer). They belong to the set.

        -o FILE.gpkg or -o PG:... (PostGIS) writes the same as tables instead of files: \
        pockets, fronts, routes, districts (geometry column `geom`, EPSG:4326, a spatial \
        index; `from`/`until` DATE columns that QGIS's temporal controller takes as they \
        are), `timeline` (a row a day, `date` a DATE) and `summary` (a row per value of \
        summary.json: `key` its JSON Pointer such as /siege/besieged, `value` its JSON text). \
        The report page is not written there: run with -o DIR for it. A GeoPackage is built \
        beside its place and renamed over it when complete; a database gets everything in \
        one transaction that replaces tables of the same names, so a failed run leaves \
        either exactly as it was. A password in PG:... is shown as ***.

        Example:
          cordon run geodata/aleppo-2016/scenario.yaml -o aleppo
          cordon run geodata/aleppo-2016/scenario.yaml -o aleppo --snapshots key
          cordon run geodata/aleppo-2016/scenario.yaml -o aleppo.gpkg
          cordon run geodata/aleppo-2016/scenario.yaml \\
              -o "PG:dbname=gis host=localhost schemas=aleppo"
          cordon validate geodata/aleppo-2016/scenario.yaml    # check without running

        Everything written is a model of the files given, not an observation. A short \
        summary goes to standard error.
        """)

    @Argument(help: "Scenario file, YAML or JSON.") var scenario: String
    @Option(name: .shortAndLong, help: "Output folder, or FILE.gpkg, or PG:... (PostGIS tables).") var output: String = "cordon-run"
    @Option(help: "Per-date layers for these dates (YYYY-MM-DD,...) or for the report's key dates (key).")
    var snapshots: String?
    @OptionGroup var settings: PipelineSettings

    func validate() throws {
        if snapshots != nil && LayerOutput(output) != nil {
            throw ValidationError("--snapshots writes files into a run folder: give -o DIR, not a GeoPackage or PG:...")
        }
    }

    func run() async throws {
        try await reporting {
            let days = try snapshotDays()
            let (result, files) = try await settings.run(scenario, into: output, snapshots: days)
            if !settings.quiet {
                let brief = ScenarioBrief(result: result)
                (brief.lines + [OutputTarget.writtenLine(files, to: output)])
                    .forEach { printError($0) }
            }
        }
    }
}

extension RunCommand {
    /// `--snapshots`: `key`, or dates separated by commas.
    func snapshotDays() throws -> SnapshotDays {
        guard let snapshots else { return .none }
        if snapshots == "key" { return .keyDates }
        let parts = snapshots.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return .days(try parts.map { text in
            guard let day = Day(iso: text) else {
                throw SiegeInputError(file: "--snapshots", "not an ISO date (YYYY-MM-DD) or key: \(text)")
            }
            return day
        })
    }
}

/// Options `run` and `demo` share, and the run itself.
struct PipelineSettings: ParsableArguments {
    @Option(help: "Monte Carlo runs; overrides uncertainty.runs, 0 turns Monte Carlo off.") var runs: Int?
    @Option(help: "Seed of the random draws; overrides uncertainty.seed.") var seed: UInt64?
    @Option(name: .customLong("jobs"), help: "Parallel workers; the default is every core. Results do not depend on it.")
    var jobsAsked: Int?
    @Flag(help: "No progress bar and no summary of the results.") var quiet = false
    @Option(help: "Sobol base sample of the sensitivity analysis (sensitivity.csv, the report's \"What moves the answer\"); 0 for one at a time only. cordon sensitivity makes a larger one.")
    var sensitivitySamples: Int = 256

    /// The workers to use: `--jobs`, else every core.
    var jobs: Int { jobsAsked ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let runs, runs < 0 { throw ValidationError("--runs must be ≥ 0") }
        if let runs, runs > SupplyLimits.maxRuns { throw ValidationError("--runs must be at most \(SupplyLimits.maxRuns)") }
        if let jobsAsked, jobsAsked < 1 { throw ValidationError("--jobs must be at least 1") }
        if sensitivitySamples < 0 || sensitivitySamples == 1 || sensitivitySamples > 100_000 {
            throw ValidationError("--sensitivity-samples must be 0 (one at a time only) or from 2 to 100000")
        }
    }

    /// Runs the pipeline on `scenario` and writes its files into `folder`, with per-date layers
    /// for `snapshots`.
    func run(_ scenario: String, into folder: String, snapshots: SnapshotDays = .none) async throws -> (ScenarioResult, [String]) {
        let quiet = self.quiet
        var options = ScenarioPipeline.Options(jobs: jobs, runs: runs, seed: seed, progress: { stage, done, total in
            Progress(stage, quiet: quiet).report(done, total)
        })
        options.sensitivitySamples = sensitivitySamples
        // Before any work: the folder must not hold an input or a file Cordon did not write.
        let loaded = try ScenarioLoader.load(scenario, for: .run)
        try snapshots.check(loaded)
        let inputs = ScenarioOutput.inputFiles(of: loaded)
        let tables = LayerOutput(folder)
        if tables == nil {
            try ScenarioOutput.check(folder: folder, inputs: inputs)
        } else {
            try OutputTarget.refuseReplacingTables(ScenarioOutput.tables, inputs: ScenarioOutput.inputLayers(of: loaded), output: folder)
            try OutputTarget.refuseReplacing(inputs: inputs, with: folder)
        }
        let result = try await ScenarioPipeline.run(scenario, options: options)
        warn(about: result.inputs.duplicates)
        for line in result.idleRules { printError("cordon: \(scenario): warning: \(line)") }
        let output = ScenarioOutput(result)
        return (result, try tables.map { try output.write(to: $0) } ?? output.write(to: folder, snapshots: snapshots))
    }
}
