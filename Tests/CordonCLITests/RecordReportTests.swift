import CordonTestSupport
import Foundation
import Testing

/// `cordon run` scores the model against the scenario's observations as `cordon hindcast` does,
/// writes `hindcast.json`, and its report sets each observation beside the model.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct RecordReportTests {
    /// The small run with a stock range and two observations: a run-out and a head count.
    private func scenario(in folder: URL, observations: Bool) throws -> URL {
        let file = try SmallRun.scenario(in: folder)
        var text = try String(contentsOf: file, encoding: .utf8)
        text += """
            uncertainty:
              runs: 200
              seed: 3
              vary:
                supplies.food.stock: {uniform: [50000, 150000]}

            """
        if observations {
            text += """
                observations:
                  - {date: 2016-08-20, what: food.depleted, source: written by hand for this test, note: stocks gone}
                  - {date: 2016-08-01, what: population, value: 12345, source: a count made up for this test}

                """
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func runWritesTheHindcastOfCordonHindcastAndTheReportShowsIt() throws {
        let folder = try temporaryFolder("record")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try scenario(in: folder, observations: true)
        let out = folder.appendingPathComponent("out")
        let run = try CordonTool.run(["run", file.path, "-o", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        // The same scores by the other road: cordon hindcast on the same scenario, runs and seed.
        let alone = folder.appendingPathComponent("alone.json")
        let hindcast = try CordonTool.run(["hindcast", file.path, "-o", alone.path])
        #expect(hindcast.status == 0, "\(hindcast.stderr)")
        let written = try Data(contentsOf: out.appendingPathComponent("hindcast.json"))
        #expect(written == (try Data(contentsOf: alone)))

        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let section = try #require(page.range(of: "id=\"record\"").map { String(page[$0.lowerBound...]) })
        let table = section.components(separatedBy: "</table>")[0]
        // One row per observation, each with its source and note.
        #expect(table.components(separatedBy: "<tr>").count - 1 == 3)  // the head and two observations
        #expect(table.contains("written by hand for this test") && table.contains("stocks gone"))
        #expect(table.contains("12,345"))
        // The headline counts the reports inside the runs' range, as the table's last column does.
        let inside = table.components(separatedBy: "<td>yes</td>").count - 1
        #expect(page.contains("<strong>\(inside) of 2 reports</strong>"))
        // The run-out is marked on the food chart, and the head count is a ring on the people
        // chart with its source on hover.
        let food = try #require(chart("chart-stock-food", in: page))
        #expect(food.contains("20 Aug: reported run-out of food"))
        let people = try #require(chart("chart-people", in: page))
        #expect(people.contains("class=\"reported\"") && people.contains("a count made up for this test"))
    }

    @Test func aScenarioWithoutObservationsWritesNoHindcast() throws {
        let folder = try temporaryFolder("record")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try scenario(in: folder, observations: false)
        let out = folder.appendingPathComponent("out")
        let run = try CordonTool.run(["run", file.path, "-o", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("hindcast.json").path))
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!page.contains("id=\"record\"") && !page.contains("class=\"reported\""))
    }

    /// The report reads each observation of `hindcast.json` as the scenario file spells it
    /// (Observation.What): one it cannot read is bad input naming the file, not a row of text.
    @Test func aHindcastObservationTheReportCannotReadIsRefused() throws {
        let folder = try temporaryFolder("record")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try scenario(in: folder, observations: true)
        let out = folder.appendingPathComponent("out")
        #expect(try CordonTool.run(["run", file.path, "-o", out.path, "--quiet"]).status == 0)
        let hindcast = out.appendingPathComponent("hindcast.json")
        let text = try String(contentsOf: hindcast, encoding: .utf8)
        #expect(text.contains("\"food.depleted\""))
        try text.replacingOccurrences(of: "\"food.depleted\"", with: "\"food.eaten\"").write(to: hindcast, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("page.html")
        let r = try CordonTool.run(["report", out.path, "-o", page.path])
        #expect(r.status == 2, "\(r.text)")
        #expect(r.stderr.hasPrefix("cordon: \(hindcast.path): observation 0: what 'food.eaten' is none of"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: page.path))
    }

    /// The SVG of the chart with `id`.
    private func chart(_ id: String, in page: String) -> String? {
        guard let start = page.range(of: "id=\"\(id)\"") else { return nil }
        return page[start.lowerBound...].components(separatedBy: "</svg>").first
    }
}
