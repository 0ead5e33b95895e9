import CordonCore

/// Market prices read from a WFP VAM or HDX food prices CSV (docs/design.md#evidence): `date`,
/// `market`, `latitude`, `longitude`, `commodity`, `unit`, `currency`, `price`, optional
/// `usdprice`, `category`, `pricetype`. The HXL tag row (`#date`, `#loc+market+name`, …) that
/// HDX puts under the header is skipped.
public struct PriceSet: Sendable {
    /// One price quote.
    public struct Quote: Sendable, Equatable {
        /// The day quoted.
        public var day: Day
        /// The market's name.
        public var market: String
        /// Longitude, degrees.
        public var lon: Double
        /// Latitude, degrees.
        public var lat: Double
        /// The commodity, as the file names it.
        public var commodity: String
        /// The unit the price is for after normalising: `kg`, `l`, or the file's own unit.
        public var unit: String
        /// The price per ``unit``, in ``currency``.
        public var price: Double
        /// The currency (`USD` when a commodity's currencies were mixed and `usdprice` was used).
        public var currency: String
        /// The line of the file it came from.
        public var line: Int
    }

    /// The file, as the user named it.
    public var file: String
    /// The quotes, in file order.
    public var quotes: [Quote]
    /// Rows left out, by reason (a price of 0 or none, say), for the run's report.
    public var skipped: [(reason: String, count: Int)] = []
}

/// Reads ``PriceSet``s.
public enum PriceFile {
    /// The most bytes a price file may hold (256 MiB).
    public static let byteLimit = 1 << 28

    /// Reads `path`; see ``parse(_:file:)``.
    public static func read(_ path: String) throws -> PriceSet {
        try parse(FileBytes.read(path, limit: byteLimit), file: path)
    }

    /// Parses a price file.
    /// - Throws: `CSVError` naming line and column: a missing column, an unparseable date,
    ///   a latitude or longitude out of range, a price that is not a number, or a commodity
    ///   quoted in more than one currency without `usdprice` to compare them by.
    public static func parse(_ bytes: [UInt8], file: String) throws -> PriceSet {
        var table = try CSVTable(bytes: bytes, file: file)
        if let first = table.rows.first, first.fields.contains(where: { $0.trimmingSpaces.hasPrefix("#") }) {
            table.rows.removeFirst()  // the HXL tags
        }
        func required(_ name: String) throws -> Int {
            guard let k = table.column(name) else {
                throw CSVError(file: file, line: 1, column: name, "missing: a price file needs the column `\(name)`")
            }
            return k
        }
        let dateCol = try required("date"), latCol = try required("latitude"), lonCol = try required("longitude")
        let commodityCol = try required("commodity"), unitCol = try required("unit"), priceCol = try required("price")
        let currencyCol = try required("currency")
        let marketCol = table.column("market"), usdCol = table.column("usdprice")

        var quotes: [PriceSet.Quote] = []
        var usd: [Double?] = []
        var skippedEmpty = 0
        for row in table.rows {
            func fail(_ col: Int, _ reason: String) -> CSVError { table.error(in: file, row: row, column: col, reason) }
            func number(_ col: Int, _ range: ClosedRange<Double>) throws -> Double {
                try table.number(in: file, row: row, column: col, within: range)
            }
            guard let day = EventDate.parse(row.fields[dateCol]) else {
                throw fail(dateCol, "`\(row.fields[dateCol])` is not a date (YYYY-MM-DD)")
            }
            let lat = try number(latCol, -90...90), lon = try number(lonCol, -180...180)
            if row.fields[priceCol].trimmingSpaces.isEmpty { skippedEmpty += 1; continue }
            let price = try number(priceCol, 0...1e12)
            let (unit, size) = PriceUnit.normalise(row.fields[unitCol])
            var dollars: Double?
            if let c = usdCol, !row.fields[c].trimmingSpaces.isEmpty { dollars = try number(c, 0...1e12) / size }
            quotes.append(PriceSet.Quote(day: day, market: marketCol.map { row.fields[$0].trimmingSpaces } ?? "",
                                         lon: lon, lat: lat, commodity: row.fields[commodityCol].trimmingSpaces,
                                         unit: unit, price: price / size,
                                         currency: row.fields[currencyCol].trimmingSpaces.uppercased(), line: row.line))
            usd.append(dollars)
        }
        // One currency per commodity and unit, or USD for all of them when the file gives it.
        var firstCurrency: [String: (String, Int)] = [:]
        var mixed = Set<String>()
        for q in quotes {
            let key = q.commodity + "\u{1}" + q.unit
            if let (c, _) = firstCurrency[key] { if c != q.currency { mixed.insert(key) } } else { firstCurrency[key] = (q.currency, q.line) }
        }
        for key in mixed.sorted(by: { firstCurrency[$0]!.1 < firstCurrency[$1]!.1 }) {
            let members = quotes.indices.filter { quotes[$0].commodity + "\u{1}" + quotes[$0].unit == key }
            if members.contains(where: { usd[$0] == nil }) {
                // Named at the first quote in another currency than the first: where the mix begins.
                let first = firstCurrency[key]!
                let q = quotes[members.first { quotes[$0].currency != first.0 }!]
                let col = usdCol.map { table.header[$0] } ?? "usdprice"
                throw CSVError(file: file, line: q.line, column: col,
                               "`\(q.commodity)` is quoted in \(first.0) (line \(first.1)) and \(q.currency): give `usdprice` to compare them")
            }
            for i in members {
                quotes[i].price = usd[i]!
                quotes[i].currency = "USD"
            }
        }
        var set = PriceSet(file: file, quotes: quotes)
        if skippedEmpty > 0 { set.skipped.append(("no price", skippedEmpty)) }
        return set
    }
}

/// Units as WFP writes them (`KG`, `50 KG`, `L`, `400 G`, `1.5 L`, `Unit`): kilograms and
/// litres are brought to 1 kg and 1 l; any other unit is kept as written.
public enum PriceUnit {
    /// The normal unit and how many of it the written unit holds: `50 KG` → (`kg`, 50).
    public static func normalise(_ written: String) -> (unit: String, size: Double) {
        let text = written.trimmingSpaces.lowercased()
        var number = ""
        var rest = Substring(text)
        while let c = rest.first, c.isNumber || c == "." { number.append(c); rest = rest.dropFirst() }
        let word = String(rest).trimmingSpaces
        let count = number.isEmpty ? 1.0 : (Double(number) ?? 0)
        guard count > 0, count.isFinite else { return (written.trimmingSpaces, 1) }
        switch word {
        case "kg", "kgs", "kilogram", "kilograms": return ("kg", count)
        case "g", "gr", "gram", "grams": return ("kg", count / 1000)
        case "l", "litre", "liter", "litres", "liters": return ("l", count)
        case "ml": return ("l", count / 1000)
        case "mt", "tonne", "tonnes": return ("kg", count * 1000)
        default: return (written.trimmingSpaces, 1)
        }
    }
}
