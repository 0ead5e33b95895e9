import CordonCore
import CordonGeometry

/// Prices inside the besieged pockets against prices outside, per commodity and month
/// (docs/design.md#evidence). A quote is inside when its market lies in one of the besieged
/// side's pockets on its day, outside when it lies elsewhere on the map, off the map when on no
/// area of it.
public struct PriceComparison: Sendable {
    /// One commodity in one month.
    public struct Row: Sendable, Equatable {
        /// The commodity.
        public var commodity: String
        /// The unit prices are for (`kg`, `l`, or the file's own).
        public var unit: String
        /// The currency compared.
        public var currency: String
        /// `YYYY-MM`.
        public var month: String
        /// Median price of the quotes inside; nil when there are none.
        public var insideMedian: Double?
        /// Median price of the quotes outside; nil when there are none.
        public var outsideMedian: Double?
        /// Quotes inside, outside.
        public var insideQuotes: Int, outsideQuotes: Int
        /// `insideMedian / outsideMedian`; nil when either is missing or outside is 0.
        public var multiple: Double? {
            guard let i = insideMedian, let o = outsideMedian, o > 0 else { return nil }
            return i / o
        }
    }

    /// The rows, by commodity (file order), then unit, then month.
    public var rows: [Row]
    /// Quotes whose market lies on no area of the map.
    public var offMap: Int
    /// Where each quote was placed: `inside`, `outside` or `off the map`.
    public var placements: [String]

    /// Places every quote and takes the medians.
    /// - Parameters:
    ///   - prices: The quotes.
    ///   - pockets: Every pocket of every period.
    ///   - map: The map's areas, whatever their dates: the ground "on the map" covers.
    public init(prices: PriceSet, pockets: [Pocket], map: [Geometry]) {
        let onMap = PointLocator(map)
        var periods: [Period?] = []
        var groups: [Period?: [Geometry]] = [:]
        for p in pockets {
            if groups[p.period] == nil { periods.append(p.period) }
            groups[p.period, default: []].append(p.geometry)
        }
        let locators = periods.map { ($0, PointLocator(groups[$0]!)) }
        var scratch: [UInt8] = []
        var placements: [String] = []
        var offMap = 0
        var values: [String: (row: Row, inside: [Double], outside: [Double])] = [:]
        var order: [String] = []
        for q in prices.quotes {
            let inside = locators.contains { period, locator in
                (period?.contains(q.day) ?? true) && locator.locate(q.lon, q.lat, scratch: &scratch) != nil
            }
            let where_ = inside ? "inside" : onMap.locate(q.lon, q.lat, scratch: &scratch) != nil ? "outside" : "off the map"
            placements.append(where_)
            if where_ == "off the map" { offMap += 1; continue }
            let (y, m, _) = q.day.components
            let month = "\(y)-" + (m < 10 ? "0" : "") + "\(m)"
            let key = [q.commodity, q.unit, q.currency, month].joined(separator: "\u{1}")
            if values[key] == nil {
                order.append(key)
                values[key] = (Row(commodity: q.commodity, unit: q.unit, currency: q.currency, month: month,
                                   insideQuotes: 0, outsideQuotes: 0), [], [])
            }
            if inside { values[key]!.inside.append(q.price) } else { values[key]!.outside.append(q.price) }
        }
        var firstSeen: [String: Int] = [:]
        for (k, key) in order.enumerated() { let c = values[key]!.row.commodity; if firstSeen[c] == nil { firstSeen[c] = k } }
        rows = order.map { key in
            var (row, a, b) = values[key]!
            row.insideMedian = Self.median(a)
            row.outsideMedian = Self.median(b)
            row.insideQuotes = a.count
            row.outsideQuotes = b.count
            return row
        }.sorted { (firstSeen[$0.commodity]!, $0.unit, $0.month) < (firstSeen[$1.commodity]!, $1.unit, $1.month) }
        self.offMap = offMap
        self.placements = placements
    }

    static func median(_ v: [Double]) -> Double? {
        guard !v.isEmpty else { return nil }
        let s = v.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// The table as CSV: `commodity,unit,currency,month,inside_median,outside_median,multiple,inside_quotes,outside_quotes`.
    public var csv: String {
        var out = "commodity,unit,currency,month,inside_median,outside_median,multiple,inside_quotes,outside_quotes\n"
        func text(_ v: Double?) -> String { v.map { JSONValue.number(NumberText.rounded($0, places: 6)).jsonText } ?? "" }
        func quoted(_ s: String) -> String {
            s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingAll("\"", "\"\"") + "\"" : s
        }
        for r in rows {
            out += [quoted(r.commodity), quoted(r.unit), quoted(r.currency), r.month, text(r.insideMedian), text(r.outsideMedian),
                    text(r.multiple), "\(r.insideQuotes)", "\(r.outsideQuotes)"].joined(separator: ",") + "\n"
        }
        return out
    }

    /// The table as JSON: `{"rows": [...], "off_map": N, "quotes": [...]}`, rows with the
    /// columns of ``csv``, and every quote of `prices` with where it was placed.
    public func json(_ prices: PriceSet) -> JSONValue {
        func n(_ v: Double?) -> JSONValue { v.map { .number(NumberText.rounded($0, places: 6)) } ?? .null }
        return .object(["rows": .array(rows.map { r in
            .object(["commodity": .string(r.commodity), "unit": .string(r.unit), "currency": .string(r.currency),
                     "month": .string(r.month), "inside_median": n(r.insideMedian), "outside_median": n(r.outsideMedian),
                     "multiple": n(r.multiple), "inside_quotes": .number(Double(r.insideQuotes)),
                     "outside_quotes": .number(Double(r.outsideQuotes))])
        }), "off_map": .number(Double(offMap)),
           "quotes": .array(zip(prices.quotes, placements).map { q, placed in
               .object(["date": .string(q.day.description), "market": .string(q.market), "commodity": .string(q.commodity),
                        "unit": .string(q.unit), "currency": .string(q.currency), "price": n(q.price), "placed": .string(placed),
                        "line": .number(Double(q.line))])
           })])
    }
}

extension String {
    func replacingAll(_ a: Character, _ b: String) -> String {
        var out = ""
        for c in self { if c == a { out += b } else { out.append(c) } }
        return out
    }
}
