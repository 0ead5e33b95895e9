import ArgumentParser
import CordonCore
import CordonGeometry
import CordonSiege

/// `--events`, `--max-precision`, `--evidence-status`: conflict events counted beside the model
/// (docs/design.md#evidence). `cordon enclosure`, `cordon routes` and any later command share them.
struct EvidenceOptions: ParsableArguments {
    @Option(help: "Conflict events: an ACLED or UCDP GED CSV file (recognised by its header), a CSV with date, latitude, longitude, or any point layer GDAL reads (events.gpkg|layername=acled).")
    var events: String?
    @Option(name: .customLong("events-date-field"), help: "For a point layer: the field holding each event's date (default: event_date, then date).")
    var eventsDateField: String?
    @Option(name: .customLong("max-precision"), parsing: .unconditional,  // `-1` is a number, told its range
            help: "The coarsest place precision counted (ACLED geo_precision, UCDP where_prec); coarser events are counted apart.")
    var maxPrecision: Int = 2
    @Option(help: "Market prices: a WFP VAM / HDX food prices CSV (the HXL tag row is skipped). Needs --prices-output.")
    var prices: String?
    @Option(name: .customLong("prices-output"),
            help: "Where the prices table goes: FILE.csv, with FILE.json beside it (median inside the pockets, outside, multiple, per commodity and month).")
    var pricesOutput: String?
    @Option(name: .customLong("evidence-status"),
            help: "N/D: a route counts as under fire on a day with at least N events within range over the previous D days.")
    var evidenceStatus: String?

    func validate() throws {
        if maxPrecision < 0 || maxPrecision > 100 { throw ValidationError("--max-precision must be between 0 and 100") }
        if evidenceStatus != nil { _ = try statusRule() }
        if (prices == nil) != (pricesOutput == nil) { throw ValidationError("give --prices and --prices-output together") }
        if let out = pricesOutput, !out.hasSuffix(".csv") { throw ValidationError("--prices-output must name a .csv file") }
    }

    /// The N/D of `--evidence-status`, if given.
    func statusRule() throws -> (events: Int, days: Int)? {
        guard let text = evidenceStatus else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]), n >= 1, d >= 1, d <= 3660 else {
            throw ValidationError("--evidence-status must be N/D with N ≥ 1 events and 1 ≤ D ≤ 3660 days, such as 3/7")
        }
        return (n, d)
    }

    /// The events, indexed for counting over `window`; nil without `--events`. Says on standard
    /// error how many were counted apart.
    /// `jobs`: the threads a CSV file is read on (nil: every core).
    func index(window: Period = Period(from: nil, until: nil), context: GEOSContext, jobs: Int? = nil) throws -> EventIndex? {
        guard let events else { return nil }
        let set: EventSet
        if events.lowercased().hasSuffix(".csv") {
            set = try EventFile.read(events, maxPrecision: maxPrecision, jobs: jobs)
        } else {
            set = try EventFile.events(features: InputLayers(context: context).features(events), file: InputLayers.shown(events),
                                       dateField: eventsDateField, maxPrecision: maxPrecision)
        }
        let index = EventIndex(set, window: window)
        printError("cordon: \(events): \(set.events.count) \(set.layout.rawValue) events; \(index.placedCount) counted, "
                   + "\(index.imprecise) too imprecise (precision > \(maxPrecision)), \(index.outsideWindow) outside the days counted")
        return index
    }
}

extension EvidenceOptions {
    /// The files the evidence options read and write, for the checks that no output replaces an input.
    var inputs: [String] { [events, prices].compactMap { $0 } }

    /// Places the `--prices` quotes against `pockets` and the map's ground and writes the table
    /// to `--prices-output` (CSV, and JSON beside it) as one set; nothing without `--prices`.
    func writePrices(pockets: [Pocket], map: ControlMap) throws {
        guard let prices, let out = pricesOutput else { return }
        let set = try PriceFile.read(prices)
        let table = PriceComparison(prices: set, pockets: pockets, map: map.areas.map(\.geometry))
        var files = OutputSet()
        try files.add(Array(table.csv.utf8), to: out)
        try files.add(Array((table.json(set).jsonText + "\n").utf8), to: String(out.dropLast(4)) + ".json")
        try files.commit()
        printError("cordon: \(prices): \(set.quotes.count) quotes; \(table.placements.filter { $0 == "inside" }.count) inside the pockets, "
                   + "\(table.placements.filter { $0 == "outside" }.count) outside, \(table.offMap) off the map")
    }
}

extension Feature {
    /// The feature with `extra` properties after its own.
    func adding(_ extra: JSONObject) -> Feature {
        Feature(geometry: geometry, properties: properties.merging(extra), id: id)
    }
}
