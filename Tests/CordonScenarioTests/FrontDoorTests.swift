import CordonTestSupport
import Foundation
import Testing

// The README's "Use from Swift" example, compiled here; a test below checks the README shows
// exactly these lines. Edit both together.
// BEGIN README EXAMPLE
import CordonCore
import CordonGeometry
import CordonScenario
import CordonSiege
import CordonSupply

/// A 2 km town of 20,000 people, ringed by an army from 1 March 2024 on a 7 by 6 km map.
/// When does its flour run out?
func besiegedTown() async throws -> ScenarioResult {
    let geos = try GEOSContext()
    let map = try geos.rectangle(Bounds(minX: 30.00, minY: 50.00, maxX: 30.10, maxY: 50.06))
    let town = try geos.rectangle(Bounds(minX: 30.04, minY: 50.02, maxX: 30.06, maxY: 50.04))
    let ring = try map.difference(town)
    let siegeDay = Day(year: 2024, month: 3, day: 1)!
    let control = ControlMap(file: "town", areas: [
        ControlArea(feature: 0, geometry: town, controller: "town", population: 20_000),
        ControlArea(feature: 1, geometry: ring, controller: "town", until: siegeDay),
        ControlArea(feature: 2, geometry: ring, controller: "army", from: siegeDay),
    ])
    let supplies = SupplyScenario(
        name: "town", start: siegeDay, end: Day(year: 2024, month: 6, day: 30)!, population: 0,
        supplies: [Supply(commodity: "flour", unit: "kg", stock: 200_000, needPerPersonDay: 0.4)])
    let scenario = Scenario(
        supply: supplies,
        siege: SiegeSettings(map: "town", besieged: "town", focus: Coordinate(30.05, 50.03)))
    return try await ScenarioPipeline.run(scenario, inputs: ScenarioInputs(map: control))
}
// END README EXAMPLE

@Suite struct FrontDoorTests {
    /// By hand: the ring falls to the army on 1 March, so the town is encircled from then on, with
    /// its 20,000 people; they need 8,000 kg a day, so 200,000 kg last 25 days: 1–25 March.
    @Test func theExampleRunsAndGivesTheHandAnswer() async throws {
        let result = try await besiegedTown()
        #expect(result.siege.encircled.first?.from == Day(year: 2024, month: 3, day: 1))
        #expect(result.siege.populationAtFirstEncirclement == 20_000)
        #expect(result.supply.outcomes.first?.depleted == Day(year: 2024, month: 3, day: 25))
        let brief = ScenarioBrief(result: result)
        #expect(brief.depletion == ["Flour (kg): runs out on 2024-03-25 in the central run."])
    }

    @Test func theReadmeShowsExactlyTheCompiledExample() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let example = try #require(section(of: source, from: "// BEGIN README EXAMPLE\n", to: "// END README EXAMPLE"))
        let shown = try #require(section(of: readme, from: "<!-- compiled by Tests/CordonScenarioTests/FrontDoorTests.swift -->\n```swift\n",
                                         to: "```"))
        #expect(shown == example)
    }

    private func section(of text: String, from start: String, to end: String) -> String? {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
        return String(text[a.upperBound..<b.lowerBound])
    }
}
