import CordonTestSupport
import Foundation
import Testing

/// A stock that runs out and is refilled by a named convoy: `summary.json` and the report say
/// when supplies came back and by which inflow, and the day agrees with the timeline itself
/// (a shortfall the day before, none that day).
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct RestorationReportTests {
    @Test func theReportSaysWhenSuppliesAreRestoredAndByWhichInflow() throws {
        let folder = try temporaryFolder("restored")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder, stock: 100_000)
        var text = try String(contentsOf: scenario, encoding: .utf8)
        text = text.replacingOccurrences(of: "route: Castello Road}\n", with: """
            route: Castello Road}
              - {name: relief convoy, commodity: food, date: 2016-08-15, amount: 5000000}

            """)
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let r = try CordonTool.run(["run", scenario.path, "-o", out.path])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("restored on 2016-08-15 by relief convoy"), "\(r.stderr)")

        // The timeline: short on 14 August, not on 15 August.
        let rows = try String(contentsOf: out.appendingPathComponent("timeline.csv"), encoding: .utf8).split(separator: "\n")
        let header = rows[0].split(separator: ",", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex(of: "food_shortfall"))
        func shortfall(_ day: String) throws -> Double {
            let row = try #require(rows.first { $0.hasPrefix(day) })
            return try #require(Double(row.split(separator: ",", omittingEmptySubsequences: false)[column]))
        }
        #expect(try shortfall("2016-08-14") > 0)
        #expect(try shortfall("2016-08-15") == 0)

        let summary = try readJSON(out.appendingPathComponent("summary.json"))
        let restorations = try #require(summary["restorations"] as? [[String: Any]])
        let convoy = try #require(restorations.first { $0["restored"] as? String == "2016-08-15" })
        #expect(convoy["commodity"] as? String == "food")
        #expect(convoy["by"] as? [String] == ["relief convoy"])
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("restored on 15 Aug by relief convoy"), "no restoration line in the report")
    }
}
