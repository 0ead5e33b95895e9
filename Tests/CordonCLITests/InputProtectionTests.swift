import CordonTestSupport
import Foundation
import Testing

/// An output that would replace one of the command's inputs is refused before any work: exit
/// status 2, one line naming the output and the input, and every file as it was. Links and
/// `./` spellings count as the same file.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil))
struct InputProtectionTests {
    /// A command line in a folder holding the small run's scenario, map and routes, a copy of
    /// the supply fixture (`supply.yaml`), a copy of the bundled scenario (`geodata/`) and a
    /// finished run (`out/`). `output` and `input` are what the one-line message must name,
    /// relative to that folder.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var args: [String]
        var output: String
        var input: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "run -o the scenario's own folder", args: ["run", "scenario.yaml", "-o", "."],
             output: "./routes.geojson", input: "routes.geojson"),
        Case(name: "demo -o the scenario's own folder", args: ["demo", "-o", "geodata/aleppo-2016"],
             output: "geodata/aleppo-2016/routes.geojson", input: "geodata/aleppo-2016/routes.geojson"),
        Case(name: "run -o a folder whose routes.geojson links to the input",
             args: ["run", "scenario.yaml", "-o", "linked"], output: "linked/routes.geojson", input: "routes.geojson"),
        Case(name: "simulate -o its scenario", args: ["simulate", "supply.yaml", "-o", "supply.yaml"],
             output: "supply.yaml", input: "supply.yaml"),
        Case(name: "simulate --summary a link to its scenario", args: ["simulate", "supply.yaml", "--summary", "link.yaml"],
             output: "link.yaml", input: "supply.yaml"),
        Case(name: "simulate -o ./ its scenario", args: ["simulate", "supply.yaml", "-o", "./supply.yaml", "--summary", "s.json"],
             output: "./supply.yaml", input: "supply.yaml"),
        Case(name: "measure -o its input", args: ["measure", "map.geojson", "-o", "map.geojson"],
             output: "map.geojson", input: "map.geojson"),
        Case(name: "enclosure -o its map", args: ["enclosure", "map.geojson", "--besieged", "opposition",
                                                  "--timeline", "-o", "map.geojson"],
             output: "map.geojson", input: "map.geojson"),
        Case(name: "enclosure -o its population layer",
             args: ["enclosure", "map.geojson", "--besieged", "opposition", "--timeline",
                    "--population", "people.geojson", "-o", "people.geojson"],
             output: "people.geojson", input: "people.geojson"),
        Case(name: "routes -o its routes", args: ["routes", "map.geojson", "routes.geojson", "--besieged",
                                                  "opposition", "--timeline", "-o", "routes.geojson"],
             output: "routes.geojson", input: "routes.geojson"),
        Case(name: "report -o the summary it reads", args: ["report", "out", "-o", "out/summary.json"],
             output: "out/summary.json", input: "out/summary.json"),
    ]

    @Test(arguments: cases)
    func anOutputThatWouldReplaceAnInputIsRefused(_ c: Case) throws {
        let folder = try temporaryFolder("inputs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let scenario = try SmallRun.scenario(in: folder)
        try fm.copyItem(atPath: OutputSafetyTests.supply, toPath: folder.appendingPathComponent("supply.yaml").path)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("link.yaml").path, withDestinationPath: "supply.yaml")
        try fm.copyItem(atPath: fixture("siege/castello-map.geojson"), toPath: folder.appendingPathComponent("people.geojson").path)
        // A copy of the bundled scenario, which `demo` finds under the current folder first.
        try fm.createDirectory(at: folder.appendingPathComponent("geodata"), withIntermediateDirectories: false)
        try fm.copyItem(at: Repository.aleppo, to: folder.appendingPathComponent("geodata/aleppo-2016"))
        try fm.createDirectory(at: folder.appendingPathComponent("linked"), withIntermediateDirectories: false)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("linked/routes.geojson").path,
                                  withDestinationPath: "../routes.geojson")
        #expect(try CordonTool.run(["run", scenario.path, "-o", "out", "--quiet"], in: folder).status == 0)
        let before = try SmallRun.snapshot(folder)

        let r = try CordonTool.run(c.args, in: folder)
        #expect(r.status == 2, "\(r.text)")
        #expect(r.stderr == "cordon: \(c.output): would replace the input \(c.input); choose another output\n")
        #expect(r.stdout.isEmpty)
        #expect(try SmallRun.snapshot(folder) == before)
    }
}
