import CordonCore
import CordonSupply
import Foundation

/// `summary.json` read back: the siege, each route's status spans and the supply outcomes.
struct ReportSummary {
    struct Span {
        var from: Day
        /// Exclusive; nil when the span runs past the scenario's end.
        var until: Day?
    }

    struct RouteSpan {
        var from: Day
        var until: Day
        var status: String
        /// Corridors only: whether the corridor is declared open.
        var declaredOpen: Bool?
    }

    struct Depletion {
        var commodity: String
        var central: Day?
        var p5: Day?, p50: Day?, p95: Day?
        /// Share of Monte Carlo runs whose stock lasts to the end.
        var never: Double?
        /// First day each ration band is reached, in the order full to catastrophe.
        var bands: [(band: String, day: Day)]
    }

    /// An inflow and the periods it brings something in (`summary.json`'s `inflow_periods`).
    struct InflowPeriods {
        var name: String
        /// A single delivery rather than a flow.
        var once: Bool
        var flowing: [Span]
    }

    var name: String
    var besieged: String
    var focus: (lon: Double, lat: Double)
    var encircled: [Span]
    var populationAtFirstEncirclement: Double?
    var start: Day, end: Day
    var evacuated: Double?
    var routes: [String: [RouteSpan]]
    var inflows: [InflowPeriods]
    /// Shortages that ended, with the inflows that ended them (`summary.json`'s `restorations`).
    var restorations: [(commodity: String, shortFrom: Day, restored: Day, by: [String])]
    var depletion: [Depletion]
    var monteCarlo: (runs: Int, seed: String)?
    var basis: ReportBasis?

    /// Whether the scenario runs over more than one calendar year, so every date shows its year.
    var years: Bool { ReportDate.needsYears(start, end) }

    /// A date in the report's short form: with its year when ``years``.
    func short(_ d: Day) -> String { ReportDate.short(d, years: years) }

    static let bandOrder = ["full", "reduced", "crisis", "emergency", "catastrophe"]

    init(path: String) throws {
        let data = Data(try ReportInputError.read(path))
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let siege = root["siege"] as? [String: Any], let supplies = root["supplies"] as? [String: Any],
              let start = (supplies["start"] as? String).flatMap(Day.init(iso:)),
              let end = (supplies["end"] as? String).flatMap(Day.init(iso:))
        else { throw ReportInputError(path, "not a cordon run summary (needs siege and supplies with start and end)") }
        let day = { (x: Any?) in (x as? String).flatMap(Day.init(iso:)) }
        name = root["scenario"] as? String ?? "Scenario"
        besieged = siege["besieged"] as? String ?? "?"
        let focus = siege["focus"] as? [Double] ?? [0, 0]
        self.focus = (focus.first ?? 0, focus.last ?? 0)
        encircled = (siege["encircled"] as? [[String: Any]] ?? []).compactMap { s in
            day(s["from"]).map { Span(from: $0, until: day(s["until"])) }
        }
        populationAtFirstEncirclement = siege["population"] as? Double
        self.start = start
        self.end = end
        evacuated = supplies["evacuated"] as? Double
        routes = (root["routes"] as? [String: [[String: Any]]] ?? [:]).mapValues { spans in
            spans.compactMap { s in
                guard let from = day(s["from"]), let until = day(s["until"]), let status = s["status"] as? String else { return nil }
                return RouteSpan(from: from, until: until, status: status, declaredOpen: s["open"] as? Bool)
            }
        }
        // Absent from folders written before it existed: no supply dates then.
        inflows = (root["inflow_periods"] as? [[String: Any]] ?? []).compactMap { i in
            guard let name = i["name"] as? String else { return nil }
            let flowing = (i["flowing"] as? [[String: Any]] ?? []).compactMap { s in day(s["from"]).map { Span(from: $0, until: day(s["until"])) } }
            return InflowPeriods(name: name, once: i["once"] as? Bool ?? false, flowing: flowing)
        }
        // Absent from folders written before it existed: no restoration lines then.
        restorations = (root["restorations"] as? [[String: Any]] ?? []).compactMap { r in
            guard let c = r["commodity"] as? String, let from = day(r["short_from"]), let back = day(r["restored"]) else { return nil }
            return (c, from, back, r["by"] as? [String] ?? [])
        }
        let mc = supplies["monte_carlo"] as? [String: Any]
        let spread = mc?["commodities"] as? [String: [String: Any]] ?? [:]
        if let mc, let runs = mc["runs"] as? Int { monteCarlo = (runs, "\(mc["seed"].map { "\($0)" } ?? "")") }
        basis = ReportBasis(json: root["basis"])
        let commodities = supplies["commodities"] as? [String: [String: Any]] ?? [:]
        // Commodities in the scenario's order when the basis gives it, else by name.
        let order = basis.map { $0.commodities.map(\.name) } ?? commodities.keys.sorted()
        depletion = order.compactMap { name in
            guard let c = commodities[name] else { return nil }
            let bands = c["bands"] as? [String: String] ?? [:]
            let d = spread[name]?["depleted"] as? [String: Any]
            return Depletion(commodity: name, central: day(c["depleted"]), p5: day(d?["p5"]), p50: day(d?["p50"]),
                             p95: day(d?["p95"]), never: d?["never"] as? Double,
                             bands: Self.bandOrder.compactMap { b in bands[b].flatMap(Day.init(iso:)).map { (b, $0) } })
        }
    }
}

/// A file of the output folder is missing or not what `cordon run` writes.
public struct ReportInputError: Error, CustomStringConvertible {
    /// The file, as the user named it or inside the folder.
    public let path: String
    /// What is wrong with it.
    public let reason: String
    init(_ path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }
    /// The one-line message: `PATH: REASON`.
    public var description: String { "\(path): \(reason)" }

    /// The files of an output folder are the size `cordon run` writes (the simulation's memory
    /// limit keeps timeline.csv well below this); anything larger is refused before reading.
    static let maxBytes = 256 << 20

    /// The bytes of one file of the folder, refused when it is missing, not a regular file or
    /// over `maxBytes`.
    static func read(_ path: String) throws -> [UInt8] {
        do {
            return try FileBytes.read(path, limit: maxBytes)
        } catch let e as FileReadError {
            throw ReportInputError(path, e.reason)
        }
    }
}
