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
        let source = try #require(Self.demo)
        let copy = try temporaryFolder("report-edit").appendingPathComponent("out")
        try FileManager.default.copyItem(at: source, to: copy)
        let timeline = copy.appendingPathComponent("timeline.csv")
        try edit(try String(contentsOf: timeline, encoding: .utf8)).write(to: timeline, atomically: true, encoding: .utf8)
        return copy
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
