import CordonTestSupport
import Foundation
import Testing

/// `cordon sensitivity` as a user runs it: bad input refused with exit 2 naming the option or
/// key and nothing written; the same seed giving the same bytes on 1 and 2 workers.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct SensitivityCommandTests {
    /// 50,000 people, 1,000,000 kg of flour at 1 kg each (20 days), three ranges.
    static let scenario = ScenarioText.valid + """
    uncertainty:
      runs: 0
      seed: 11
      vary:
        population: {uniform: [45000, 55000]}
        supplies.flour.stock: {triangular: [800000, 1000000, 1300000]}
        supplies.flour.need_per_person_day: {normal: [1, 0.1]}

    """

    @Test func badInputExitsTwoNamingTheOptionOrKeyAndWritesNothing() throws {
        let folder = try temporaryFolder("sensitivity")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scenario.yaml")
        try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let cases: [([String], String)] = [
            (["--spread", "1.5"], "--spread must be above 0 and below 1"),
            (["--spread", "0"], "--spread must be above 0 and below 1"),
            (["--samples", "1"], "--samples must be 0 (one at a time only) or at least 2"),
            (["--bootstrap", "200000"], "--bootstrap must be from 0 to 100000"),
            // 300,000 × (3 + 2) runs are more than the 1,000,000 a run may make.
            (["--samples", "300000"], "--samples 300000 with 3 uncertainty ranges makes 300000 × 5 runs"),
        ]
        for (options, expected) in cases {
            let r = try CordonTool.run(["sensitivity", file.path, "-o", out] + options)
            #expect(r.status == 2, "\(options): \(r.text)")
            #expect(r.stderr.contains(expected), "\(options): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let typo = folder.appendingPathComponent("typo.yaml")
        try Self.scenario.replacingOccurrences(of: "supplies.flour.stock", with: "supplies.flur.stock")
            .write(to: typo, atomically: true, encoding: .utf8)
        let r = try CordonTool.run(["sensitivity", typo.path, "-o", out])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("cordon: \(typo.path): uncertainty.vary.supplies.flur.stock: no supply 'flur'"), "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func sameSeedSameBytesOnOneAndTwoWorkers() throws {
        let folder = try temporaryFolder("sensitivity")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scenario.yaml")
        try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
        var sets: [[Data]] = []
        for jobs in ["1", "2"] {
            let out = folder.appendingPathComponent("out-\(jobs)")
            let r = try CordonTool.run(["sensitivity", file.path, "-o", out.path, "--samples", "200", "--bootstrap", "100", "--jobs", jobs])
            #expect(r.status == 0, "\(r.text)")
            #expect(r.stderr.contains("flour.depleted_day: most moved by"))
            sets.append(try ["sensitivity.csv", "sensitivity.json"].map { try Data(contentsOf: out.appendingPathComponent($0)) })
        }
        #expect(sets[0] == sets[1])
        // The central run: 1,000,000 kg at 50,000 kg a day is gone at the end of day 20, 5 August.
        let json = try readJSON(folder.appendingPathComponent("out-1/sensitivity.json"))
        let measures = try #require(json["measures"] as? [[String: Any]])
        #expect(measures.first?["central_date"] as? String == "2016-08-05")
        #expect((json["sobol"] as? [String: Any])?["runs"] as? Int == 200 * 5)
    }
}
