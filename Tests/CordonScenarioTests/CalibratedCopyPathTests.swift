import CordonTestSupport
import Foundation
import Testing
@testable import CordonScenario

/// The calibrated copy is written into another folder, so every file the scenario names must
/// point at the original's file: the bundled Aleppo case names six.
@Suite struct CalibratedCopyPathTests {
    @Test func everyFileTheScenarioReadsPointsAtTheOriginal() throws {
        let file = Repository.aleppo.appendingPathComponent("scenario.yaml").path
        let scenario = try ScenarioLoader.load(file, for: .run)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let named = text.split(separator: "\n").map(String.init).filter { line in
            ["map:", "routes:", "districts:", "roads:", "events:", "prices:"].contains { line.hasPrefix($0) }
        }
        #expect(named.count == 6, "\(named)")
        for line in named {
            let copied = CalibratedCopy.absolutePath(line, scenario: scenario)
            let path = try #require(copied.split(separator: ":", maxSplits: 1).last?
                .split(separator: "#").first?.trimmingCharacters(in: .whitespaces))
            #expect(path.hasPrefix("/") && FileManager.default.fileExists(atPath: path), "\(line) → \(copied)")
        }
        // A database connection is not a path and stays as written.
        #expect(CalibratedCopy.absolutePath("map: PG:dbname=x", scenario: scenario) == "map: PG:dbname=x   # the original's file")
    }
}
