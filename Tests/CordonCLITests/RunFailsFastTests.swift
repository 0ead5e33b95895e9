import CordonTestSupport
import Foundation
import Testing

/// What `cordon run`, `cordon hindcast` and `cordon sensitivity` cannot do within the limits is
/// refused before the map work: exit status 2, one line naming the file and the option, nothing
/// written. The scenarios put the focus in no pocket ([0, 0]), so a check made only after the
/// map work would answer with the focus instead.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct RunFailsFastTests {
    /// The small run with its focus off the map, `supplies` more supplies, and `extra` appended.
    private func scenario(in folder: URL, supplies: Int = 0, extra: String) throws -> URL {
        let file = try SmallRun.scenario(in: folder)
        var text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "focus: [37.16, 36.21]", with: "focus: [0, 0]")
        let more = (0..<supplies).map { "  - {commodity: s\($0), unit: kg, stock: 1000, need_per_person_day: 0.1}\n" }.joined()
        text = text.replacingOccurrences(of: "inflows:", with: more + "inflows:") + extra
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    private func expectRefused(_ arguments: [String], _ message: String, out: URL) throws {
        let r = try CordonTool.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.text)")
        #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aSobolSamplePastTheLimitStopsBeforeTheMapWork() throws {
        let folder = try temporaryFolder("fail-fast")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Ten ranges: 100,000 × (10 + 2) = 1,200,000 Sobol runs, more than 1,000,000. One at a time:
        // the central run and two for each of the 10 ranges and of the 12 figures tried ± spread (the
        // people, 5 stocks and 5 needs, the inflow): 1 + 2 × 22 = 45. At most ⌊999,955 / 12⌋ = 83,329.
        let ranges = ["food"] + (0..<4).map { "s\($0)" }
        let vary = ranges.map { "    supplies.\($0).stock: {uniform: [500, 1500]}\n    supplies.\($0).need_per_person_day: {uniform: [0.05, 0.2]}\n" }
        let file = try scenario(in: folder, supplies: 4, extra: "uncertainty:\n  runs: 0\n  vary:\n" + vary.joined())
        let out = folder.appendingPathComponent("out")
        try expectRefused(["run", file.path, "-o", out.path, "--sensitivity-samples", "100000", "--quiet"],
                          "cordon: \(file.path): --sensitivity-samples 100000 with 10 uncertainty ranges makes 100000 × 12 runs "
                              + "and 45 one at a time, more than the limit of 1000000: give --sensitivity-samples at most 83329", out: out)
        try expectRefused(["sensitivity", file.path, "-o", out.path, "--samples", "100000", "--quiet"],
                          "cordon: \(file.path): --samples 100000 with 10 uncertainty ranges makes 100000 × 12 runs", out: out)
        #expect(try CordonTool.run(["run", file.path, "-o", out.path, "--sensitivity-samples", "83330", "--quiet"]).stderr
                .contains("give --sensitivity-samples at most 83329"))
        // Within the limit the run goes on to the map work, and stops at the focus.
        let r = try CordonTool.run(["run", file.path, "-o", out.path, "--sensitivity-samples", "83329", "--quiet"])
        #expect(r.status == 2 && r.stderr.contains("focus: [0.0, 0.0] lies in no 'opposition' pocket"), "\(r.stderr)")
    }

    @Test func outcomesPastTheMemoryLimitStopBeforeTheMapWork() throws {
        let folder = try temporaryFolder("fail-fast")
        defer { try? FileManager.default.removeItem(at: folder) }
        let observation = "  - {date: 2016-07-02, what: population, value: 1000, source: made up for this test}\n"
        let file = try scenario(in: folder, extra: "observations:\n" + String(repeating: observation, count: 200))
        let out = folder.appendingPathComponent("out")
        // cordon hindcast keeps each run's 200 outcomes (and no drawn values): 1,000,000 × 200 × 8 bytes
        // = 1.6e9 = 1.49 GiB. cordon run keeps 3 per supply and the outcomes so far, twice while a stretch of
        // days runs, and the outcomes: 1,000,000 × (2 × 203 + 200) × 8 = 4.848e9 bytes = 4.51 GiB. The limit is 1 GiB. (GiB to one decimal, a whole one without it.)
        try expectRefused(["hindcast", file.path, "--runs", "1000000", "-o", out.path],
                          "cordon: \(file.path): --runs: 1000000 runs × 200 observations would hold about 1.5 GiB of outcomes, "
                              + "more than the limit of 1 GiB: fewer runs or fewer observations", out: out)
        try expectRefused(["run", file.path, "--runs", "1000000", "-o", out.path, "--quiet"],
                          "cordon: \(file.path): --runs: 1000000 runs × 200 observations would hold about 4.5 GiB of outcomes", out: out)
    }
}
