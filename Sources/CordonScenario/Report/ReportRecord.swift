import CordonCore
import CordonSupply
import Foundation

/// The report's "The model against the record": each of the scenario's observations
/// (`hindcast.json`) beside what the model says about it, and the rings and marks the
/// observations put on the charts. Absent when the folder has no `hindcast.json`.
struct ReportRecord {
    /// A model outcome or error as `hindcast.json` writes it.
    enum Outcome {
        case day(Day), number(Double), never, notModelled

        init(_ json: Any?) {
            switch json {
            case let s as String: self = s == "never" ? .never : Day(iso: s).map(Outcome.day) ?? .notModelled
            case let n as NSNumber: self = .number(n.doubleValue)
            default: self = .notModelled
            }
        }
    }

    struct Row {
        var what: Observation.What
        var date: Day
        var value: Double?
        var source: String
        var note: String?
        var central: Outcome, centralError: Outcome
        var median: Outcome, medianError: Outcome
        var p5: Outcome, p95: Outcome
        var inside: Bool?
    }

    var runs: Int
    var rows: [Row]
    var years: Bool

    /// Reads `hindcast.json` from `folder`; nil when there is none.
    init?(folder: String, years: Bool) throws {
        let path = (folder as NSString).appendingPathComponent("hindcast.json")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = Data(try ReportInputError.read(path))
        guard let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]], let root = list.first,
              let observations = root["observations"] as? [[String: Any]]
        else { throw ReportInputError(path, "not a cordon hindcast file (needs a list of scenarios with observations)") }
        self.years = years
        runs = root["runs"] as? Int ?? 0
        rows = try observations.enumerated().map { i, o in
            guard let spelling = o["what"] as? String, let date = (o["date"] as? String).flatMap(Day.init(iso:)),
                  let source = o["source"] as? String
            else { throw ReportInputError(path, "observation \(i) needs what, date and source") }
            guard let what = Observation.What(spelling: spelling) else {
                throw ReportInputError(path, "observation \(i): what '\(spelling)' is none of siege.start, siege.end, population, "
                    + "<commodity>.depleted, .restored or .price_multiple")
            }
            return Row(what: what, date: date, value: o["value"] as? Double, source: source, note: o["note"] as? String,
                       central: Outcome(o["central"]), centralError: Outcome(o["central_error"]),
                       median: Outcome(o["median"]), medianError: Outcome(o["median_error"]),
                       p5: Outcome(o["p5"]), p95: Outcome(o["p95"]), inside: o["inside_p5_p95"] as? Bool)
        }
    }

    // MARK: On the charts

    /// A dashed blue line for each reported run-out or return of `commodity`.
    func marks(_ commodity: String) -> [TimeChart.Mark] {
        rows.compactMap { r in
            if r.what == .depleted(commodity) { return .init(day: r.date, text: "reported run-out of \(commodity)", reported: true) }
            if r.what == .restored(commodity) { return .init(day: r.date, text: "reported return of \(commodity)", reported: true) }
            return nil
        }
    }

    /// A ring for each reported value of `what` (`population`, `food.price_multiple`), its source on hover.
    func points(_ what: Observation.What, label: String) -> [TimeChart.Point] {
        rows.filter { $0.what == what }.compactMap { r in
            r.value.map { .init(day: r.date, value: $0, label: label, title: hover(r)) }
        }
    }

    private func hover(_ r: Row) -> String {
        "\(ReportDate.long(r.date)): \(r.what.spelling) \(r.value.map { number($0, r) } ?? "")" + (r.note.map { ", \($0)" } ?? "")
            + ". Source: \(r.source)"
    }

    // MARK: The section

    var html: String {
        var page = SVGWriter()
        page.open("section", [("id", "record")])
        page.element("h2", [], "The model against the record")
        page.element("p", [], "Each row is something reported during the siege, with its source, beside what the model says "
            + "about it: the central run, the median of the \(NumberText.grouped(Double(runs))) Monte Carlo runs and their "
            + "5th–95th percentile range. Errors are model minus reported, in days for dates. A reported run-out or return "
            + "is set against the model's nearest one. A price multiple is compared with the price index, itself a model. "
            + "These reports are a yardstick, not an input: a parameter fitted to them is named in the scenario's notes "
            + "(cordon calibrate). Blue marks and rings on the charts above show the same reports.")
        let cells = rows.map { r -> [String] in
            [Self.unbroken(ReportDate.long(r.date)), r.what.spelling + (r.note.map { ": \($0)" } ?? ""), r.value.map { number($0, r) } ?? "happened",
             text(r.central, r) + error(r.centralError, r), text(r.median, r) + error(r.medianError, r),
             range(r), r.inside.map { $0 ? "yes" : "no" } ?? "–", r.source]
        }
        page.raw(ReportTables.table("Reported during the siege, and the model (hindcast.json)",
                                    ["date", "observation", "reported", "central run (error)", "median (error)", "P5–P95",
                                     "inside", "source"], cells, numeric: [2, 3, 4]))
        page.close("section")
        return page.text
    }

    private func number(_ x: Double, _ r: Row) -> String {
        r.what == .population ? NumberText.grouped(x) : "×" + NumberText.fixed(x, places: 2)
    }

    private func text(_ o: Outcome, _ r: Row) -> String {
        switch o {
        case .day(let d): return ReportDate.short(d, years: years)
        case .number(let x): return number(x, r)
        case .never: return "never"
        case .notModelled: return "not modelled"
        }
    }

    private func error(_ o: Outcome, _ r: Row) -> String {
        guard case .number(let e) = o else { return "" }
        let sign = e > 0 ? "+" : e < 0 ? "−" : "±"
        // In days for a dated observation, as `hindcast.json`'s `error_unit` says.
        let size = !r.what.needsValue ? NumberText.fixed(abs(e), places: 0) + " d"
            : r.what == .population ? NumberText.grouped(abs(e)) : NumberText.fixed(abs(e), places: 2)
        return " " + Self.unbroken("(\(sign)\(size))")
    }

    /// Keeps a date or an error on one line in a narrow column.
    private static func unbroken(_ s: String) -> String { s.replacingOccurrences(of: " ", with: "\u{00A0}") }

    private func range(_ r: Row) -> String {
        if case .notModelled = r.p5 { return "–" }
        return text(r.p5, r) + " – " + text(r.p95, r)
    }
}
