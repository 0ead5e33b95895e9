import CordonCore
import CordonScenario
import CordonSupply
import CordonTestSupport
import Testing

/// Scenario fixtures beside the outputs expected from them. The expected files are written by
/// scripts/supply_yardstick.py, a separate numpy implementation of the same rules and random
/// streams, so agreement checks every number against an independent computation:
///
///     python3 scripts/supply_yardstick.py Tests/CordonScenarioTests/Fixtures/aleppo-supply.yaml \
///         -o Tests/CordonScenarioTests/Fixtures/aleppo-supply.timeline.csv \
///         --summary Tests/CordonScenarioTests/Fixtures/aleppo-supply.summary.json
///
/// (CordonCLITests.FixtureGeneratorTests runs it again and compares the bytes.)
@Suite struct GoldenTests {
    @Test func aleppoSupplyMatchesTheYardstickByteForByte() async throws {
        let loaded = try ScenarioLoader.load(fixture("aleppo-supply.yaml"), for: .simulate)
        let run = try loaded.supply.simulate()
        let mc = try await loaded.supply.monteCarlo(jobs: 2)
        #expect(run.timelineCSV(monteCarlo: mc) == (try fixtureText("aleppo-supply.timeline.csv")))
        #expect(run.summaryJSON(monteCarlo: mc) == (try fixtureText("aleppo-supply.summary.json")))
    }

    /// Seasonal needs, food energy, population changes and a refilled stock, against the same yardstick.
    @Test func needsAndPeopleMatchTheYardstickByteForByte() async throws {
        let loaded = try ScenarioLoader.load(fixture("needs-people.yaml"), for: .simulate)
        let run = try loaded.supply.simulate()
        let mc = try await loaded.supply.monteCarlo(jobs: 2)
        #expect(run.timelineCSV(monteCarlo: mc) == (try fixtureText("needs-people.timeline.csv")))
        #expect(run.summaryJSON(monteCarlo: mc) == (try fixtureText("needs-people.summary.json")))
    }

    @Test func jsonScenariosReadLikeYaml() throws {
        let loaded = try ScenarioLoader.load(fixture("flour.json"), for: .simulate)
        #expect(loaded.supply.population == 50_000)
        // As the hand count in CordonSupplyTests: half rations from day 12, out on day 29.
        #expect(try loaded.supply.simulate().outcomes[0].depleted == Day(iso: "2016-08-14"))
    }

    @Test func relativePathsAreTakenFromTheScenarioFolder() throws {
        let loaded = try ScenarioLoader.parse(ScenarioText.valid, file: "geodata/aleppo/scenario.yaml", for: .simulate)
        #expect(loaded.resolve("map.geojson") == "geodata/aleppo/map.geojson")
        #expect(loaded.resolve("/data/map.geojson") == "/data/map.geojson")
        #expect(loaded.supply.name == "scenario")
    }
}
