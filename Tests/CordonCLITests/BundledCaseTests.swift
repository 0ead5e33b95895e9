import CordonTestSupport
import Foundation
import Testing

/// `cordon demo NAME` and `cordon demo --list`, and the second bundled case (Deir ez-Zor) end to
/// end. The expected dates and figures come from geodata/deir-ez-zor-2016/README.md, whose checks
/// `draw.py --check` computes with Shapely and pyproj, not from Cordon's output.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil), .serialized)
struct BundledCaseTests {
    static let layers = ["pockets.geojson", "fronts.geojson", "routes.geojson", "districts.geojson"]

    /// One run of the Deir ez-Zor demo, from a folder without the scenario (so it is found from
    /// the executable), shared by the tests below.
    static let deir: (folder: URL, stdout: String)? = {
        guard CordonTool.url != nil, let scratch = try? temporaryFolder("deir") else { return nil }
        let out = scratch.appendingPathComponent("out")
        guard let r = try? CordonTool.run(["demo", "deir-ez-zor-2016", "-o", out.path, "--runs", "100"], in: scratch),
              r.status == 0 else { return nil }
        return (out, r.stdout)
    }()

    func output() throws -> URL { try #require(Self.deir).folder }

    @Test func listNamesEveryCaseAndMarksTheDefault() throws {
        let r = try CordonTool.run(["demo", "--list"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("aleppo-2016 ") == true)
        #expect(lines.first?.hasSuffix("(default)") == true)
        #expect(lines.last?.hasPrefix("deir-ez-zor-2016 ") == true)
        #expect(lines.last?.contains("(default)") == false)
        // Every listed case has its folder, scenario and README in the repository.
        for line in lines {
            let name = String(line.prefix { $0 != " " })
            for file in ["scenario.yaml", "README.md", "draw.py"] {
                let path = Repository.root.appendingPathComponent("geodata/\(name)/\(file)").path
                #expect(FileManager.default.fileExists(atPath: path), "\(path)")
            }
        }
    }

    @Test func anUnknownCaseIsBadInputNamingTheCases() throws {
        let scratch = try temporaryFolder("demo-unknown")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let r = try CordonTool.run(["demo", "leningrad", "-o", scratch.appendingPathComponent("out").path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "cordon: demo: no bundled case named 'leningrad'; the cases are aleppo-2016, deir-ez-zor-2016 (cordon demo --list)\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out").path))
    }

    @Test func deirEzZorRunsEndToEndAndSaysWhatItFound() throws {
        let run = try #require(Self.deir)
        let files = try FileManager.default.contentsOfDirectory(atPath: run.folder.path).sorted()
        #expect(files == ["cordon.qgz", "districts.geojson", "fronts.geojson", "hindcast.json", "map.html", "pockets.geojson", "report.html", "routes.geojson",
                          "sensitivity.csv", "sensitivity.json", "summary.json", "timeline.csv", "timeline.csvt"])
        let text = run.stdout
        #expect(text.hasPrefix("Deir ez-Zor 2016-2017: model estimates"))
        // README "Checks": the enclave touches no edge until the western approach is taken.
        #expect(text.contains("from 2016-01-01 until 2017-09-05"))
        // README "Checks": Airport road 1,025 m from ISIS ground until the split, 3,061 m inside it after.
        #expect(text.contains("Airport road: under fire from 2016-01-01, cut from 2017-01-17."))
        #expect(text.contains("5 September 2017"))
        #expect(text.contains("geodata/deir-ez-zor-2016/README.md"))
    }

    @Test func theEnclaveHoldsTheUNFigureAndIsSplitOn17January2017() throws {
        let summary = try readJSON(output().appendingPathComponent("summary.json"))
        let siege = summary["siege"] as! [String: Any]
        #expect(siege["besieged"] as? String == "government")
        #expect(siege["encircled"] as? [[String: String]] == [["from": "2016-01-01", "until": "2017-09-05"]])
        // OCHA Flash Update No. 2 (28 January 2017): 93,500 people in the government-held areas.
        #expect(siege["population"] as? Double == 93_500)
        // The focus pocket loses the airbase on the day of the split and keeps it apart after.
        let pockets = try readJSON(output().appendingPathComponent("pockets.geojson"))["features"] as! [[String: Any]]
        func pocketCount(on day: String) -> Int {
            pockets.map { $0["properties"] as! [String: Any] }
                .filter { ($0["from"] as! String) <= day && day < ($0["until"] as! String) }.count
        }
        #expect(pocketCount(on: "2017-01-16") == 1)
        #expect(pocketCount(on: "2017-01-17") == 2)
        let routes = summary["routes"] as! [String: [[String: Any]]]
        #expect(routes["Palmyra road"]?.map { $0["status"] as! String } == ["cut", "under_fire"])
        #expect(routes["Palmyra road"]?.last?["from"] as? String == "2017-09-05")
    }

    @Test(Reference.needs("ogrinfo (gdal-bin, installed by scripts/setup)", Command.find("ogrinfo") != nil))
    func everyOutputAndInputOpensInOgrinfoWithoutWarnings() throws {
        let inputs = ["map.geojson", "districts.geojson", "routes.geojson"]
            .map { Repository.root.appendingPathComponent("geodata/deir-ez-zor-2016/\($0)") }
        for file in try Self.layers.map({ try output().appendingPathComponent($0) }) + inputs {
            let result = try Command.run(Command.find("ogrinfo")!, ["-ro", "-al", "-so", file.path])
            #expect(result.status == 0, "\(file.path)")
            #expect(result.stderr.isEmpty, "\(file.path): \(result.stderr)")
            #expect(!result.stdout.localizedCaseInsensitiveContains("warning"), "\(file.path)")
            #expect(result.stdout.contains("Feature Count"), "\(file.path)")
        }
    }
}
