import CordonCore
import CordonGeometry
import CordonScenario
import CordonSupply
import CordonTestSupport
import Foundation
import Testing

/// The pipeline as a library call, on the bundled scenario with one rule changed at a time.
struct PipelineTests {
    /// The bundled scenario, its files named by absolute path, `from` replaced by `to`.
    static func aleppo(replacing from: String = "", with to: String = "") throws -> String {
        let folder = try temporaryFolder("pipeline")
        var text = try String(contentsOf: Repository.aleppo.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        for name in ["map", "routes", "districts", "roads"] {
            text = text.replacingOccurrences(of: "\(name): \(name).geojson",
                                             with: "\(name): \(Repository.aleppo.appendingPathComponent("\(name).geojson").path)")
        }
        for name in ["events", "prices"] {
            text = text.replacingOccurrences(of: "\(name): \(name).csv",
                                             with: "\(name): \(Repository.aleppo.appendingPathComponent("\(name).csv").path)")
        }
        if !from.isEmpty {
            #expect(text.contains(from))
            text = text.replacingOccurrences(of: from, with: to)
        }
        let file = folder.appendingPathComponent("scenario.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Removes the folder `aleppo` made for a scenario.
    static func remove(_ file: String) {
        try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent)
    }

    static let salahAlDin = """
          - from: 2016-07-28
            until: 2016-12-22
            per_day: 20
            max_total: 2000
            corridor: Seif al-Dawla corridor
        """

    /// Without `per_day`, people leave at the corridor's capacity over its hours:
    /// 2,000 a day × 12 h / 24 h = 1,000, from the day it is declared open, up to max_total.
    @Test func evacuationWithoutPerDayTakesTheCorridorsCapacity() async throws {
        let file = try Self.aleppo(replacing: Self.salahAlDin, with: """
              - max_total: 2500
                corridor: Seif al-Dawla corridor
            """)
        defer { Self.remove(file) }
        let result = try await ScenarioPipeline.run(file, options: .init(jobs: 2, runs: 0))
        #expect(result.model.evacuation[0].perDay == 1000)
        #expect(result.model.evacuation[0].from == Day(iso: "2016-07-28"))
        let evacuated = { (day: String) in result.supply.days.first { $0.date == Day(iso: day) }!.evacuated }
        #expect(evacuated("2016-07-27") == 0)
        #expect(evacuated("2016-07-28") == 1000)
        #expect(evacuated("2016-07-29") == 2000)
        #expect(evacuated("2016-07-30") == 2500)
        #expect(evacuated("2016-11-25") == 2500)
    }

    /// A rule whose window closes before the corridor is declared open moves nobody, though
    /// the corridor reads `cut` (it crosses the front) either way.
    @Test func evacuationRunsOnlyWhileTheCorridorIsDeclaredOpen() async throws {
        let file = try Self.aleppo(replacing: Self.salahAlDin, with: """
              - from: 2016-07-01
                until: 2016-07-28
                per_day: 20
                corridor: Seif al-Dawla corridor
            """)
        defer { Self.remove(file) }
        let result = try await ScenarioPipeline.run(file, options: .init(jobs: 2, runs: 0))
        #expect(result.supply.days.first { $0.date == Day(iso: "2016-11-25") }!.evacuated == 0)
        #expect(result.routes.filter { $0.route.name == "Seif al-Dawla corridor" }.allSatisfy { $0.condition == .cut })
    }

    /// With `population` given, the scenario's own figure is used, not the map's.
    @Test func aPopulationInTheScenarioWinsOverTheMap() async throws {
        let file = try Self.aleppo(replacing: "start: 2016-07-01", with: "start: 2016-07-01\npopulation: 250000")
        defer { Self.remove(file) }
        let result = try await ScenarioPipeline.run(file, options: .init(jobs: 1, runs: 0))
        #expect(result.supply.days[0].population == 250_000)
        // The map's own figure: ../shared/bench/reference_enclosure.py geodata/aleppo-2016/map.geojson
        // --besieged opposition --date 2016-07-01 finds one pocket of 203,000 (README, Checks).
        #expect(result.siege.pocket(on: Day(iso: "2016-07-01")!)?.population.rounded() == 203_000)
    }

    @Test func simulateCannotTakeACorridorsCapacity() throws {
        let text = """
            start: 2016-07-01
            end: 2016-07-10
            population: 100
            supplies: [{commodity: food, unit: kg, stock: 10, need_per_person_day: 0.3}]
            evacuation: [{corridor: North, max_total: 10}]
            """
        #expect(throws: ScenarioError(file: "s.yaml", path: "evacuation[0].per_day",
                                      message: "missing: give a number of people a day (only `cordon run` can take a corridor's capacity)")) {
            try ScenarioLoader.parse(text, file: "s.yaml", for: .simulate)
        }
        let run = try ScenarioLoader.parse(text + "\nmap: m.geojson\nbesieged: a\nfocus: [1, 2]\n", file: "s.yaml", for: .run)
        #expect(run.evacuationAtCapacity == [0])
        #expect(run.siege == SiegeSettings(map: "m.geojson", besieged: "a", focus: Coordinate(1, 2)))
        #expect(throws: ScenarioError(file: "s.yaml", path: "focus", message: "missing: give a point [lon, lat] inside the besieged pocket to simulate")) {
            try ScenarioLoader.parse(text + "\nmap: m.geojson\nbesieged: a\n", file: "s.yaml", for: .run)
        }
    }

    @Test func thePaletteGivesTheBesiegedSideTheFirstColourAndEachControllerItsOwn() {
        let palette = Palette(besieged: "opposition", allies: ["kurdish"], controllers: ["government", "kurdish", "opposition", "isis"])
        #expect(palette.colour(of: "opposition") == "#0072B2")
        #expect(palette.colour(of: "kurdish") == "#D55E00")
        #expect(palette.colour(of: "government") == "#CC79A7")
        #expect(palette.colour(of: "isis") == "#56B4E9")
        #expect(palette.colour(of: "nobody") == "#999999")
        // A neutral party takes the neutral colour and uses up none of the others, allied or not.
        let withUN = Palette(besieged: "opposition", allies: ["kurdish", "un"], neutral: ["un"],
                             controllers: ["government", "kurdish", "opposition", "isis", "un"])
        #expect(withUN.colour(of: "un") == "#332288" && withUN.isNeutral("un"))
        #expect(withUN.colour(of: "government") == "#CC79A7" && withUN.colour(of: "isis") == "#56B4E9")
        #expect(!["#0072B2", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"].contains(withUN.colour(of: "un")))
    }

    @Test func theRFC7946CheckCatchesWhatItLooksFor() {
        let clockwise: [String: Any] = ["type": "FeatureCollection", "features": [
            ["type": "Feature", "properties": [:], "geometry": ["type": "Polygon", "coordinates": [[[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]]]]],
            ["type": "Feature", "properties": [:], "geometry": ["type": "Point", "coordinates": [200.0, 0.0]]],
        ]]
        #expect(RFC7946.faults(clockwise) == ["feature 0: exterior ring clockwise", "feature 1: position [200.0, 0.0] out of range"])
        #expect(RFC7946.faults(["type": "FeatureCollection", "features": [], "crs": [:]]) == ["has a crs member"])
    }
}
