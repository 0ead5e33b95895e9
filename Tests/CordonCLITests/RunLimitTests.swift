import CordonTestSupport
import Foundation
import Testing

/// `--runs` past what fits is refused before anything is simulated, with exit status 2 and one
/// line, whether the runs are too many on their own or too many for the scenario's size.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct RunLimitTests {
    @Test(arguments: ["9223372036854775807", "1000001"])
    func tooManyRunsAreAUsageError(_ runs: String) throws {
        for command in ["simulate", "run"] {
            let r = try CordonTool.run([command, scenarioFixture("flour.json"), "--runs", runs, "--quiet"])
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stderr.hasPrefix("cordon: --runs must be at most 1000000"), "\(command): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func runsThatDoNotFitTheScenarioNameTheFlagAndTheMemory() throws {
        let folder = try temporaryFolder("runs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let supplies = (0..<30).map { "  - {commodity: c\($0), unit: kg, stock: 1, need_per_person_day: 1}\n" }.joined()
        let file = folder.appendingPathComponent("wide.yaml")
        try (ScenarioText.valid + supplies).write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("timeline.csv")
        let r = try CordonTool.run(["simulate", file.path, "--runs", "1000000", "-o", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("cordon: \(file.path): --runs: 1000000 runs × 46 days (start to end) × 31 supplies would need about "),
                "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // The scenario's own size is fine: without the flag it runs.
        #expect(try CordonTool.run(["simulate", file.path, "-o", out.path, "--quiet"]).status == 0)
    }
}
