#if canImport(Glibc)
import Glibc
#endif
import CordonTestSupport
import Foundation
import FoundationXML
import Testing

/// `cordon report` on output folders whose timeline.csv was edited by hand or broken: a clear
/// refusal or a page, never a crash, a hang or a page of a hundred thousand ticks.
@Suite(Reference.needs("the cordon executable built beside the tests", CordonTool.url != nil), .serialized)
struct ReportInputTests {
    /// One demo run whose files each test copies and edits.
    static let demo: URL? = {
        guard CordonTool.url != nil, let root = try? temporaryFolder("report-input") else { return nil }
        let out = root.appendingPathComponent("demo")
        guard let run = try? CordonTool.run(["demo", "-o", out.path, "--quiet", "--runs", "50"], in: Repository.root),
              run.status == 0 else { return nil }
        return out
    }()

    /// A copy of the demo folder with `timeline.csv` rewritten by `edit`.
    private func folder(_ edit: (String) -> String) throws -> URL {
        try folder(file: "timeline.csv", edit)
    }

    /// A copy of the demo folder with `file` rewritten by `edit`.
    private func folder(file: String, _ edit: (String) throws -> String) throws -> URL {
        let source = try #require(Self.demo)
        let copy = try temporaryFolder("report-edit").appendingPathComponent("out")
        try FileManager.default.copyItem(at: source, to: copy)
        let path = copy.appendingPathComponent(file)
        try edit(try String(contentsOf: path, encoding: .utf8)).write(to: path, atomically: true, encoding: .utf8)
        return copy
    }

    /// The first `<text …>` element whose text ends in `label`, whole.
    private static func textElement(_ html: String, _ label: String) -> String? {
        guard let end = html.range(of: "\(label)</text>"),
              let start = html.range(of: "<text", options: .backwards, range: html.startIndex..<end.lowerBound) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    private static let isoDay: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    @Test func aMarkNearTheRightEdgeEndsAtItsLineInsideTheChart() throws {
        // The timeline cut two days after the food's P50 depletion date: that mark sits at the
        // right edge, where a label reading rightward ran off the chart ("14 Apr: a…").
        let demo = try #require(Self.demo)
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: demo.appendingPathComponent("summary.json")))
        let json = try #require(parsed as? [String: Any])
        let mc = try #require((json["supplies"] as? [String: Any])?["monte_carlo"] as? [String: Any])
        let food = try #require((mc["commodities"] as? [String: Any])?["food"] as? [String: Any])
        let p50 = try #require((food["depleted"] as? [String: Any])?["p50"] as? String)
        let depleted = try #require(Self.isoDay.date(from: p50))
        let last = depleted.addingTimeInterval(2 * 86_400)  // both in UTC, which has no daylight saving
        let out = try folder { text in
            text.split(separator: "\n").filter { $0.hasPrefix("date") || $0.prefix(10) <= Self.isoDay.string(from: last) }
                .joined(separator: "\n") + "\n"
        }
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let (r, page) = try report(out)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try #require(page)
        let label = try #require(Self.textElement(html, ": food runs out (P50)"))
        #expect(label.contains("text-anchor=\"end\""), "\(label)")
        let x = try #require(label.split(separator: "\"").dropFirst().first.flatMap { Double($0) })
        #expect(x > 1_000 && x <= 1_100 - 24, "\(label)")
        // Marks in the middle still read rightward.
        let middle = try #require(Self.textElement(html, "17 Jul: encircled · Castello Road cut · stopped: food and fuel by Castello Road"))
        #expect(!middle.contains("text-anchor"))
    }

    @Test func aTimelineWithoutConsumedAndShortfallTitlesTheRationInForceHonestly() throws {
        let out = try folder { text in
            let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let keep = rows[0].indices.filter { !rows[0][$0].hasSuffix("_consumed") && !rows[0][$0].hasSuffix("_shortfall") }
            return rows.map { row in keep.map { String(row[$0]) }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let (r, page) = try report(out)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try #require(page)
        #expect(html.contains("Ration in force (share of full need, %); nothing is handed out once the stock is 0"))
    }

    @Test func pocketsBeyondTheDistrictsAreDrawnAndTheCaptionSaysWhatIsNot() throws {
        // The demo's districts without the south-east of the besieged pocket.
        // (The names are the neighbourhood file's since the case took its shapes.)
        let dropped: Set<String> = ["Sheikh Sa’eed", "al-Ansari", "al-Ansari Mashhad", "as-Sukkari", "Karm ad-Da'ada'a",
                                    "as-Salheen", "al-Fardos", "al-‘Amiriyeh"]
        let out = try folder(file: "districts.geojson") { text in
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
            var layer = try #require(parsed as? [String: Any])
            let features = try #require(layer["features"] as? [[String: Any]])
            layer["features"] = features.filter { f in
                !dropped.contains((f["properties"] as? [String: Any])?["name"] as? String ?? "")
            }
            return String(decoding: try JSONSerialization.data(withJSONObject: layer), as: UTF8.self)
        }
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let (r, page) = try report(out)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try #require(page)
        let captions = html.components(separatedBy: "<figcaption>Ground outside the districts layer is not drawn").count - 1
        #expect(captions >= 4 && captions <= 9, "\(captions) captions")
        #expect(html.components(separatedBy: "<g class=\"pockets\"").count - 1 == 9)  // nine key-date maps since the 25 August map (Ramouseh under fire)
    }

    @Test func withoutDistrictsEveryMapSaysTheOtherGroundIsNotDrawnAndNamesItsFronts() throws {
        let out = try folder { $0 }
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: out.appendingPathComponent("districts.geojson"))
        let (r, page) = try report(out)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try #require(page)
        #expect(html.components(separatedBy: "<figcaption>Ground outside the opposition pockets is not drawn").count - 1 == 9)  // one per key-date map
        // The fronts facing the government are orange and have an orange swatch.
        #expect(html.components(separatedBy: ">facing government</text>").count - 1 == 9)
        #expect(!html.contains("pocket outline: colour of who is across"))
    }

    private func report(_ folder: URL) throws -> (Command.Outcome, String?) {
        let page = folder.appendingPathComponent("page.html")
        let r = try CordonTool.run(["report", folder.path, "-o", page.path])
        return (r, try? String(contentsOf: page, encoding: .utf8))
    }

    @Test func aTimelineWithOnlyItsHeaderIsRefused() throws {
        let out = try folder { String($0.prefix { $0 != "\n" }) + "\n" }
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let (r, page) = try report(out)
        #expect(r.status == 2)
        #expect(r.stderr == "cordon: \(out.path)/timeline.csv: no days: the timeline holds only its header\n")
        #expect(page == nil)
    }

    @Test func hugeInfiniteAndTinyStocksStillDrawAPage() throws {
        let out = try folder { text in
            var lines = text.split(separator: "\n").map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let stock = header.firstIndex(of: "food_stock")!, p95 = header.firstIndex(of: "food_stock_p95")!
            for (row, column, value) in [(3, stock, "1e300"), (4, stock, "1.7976931348623157e308"), (5, stock, "inf"),
                                         (6, stock, "nan"), (7, p95, "5e-324"), (8, p95, "-1e308")] {
                var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                cells[column] = value
                lines[row] = cells.joined(separator: ",")
            }
            return lines.joined(separator: "\n") + "\n"
        }
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let (r, page) = try report(out)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try #require(page)
        #expect(XMLParser(data: Data(html.utf8)).parse())
        // Only tiny stocks: the axis still has a step.
        let tiny = try folder { text in
            text.split(separator: "\n").enumerated().map { i, line in
                i == 0 ? String(line) : line.split(separator: ",", omittingEmptySubsequences: false).enumerated()
                    .map { j, cell in j == 0 ? String(cell) : "5e-324" }.joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        }
        defer { try? FileManager.default.removeItem(at: tiny.deletingLastPathComponent()) }
        #expect(try report(tiny).0.status == 0)
    }

    @Test func eightThousandYearsGetAFewTicks() throws {
        // Two days, eight thousand years apart: ticks every few centuries, not every month.
        let out = try folder { text in
            let lines = text.split(separator: "\n").map(String.init)
            return [lines[0], "0001" + lines[1].dropFirst(4), "9999" + lines[2].dropFirst(4)].joined(separator: "\n") + "\n"
        }
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let (r, page) = try report(out)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try #require(page)
        let chart = try #require(html.range(of: "id=\"chart-people\"").map { html[$0.lowerBound...] })
        let axis = String(chart).components(separatedBy: "</g>")[0]
        let ticks = axis.components(separatedBy: "v5\"").count - 1
        #expect(ticks > 3 && ticks <= 36, "\(ticks) ticks")
        #expect(html.utf8.count < 2_000_000)
    }

    @Test func aFIFOInPlaceOfTheTimelineIsRefusedAtOnce() throws {
        let out = try folder { $0 }
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let timeline = out.appendingPathComponent("timeline.csv")
        try FileManager.default.removeItem(at: timeline)
        #expect(mkfifo(timeline.path, 0o600) == 0)
        let (r, _) = try report(out)
        #expect(r.status == 2)
        #expect(r.stderr.contains("timeline.csv: is a named pipe (FIFO), not a file"), "\(r.stderr)")
    }
}
