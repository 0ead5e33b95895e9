import CordonTestSupport
import Foundation
import Testing

extension Reference.Requirement {
    /// QGIS's Python bindings in Debian's own Python (`python3-qgis`, which scripts/setup installs).
    static let pyqgis = Reference.Requirement("PyQGIS (python3-qgis: /usr/bin/python3 -c 'import qgis.core')") {
        QGIS.python != nil
    }
}

/// QGIS 3.22 itself, headless, through `Fixtures/qgis/check_project.py`.
enum QGIS {
    static let python: URL? = {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard let r = try? Command.run(python, ["-c", "import qgis.core"], environment: environment), r.status == 0 else { return nil }
        return python
    }()

    static let environment = ["QT_QPA_PLATFORM": "offscreen"]

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// What QGIS makes of the project at `path`, and of its layers on each of `dates`.
    static func check(_ path: String, dates: [String], render: (png: String, date: String)? = nil) throws -> [String: Any] {
        let args = [fixture("qgis/check_project.py"), path] + dates + (render.map { ["--render", $0.png, $0.date] } ?? [])
        let r = try Command.run(try #require(python), args, environment: environment)
        guard r.status == 0, let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else {
            throw QGIS.Failure(description: "check_project.py failed (\(r.status)): \(r.text)")
        }
        return json
    }
}

/// `cordon.qgz` opened by QGIS as a user opens it, with nothing set by hand, and compared with
/// what `cordon enclosure --date` and `cordon routes --date` say and with GDAL's own reading of
/// the layers: the layers load (from a folder moved after the run: the paths are relative), filter
/// themselves by `from`/`until`, draw in their features' own colours with widths in pixels, and
/// the timeline comes in typed.
@Suite(Reference.needs(.pyqgis), Reference.needs("the cordon executable and ogrinfo", CordonTool.url != nil && GDALTools.ogrinfo != nil))
struct QGISProjectTests {
    static let aleppo = Repository.aleppo.path
    /// Before the first encirclement; between the two (the Ramouseh breach); inside the second.
    static let dates = ["2016-07-10", "2016-08-20", "2016-10-15"]

    @Test func theDemoProjectShowsWhatCordonShowsOnEachDate() throws {
        let folder = try temporaryFolder("qgz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = folder.appendingPathComponent("written"), moved = folder.appendingPathComponent("moved")
        let run = try CordonTool.run(["run", Self.aleppo + "/scenario.yaml", "--runs", "0", "--quiet", "-o", written.path])
        #expect(run.status == 0, "\(run.text)")
        try FileManager.default.moveItem(at: written, to: moved)
        let qgis = try QGIS.check(moved.appendingPathComponent("cordon.qgz").path, dates: Self.dates)

        #expect(qgis["read"] as? Bool == true)
        #expect(qgis["crs"] as? String == "EPSG:3857")
        // The layers panel top down; drawn bottom up, so routes lie on top.
        #expect(qgis["tree"] as? [String] == ["routes", "fronts", "pockets", "districts", "timeline"])
        #expect(qgis["order"] as? [String] == ["routes", "fronts", "pockets", "districts"])
        #expect(qgis["customOrder"] as? Bool == false)
        // The Temporal Controller runs over the scenario's days (scenario.yaml: 1 July to 22
        // December 2016, the last day whole), a day a step.
        #expect(qgis["range"] as? [String] == ["2016-07-01T00:00:00", "2016-12-23T00:00:00"])
        // The Temporal Controller opens animated (QgsTemporalNavigationObject.Animated) over the run.
        #expect(qgis["navigation"] as? Int == 1)
        #expect(qgis["navigationRange"] as? [String] == ["2016-07-01T00:00:00.000Z", "2016-12-23T00:00:00.000Z"])
        let step = qgis["step"] as? [Any]
        #expect(step?.first as? Double == 1 && step?.last as? String == "days", "\(step ?? [])")

        let layers = try #require(qgis["layers"] as? [String: [String: Any]])
        #expect(layers.keys.sorted() == ["districts", "fronts", "pockets", "routes", "timeline"])
        let view = try #require(qgis["view"] as? [Double])
        for (name, layer) in layers {
            #expect(layer["valid"] as? Bool == true, "\(name) invalid: \(layer)")
            #expect((layer["source"] as? String)?.hasPrefix(moved.path + "/") == true, "\(name): \(layer["source"] ?? "")")
            #expect(layer["provider"] as? String == "ogr")
            guard name != "timeline" else { continue }
            let temporal = try #require(layer["temporal"] as? [String: Any])
            #expect(temporal["active"] as? Bool == true, "\(name)")
            #expect(temporal["separateFields"] as? Bool == true, "\(name)")
            #expect(temporal["start"] as? String == "from" && temporal["end"] as? String == "until", "\(name)")
            #expect(temporal["includeStartExcludeEnd"] as? Bool == true, "\(name)")
            #expect(layer["strokeUnit"] as? String == "Pixel", "\(name)")
            // The view holds every layer, with a margin of a tenth at most on each side.
            let e = try #require(layer["extent"] as? [Double])
            #expect(view[0] < e[0] && view[1] < e[1] && view[2] > e[2] && view[3] > e[3], "\(name): \(e) outside \(view)")
        }
        let districtsBox = try #require(layers["districts"]?["extent"] as? [Double])
        #expect(view[2] - view[0] < (districtsBox[2] - districtsBox[0]) * 1.2)

        // The timeline typed, with its .csvt if the run writes one and without it.
        let csv = try String(contentsOf: moved.appendingPathComponent("timeline.csv"), encoding: .utf8)
        let header = csv.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        // date, population, evacuated, 6 columns for each of food and fuel, food_price_index;
        // --runs 0: no Monte Carlo percentiles
        #expect(header.count == 16)
        for key in ["timeline", "timelineWithoutCsvt"] {
            let types = try #require(qgis[key] as? [String: String])
            #expect(types.keys.sorted() == header.sorted(), "\(key): \(types)")
            #expect(types["date"] == "Date", "\(key)")
            #expect(types.filter { $0.key != "date" && $0.value != "numeric" }.isEmpty, "\(key): \(types)")
        }

        let byDate = try #require(qgis["dates"] as? [String: [String: [String: Any]]])
        let districts = try Self.featureCount(Self.aleppo + "/districts.geojson")
        for date in Self.dates {
            let shown = try #require(byDate[date])
            let count = { (layer: String) in shown[layer]?["count"] as? Int }
            // Independent of the project: cordon's own commands on the scenario's inputs, and
            // GDAL's SQL on the run's fronts.
            #expect(count("pockets") == (try Self.cordonCount(["enclosure", Self.aleppo + "/map.geojson", "--besieged", "opposition",
                                                                 "--snap", "0", "--date", date])), "\(date)")
            #expect(count("routes") == (try Self.cordonCount(["routes", Self.aleppo + "/map.geojson", Self.aleppo + "/routes.geojson",
                                                                "--besieged", "opposition", "--fire-range", "1500", "--date", date])),
                    "\(date)")
            #expect(count("districts") == districts, "\(date)")  // each district once a day
            #expect(count("fronts") == (try Self.holding(moved.appendingPathComponent("fronts.geojson").path, on: date)), "\(date)")
            for (name, layer) in shown {
                #expect((layer["count"] as? Int ?? 0) > 0, "\(date) \(name)")
                // QGIS's data-defined style gives each feature its own simplestyle colours and width.
                #expect((layer["styleMismatches"] as? [String])?.isEmpty == true, "\(date) \(name): \(layer)")
                // A render of the layer alone: more than one colour, the fallback grey nowhere.
                #expect((layer["colours"] as? Int ?? 0) >= 2, "\(date) \(name): \(layer)")
                #expect(layer["fallbackGrey"] as? Bool == false, "\(date) \(name)")
                let strokes = layer["strokes"] as? [String] ?? [], drawn = layer["strokesDrawn"] as? [String] ?? []
                if name == "fronts" || name == "routes" {
                    // Lines: the features' stroke colours themselves, exactly (lines on top may hide one).
                    #expect(drawn.count >= min(2, strokes.count), "\(date) \(name): \(layer)")
                } else {
                    // Areas: every fill, at its opacity over the white background.
                    #expect(layer["fillsDrawn"] as? Int == layer["fills"] as? Int, "\(date) \(name): \(layer)")
                    #expect((layer["fills"] as? Int ?? 0) >= 1, "\(date) \(name)")
                }
            }
        }
    }

    @Test func aRunWithoutDistrictsHasNoDistrictsLayer() throws {
        let folder = try temporaryFolder("qgz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try CordonTool.run(["run", scenario.path, "--quiet", "-o", out.path])
        #expect(run.status == 0, "\(run.text)")
        let qgis = try QGIS.check(out.appendingPathComponent("cordon.qgz").path, dates: ["2016-08-01"])
        #expect(qgis["tree"] as? [String] == ["routes", "fronts", "pockets", "timeline"])
        let layers = try #require(qgis["layers"] as? [String: [String: Any]])
        #expect(layers.values.allSatisfy { $0["valid"] as? Bool == true }, "\(layers)")
        #expect(qgis["range"] as? [String] == ["2016-07-01T00:00:00", "2016-10-01T00:00:00"])  // SmallRun: to 30 September
    }

    /// The features `cordon ARGS -o -` writes.
    static func cordonCount(_ arguments: [String]) throws -> Int {
        let r = try CordonTool.run(arguments + ["--quiet", "-o", "-"])
        guard r.status == 0, let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
              let features = json["features"] as? [Any] else { throw QGIS.Failure(description: "cordon \(arguments): \(r.text)") }
        return features.count
    }

    /// The features of a GeoJSON file, by ogrinfo.
    static func featureCount(_ path: String) throws -> Int {
        let info = try GDALTools.ogrinfo(["-so", "-al", path])
        guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Feature Count: ") }),
              let n = Int(line.dropFirst("Feature Count: ".count)) else { throw QGIS.Failure(description: "\(path): \(info)") }
        return n
    }

    /// The features of a run's layer that hold on `date` (`from` ≤ date < `until`), by GDAL's SQL.
    static func holding(_ path: String, on date: String) throws -> Int? {
        let layer = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let row = try GDALTools.row(path, dialect: "SQLite", sql: """
            SELECT COUNT(*) AS n FROM "\(layer)" WHERE ("from" IS NULL OR "from" <= '\(date)') AND ("until" IS NULL OR "until" > '\(date)')
            """)
        return row["n"].flatMap { Int($0) }
    }
}

/// `cordon.qgz` without QGIS: the same bytes from `run` and from `report`, run after run.
@Suite(Reference.needs("the cordon executable", CordonTool.url != nil))
struct QGISProjectFileTests {
    @Test func reportRewritesTheProjectByteForByteAndOnlyIntoTheFolder() throws {
        let folder = try temporaryFolder("qgz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try SmallRun.scenario(in: folder)
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        for out in [a, b] {
            let r = try CordonTool.run(["run", scenario.path, "--quiet", "-o", out.path])
            #expect(r.status == 0, "\(r.text)")
        }
        let project = { (dir: URL) in try Data(contentsOf: dir.appendingPathComponent("cordon.qgz")) }
        let first = try project(a)
        #expect(try project(b) == first)
        // A zip holding one stored cordon.qgs with the right CRC, by Python's own zipfile.
        let list = try Command.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print([(i.filename, i.compress_type, i.date_time) for i in z.infolist()])
            """, a.appendingPathComponent("cordon.qgz").path])
        #expect(list.status == 0 && list.stdout == "[('cordon.qgs', 0, (1980, 1, 1, 0, 0, 0))]\n", "\(list.text)")

        try FileManager.default.removeItem(at: a.appendingPathComponent("cordon.qgz"))
        let elsewhere = folder.appendingPathComponent("page.html").path
        let report = try CordonTool.run(["report", a.path, "-o", elsewhere])
        #expect(report.status == 0, "\(report.text)")
        #expect(!FileManager.default.fileExists(atPath: a.appendingPathComponent("cordon.qgz").path))
        let rewrite = try CordonTool.run(["report", a.path])
        #expect(rewrite.status == 0 && rewrite.stderr.contains("cordon.qgz"), "\(rewrite.text)")
        #expect(try project(a) == first)
    }
}
