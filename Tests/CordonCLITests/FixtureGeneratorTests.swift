import CordonTestSupport
import Foundation
import Testing

/// The yardstick Python, when it has what every generator imports.
private let generatorPython = YardstickPython.importing(["shapely", "pyproj", "numpy", "yaml"])

/// Every file a Python generator made is made again, into a scratch folder, and must come out
/// byte for byte as committed. So an expected figure can only change by changing its generator
/// (or its inputs), never by copying what Cordon printed into a fixture.
@Suite(Reference.needs("the yardstick Python (shapely, pyproj, numpy, PyYAML; scripts/setup) and ../shared/bench, ../shared/geodata",
                       generatorPython != nil
                           && FileManager.default.fileExists(atPath: Repository.shared.appendingPathComponent("bench/reference_enclosure.py").path)
                           && FileManager.default.fileExists(atPath: Repository.shared.appendingPathComponent("geodata/aleppo_neighbourhoods_csr.geojson").path)))
struct FixtureGeneratorTests {
    /// A generator: the script (relative to the repository root), how it is run with OUT for the
    /// scratch folder, and the committed files it writes (relative to the root; OUT gets their names).
    struct Generator: Sendable, CustomTestStringConvertible {
        var script: String
        var arguments: [String]
        var outputs: [String]
        /// Run from a copy of the script in OUT, for a script that writes beside itself.
        var copied = false
        /// Modules a copied script imports, copied beside it.
        var companions: [String] = []
        var testDescription: String { script }
    }

    static let generators: [Generator] = [
        Generator(script: "Tests/CordonCLITests/Fixtures/siege/make_fixtures.py", arguments: ["OUT"],
                  outputs: ["castello-map.geojson", "castello-routes.geojson", "castello.expected.json"]
                      .map { "Tests/CordonCLITests/Fixtures/siege/" + $0 }),
        Generator(script: "Tests/CordonGeometryTests/Fixtures/pyproj/make_aleppo_measures.py", arguments: ["OUT"],
                  outputs: ["Tests/CordonGeometryTests/Fixtures/pyproj/aleppo_measures.json"]),
        Generator(script: "Tests/CordonSiegeTests/Fixtures/pyproj/make_metric_truth.py", arguments: ["OUT"],
                  outputs: ["Tests/CordonSiegeTests/Fixtures/pyproj/metric_truth.json"]),
        Generator(script: "Tests/CordonGeometryTests/Fixtures/io/make_all_types_expected.py", arguments: ["OUT"],
                  outputs: ["Tests/CordonGeometryTests/Fixtures/io/all-types.expected.geojson"]),
        // CoverageDissolveTests' cases: Shapely's union of each small polygon set, written beside the script.
        Generator(script: "Tests/CordonGeometryTests/Fixtures/dissolve/make_cases.py", arguments: [],
                  outputs: ["Tests/CordonGeometryTests/Fixtures/dissolve/cases.json"], copied: true),
        // The supply golden files (GoldenTests): the numpy yardstick on the scenario beside them.
        Generator(script: "scripts/supply_yardstick.py",
                  arguments: ["Tests/CordonScenarioTests/Fixtures/aleppo-supply.yaml", "-o", "OUT/aleppo-supply.timeline.csv",
                              "--summary", "OUT/aleppo-supply.summary.json"],
                  outputs: ["aleppo-supply.timeline.csv", "aleppo-supply.summary.json"]
                      .map { "Tests/CordonScenarioTests/Fixtures/" + $0 }),
        Generator(script: "scripts/supply_yardstick.py",
                  arguments: ["Tests/CordonScenarioTests/Fixtures/needs-people.yaml", "-o", "OUT/needs-people.timeline.csv",
                              "--summary", "OUT/needs-people.summary.json"],
                  outputs: ["needs-people.timeline.csv", "needs-people.summary.json"]
                      .map { "Tests/CordonScenarioTests/Fixtures/" + $0 }),
        // The bundled scenario, which many tests run: draw.py writes every file beside itself.
        Generator(script: "geodata/aleppo-2016/draw.py", arguments: [],
                  outputs: ["districts.geojson", "map.geojson", "routes.geojson", "scenario.yaml"].map { "geodata/aleppo-2016/" + $0 },
                  copied: true, companions: ["geodata/casefiles.py"]),
        Generator(script: "geodata/deir-ez-zor-2016/draw.py", arguments: [],
                  outputs: ["districts.geojson", "map.geojson", "routes.geojson", "scenario.yaml"].map { "geodata/deir-ez-zor-2016/" + $0 },
                  copied: true, companions: ["geodata/casefiles.py"]),
    ]

    /// Python files named like generators that make nothing committed, and why.
    static let makeNothing = [
        "scripts/make_routes.py": "random routes for scripts/bench, cached outside the repository",
        "scripts/make_history_series.py": "daily snapshot series for scripts/bench, written to a temporary folder",
        "scripts/make_events.py": "random conflict events for scripts/bench, cached outside the repository",
    ]

    @Test(arguments: generators)
    func regeneratingGivesTheCommittedBytes(_ g: Generator) throws {
        let root = Repository.root, fm = FileManager.default
        let out = try temporaryFolder("regenerate")
        defer { try? fm.removeItem(at: out) }
        var script = root.appendingPathComponent(g.script).path
        if g.copied {
            let copy = out.appendingPathComponent((g.script as NSString).lastPathComponent)
            try fm.copyItem(atPath: script, toPath: copy.path)
            for file in g.companions {
                try fm.copyItem(atPath: root.appendingPathComponent(file).path,
                                toPath: out.appendingPathComponent((file as NSString).lastPathComponent).path)
            }
            script = copy.path
        }
        let arguments = g.arguments.map { $0.replacingOccurrences(of: "OUT", with: out.path) }
        let run = try Command.run(try #require(generatorPython), [script] + arguments, in: root)
        try #require(run.status == 0, "python3 \(g.script) \(g.arguments.joined(separator: " ")): \(run.text)")
        for committed in g.outputs {
            let name = (committed as NSString).lastPathComponent
            let made = try Data(contentsOf: out.appendingPathComponent(name))
            let have = try Data(contentsOf: root.appendingPathComponent(committed))
            #expect(made == have, """
                \(committed) is not what `python3 \(g.script) \(g.arguments.joined(separator: " "))` writes \
                (first difference at byte \(zip(made, have).enumerated().first { $1.0 != $1.1 }?.offset ?? min(made.count, have.count))): \
                change the generator or its inputs and run it again, never edit the file from Cordon's output
                """)
        }
        // Nothing else: every file it writes is committed and checked here.
        let copies = g.copied ? Set(([g.script] + g.companions).map { ($0 as NSString).lastPathComponent }) : []
        let written = try fm.contentsOfDirectory(atPath: out.path).filter { !copies.contains($0) && $0 != "__pycache__" }
        #expect(written.sorted() == g.outputs.map { ($0 as NSString).lastPathComponent }.sorted())
    }

    /// A new `make_*.py` must join the list above (or say why it makes nothing committed).
    @Test func everyGeneratorIsChecked() throws {
        let root = Repository.root
        let known = Set(Self.generators.map(\.script)).union(Self.makeNothing.keys)
        var found: [String] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        let prefix = root.standardizedFileURL.path + "/"
        while let url = walker?.nextObject() as? URL {  // hidden folders (.build, .venv-yardsticks) are skipped
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count)), name = url.lastPathComponent
            if name.hasSuffix(".py"), name.hasPrefix("make_") || name == "draw.py" { found.append(relative) }
        }
        #expect(found.count >= 4)
        for script in found { #expect(known.contains(script), "\(script) makes files no test regenerates: add it to FixtureGeneratorTests") }
    }
}
