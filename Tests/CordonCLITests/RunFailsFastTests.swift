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
        // cordon hindcast keeps each run's 200 outcomes (and no drawn values), twice while the blocks' are
        // gathered into one array: 1,000,000 × 2 × 200 × 8 bytes = 3.2e9 = 2.98 GiB. cordon run keeps 3 per supply and the outcomes so far, twice while a stretch of
        // days runs, and the outcomes: 1,000,000 × (2 × 203 + 200) × 8 = 4.848e9 bytes = 4.51 GiB. The limit is 1 GiB. (GiB to one decimal, a whole one without it.)
        try expectRefused(["hindcast", file.path, "--runs", "1000000", "-o", out.path],
                          "cordon: \(file.path): --runs: 1000000 runs × 200 observations would hold about 3 GiB of outcomes, "
                              + "more than the limit of 1 GiB: fewer runs or fewer observations", out: out)
        try expectRefused(["run", file.path, "--runs", "1000000", "-o", out.path, "--quiet"],
                          "cordon: \(file.path): --runs: 1000000 runs × 200 observations would hold about 4.5 GiB of outcomes", out: out)
    }

    @Test func theSimulationAndTheOutcomesTogetherPastTheMemoryLimitStopBeforeTheMapWork() throws {
        let folder = try temporaryFolder("fail-fast")
        defer { try? FileManager.default.removeItem(at: folder) }
        let observation = "  - {date: 2016-07-02, what: population, value: 1000, source: made up for this test}\n"
        let file = try scenario(in: folder, supplies: 4, extra: "observations:\n" + String(repeating: observation, count: 20))
        let out = folder.appendingPathComponent("out")
        // 1,000,000 runs of 92 days (1 July to 30 September), 5 supplies, 1 inflow, 20 observations
        // (SimulationSize). The simulation alone: per run 5 × 48 + 1 × 16 + 160 = 416 bytes, 416e6, the
        // stocks of a stretch max(64 MiB, 1e6 × 5 × 8) = 67,108,864, the central run 92 × (512 + 5 × 1024
        // + routes) ≈ 0.52e6 and the bands 92 × 5 × 24 = 11,040: about 0.48e9, within 1 GiB (1,073,741,824).
        // The outcomes alone: 3 × 5 + 20 = 35 numbers of state, twice, and 20 outcomes, 90 × 8 × 1e6 =
        // 0.72e9, within it too. Held at once: about 1.204e9 bytes = 1.1 GiB, past it.
        try expectRefused(["run", file.path, "--runs", "1000000", "-o", out.path, "--quiet"],
                          "cordon: \(file.path): --runs: 1000000 runs × 92 days (start to end) × 5 supplies, with 90 numbers "
                              + "kept per run for the observations, would need about 1.1 GiB of memory, more than the limit "
                              + "of 1 GiB: fewer runs, fewer days, fewer supplies or fewer observations", out: out)
        // Half the runs fit (about 0.6e9 bytes): the run goes on to the map work and stops at the focus.
        let r = try CordonTool.run(["run", file.path, "--runs", "500000", "-o", out.path, "--quiet"])
        #expect(r.status == 2 && r.stderr.contains("focus: [0.0, 0.0] lies in no 'opposition' pocket"), "\(r.stderr)")
    }

    @Test func theLimitsAreCheckedBeforeTheMapIsRead() throws {
        let folder = try temporaryFolder("fail-fast")
        defer { try? FileManager.default.removeItem(at: folder) }
        let observation = "  - {date: 2016-07-02, what: population, value: 1000, source: made up for this test}\n"
        let file = try scenario(in: folder, extra: "observations:\n" + String(repeating: observation, count: 200))
        // The map is not GeoJSON: reading it would fail, so a refusal on the limit proves it was never read.
        try Data("not a map".utf8).write(to: folder.appendingPathComponent("map.geojson"))
        let out = folder.appendingPathComponent("out")
        // The numbers of outcomesPastTheMemoryLimitStopBeforeTheMapWork.
        try expectRefused(["run", file.path, "--runs", "1000000", "-o", out.path, "--quiet"],
                          "cordon: \(file.path): --runs: 1000000 runs × 200 observations would hold about 4.5 GiB of outcomes", out: out)
        // Within the limits the map is read, and refused.
        let r = try CordonTool.run(["run", file.path, "--runs", "10", "-o", out.path, "--quiet"])
        #expect(r.status == 2 && r.stderr.contains("map.geojson"), "\(r.stderr)")
    }
}
