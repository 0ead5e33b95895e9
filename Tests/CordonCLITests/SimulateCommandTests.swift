import CordonTestSupport
import Foundation
import Testing

private func cordon(_ arguments: [String]) throws -> Command.Outcome {
    try CordonTool.run(arguments)
}

private func scratchFolder() throws -> URL { try temporaryFolder("simulate") }

@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct SimulateCommandTests {
    @Test func badInputExitsTwoWithOneLineNamingTheKeyPath() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = [
            (ScenarioText.valid.replacingOccurrences(of: "stock: 1_000_000", with: "stock: -1"), "supplies[0].stock: must be ≥ 0"),
            (ScenarioText.valid + "inflow: []\n", "inflow: unknown key, did you mean inflows?"),
            (ScenarioText.valid + "inflows:\n  - {commodity: fuel, per_day: 1}\n", "inflows[0].commodity: 'fuel' is not stocked"),
        ]
        for (text, expected) in cases {
            let file = folder.appendingPathComponent("scenario.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try cordon(["simulate", file.path])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("cordon: \(file.path): \(expected)"))
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
            #expect(result.stdout.isEmpty)
        }
        let notYaml = try cordon(["simulate", scenarioFixture("not-yaml.yaml")])
        #expect(notYaml.status == 2)
        #expect(notYaml.stderr.contains("not-yaml.yaml: not YAML or JSON"))
        #expect(try cordon(["simulate", scenarioFixture("flour.json"), "--runs", "-3"]).status == 2)
    }

    @Test func theCommandLineSaysWhenSuppliesAreRestoredAndByWhichInflow() throws {
        // 1,000,000 kg for 50,000 people at 1 kg lasts to 5 August; 6–9 August are short; the
        // 10 August convoy feeds 10 days, to 19 August; short again from 20 August to the end.
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scenario.yaml")
        let text = ScenarioText.valid.replacingOccurrences(of: "need_per_person_day: 1}", with: "need_per_person_day: 1, kcal_per_unit: 2100}")
            + "inflows:\n  - {commodity: flour, date: 2016-08-10, amount: 500000}\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try cordon(["simulate", file.path, "-o", folder.appendingPathComponent("t.csv").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("flour: short from 2016-08-06, restored on 2016-08-10 by flour on 2016-08-10.\n"))
        // 2,100 kcal a day on the 20 + 10 fed days of 46, nothing on the other 16.
        #expect(result.stderr.contains("16 days below the Sphere 2,100 kcal"))
        let types = try String(contentsOf: folder.appendingPathComponent("t.csvt"), encoding: .utf8)
        #expect(types.hasPrefix("\"Date\",\"Real\",\"Real\",\"Real\","))
    }

    @Test func theSameSeedWritesTheSameBytesOnAnyNumberOfCores() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [Data] = []
        for jobs in ["1", "2"] {
            let csv = folder.appendingPathComponent("timeline-\(jobs).csv"), json = folder.appendingPathComponent("summary-\(jobs).json")
            let result = try cordon(["simulate", scenarioFixture("aleppo-supply.yaml"), "--jobs", jobs, "--quiet",
                                     "-o", csv.path, "--summary", json.path])
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            outputs.append(try Data(contentsOf: csv) + Data(contentsOf: json))
        }
        #expect(outputs[0] == outputs[1])
        let golden = try Data(contentsOf: URL(fileURLWithPath: scenarioFixture("aleppo-supply.timeline.csv")))
            + Data(contentsOf: URL(fileURLWithPath: scenarioFixture("aleppo-supply.summary.json")))
        #expect(outputs[0] == golden)
        // Only the files asked for and each CSV's types: no temporary names left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == ["summary-1.json", "summary-2.json", "timeline-1.csv", "timeline-1.csvt", "timeline-2.csv", "timeline-2.csvt"])
    }

    @Test func writesTheTimelineToStandardOutputAndASummaryToStandardError() throws {
        let result = try cordon(["simulate", scenarioFixture("flour.json"), "-o", "-"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 47)
        #expect(lines[0] == "date,population,evacuated,flour_stock,flour_ration,flour_days_left,flour_inflow,flour_consumed,flour_shortfall")
        #expect(lines[12] == "2016-07-28,50000,0,425000,0.5,9,0,25000,25000")
        #expect(result.stderr == "flour: runs out 2016-08-14\n")
        // Seeds and runs from the command line override the scenario's.
        let mc = try cordon(["simulate", scenarioFixture("flour.json"), "--runs", "20", "--seed", "4", "--quiet"])
        #expect(mc.stdout.hasPrefix("date,population,evacuated,flour_stock,flour_ration,flour_days_left,flour_inflow,flour_consumed,flour_shortfall,flour_stock_p5,flour_stock_p50,flour_stock_p95\n"))
    }

    @Test func aFailedWriteLeavesNoFileAndExitsOne() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no-such-folder/timeline.csv")
        let result = try cordon(["simulate", scenarioFixture("flour.json"), "-o", missing.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
