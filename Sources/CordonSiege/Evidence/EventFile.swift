import CordonCore
import CordonGeometry

/// Reads conflict events from CSV: ACLED or UCDP GED, recognised by their headers, or a plain
/// table with `date`, `latitude`, `longitude` (docs/design.md#evidence).
///
/// Header names are matched without case (ACLED's older exports write `EVENT_DATE`). Dates may
/// be ISO (`2016-07-13`, with a time after it as UCDP writes), `13 July 2016` or `13-Jul-2016`
/// (ACLED's exports). A bad value is an error naming the line and the column.
public enum EventFile {
    /// The most bytes an event file may hold (1 GiB: about eight million ACLED rows).
    public static let byteLimit = 1 << 30

    /// Reads `path`.
    /// - Parameters:
    ///   - path: The CSV file.
    ///   - maxPrecision: The coarsest precision code placed (ACLED `geo_precision`, UCDP
    ///     `where_prec`); events coarser are kept but counted apart.
    /// - Throws: `FileReadError`, or `CSVError` naming line and column.
    public static func read(_ path: String, maxPrecision: Int = 2) throws -> EventSet {
        try parse(FileBytes.read(path, limit: byteLimit), file: path, maxPrecision: maxPrecision)
    }

    /// Parses the bytes of an event file; see ``read(_:maxPrecision:)``.
    public static func parse(_ bytes: [UInt8], file: String, maxPrecision: Int = 2) throws -> EventSet {
        let table = try CSVTable(bytes: bytes, file: file)
        let layout: EventSet.Layout
        if table.column("event_date") != nil { layout = .acled }
        else if table.column("date_start") != nil { layout = .ucdp }
        else { layout = .plain }

        func required(_ names: String...) throws -> Int {
            guard let k = table.column(anyOf: names) else {
                throw CSVError(file: file, line: 1, column: names[0],
                               "missing: a \(layout.rawValue) event file needs the column `\(names[0])`")
            }
            return k
        }
        let dateNames: [String] = layout == .acled ? ["event_date"] : layout == .ucdp ? ["date_start"] : ["date", "event_date"]
        let dateCol = try required(dateNames[0])
        let latCol = try required("latitude", "lat")
        let lonCol = try required("longitude", "lon", "lng")
        let typeCol: Int?, subCol: Int?, deathCol: Int?, precCol: Int?
        switch layout {
        case .acled:
            typeCol = try required("event_type")
            subCol = table.column("sub_event_type")
            deathCol = table.column("fatalities")
            precCol = table.column("geo_precision")
        case .ucdp:
            typeCol = try required("type_of_violence")
            subCol = nil
            deathCol = table.column("best", "best_est")
            precCol = table.column("where_prec")
        case .plain:
            typeCol = table.column("type", "event_type")
            subCol = table.column("sub_type", "sub_event_type")
            deathCol = table.column("fatalities", "deaths")
            precCol = table.column("precision", "geo_precision")
        }

        var types: [String] = []
        var typeIndex: [String: Int32] = [:]
        func intern(_ s: String) -> Int32 {
            if let k = typeIndex[s] { return k }
            let k = Int32(types.count)
            types.append(s)
            typeIndex[s] = k
            return k
        }
        var events: [EventSet.Event] = []
        events.reserveCapacity(table.rows.count)
        for row in table.rows {
            func fail(_ col: Int, _ reason: String) -> CSVError { table.error(in: file, row: row, column: col, reason) }
            func number(_ col: Int, _ range: ClosedRange<Double>) throws -> Double {
                try table.number(in: file, row: row, column: col, within: range)
            }
            guard let day = EventDate.parse(row.fields[dateCol]) else {
                throw fail(dateCol, "`\(row.fields[dateCol])` is not a date (YYYY-MM-DD, 13 July 2016 or 13-Jul-2016)")
            }
            let lat = try number(latCol, -90...90)
            let lon = try number(lonCol, -180...180)
            var type = typeCol.map { row.fields[$0].trimmingSpaces } ?? ""
            if layout == .ucdp {
                switch type {
                case "1": type = "state-based"
                case "2": type = "non-state"
                case "3": type = "one-sided"
                default: throw fail(typeCol!, "`\(type)` is not a UCDP type_of_violence (1, 2 or 3)")
                }
            }
            if type.isEmpty { type = "event" }
            let sub = subCol.map { row.fields[$0].trimmingSpaces } ?? ""
            var deaths = 0.0
            if let c = deathCol, !row.fields[c].trimmingSpaces.isEmpty { deaths = try number(c, 0...1e7) }
            var placed = true
            if let c = precCol, !row.fields[c].trimmingSpaces.isEmpty {
                placed = try number(c, 0...100) <= Double(maxPrecision)
            }
            events.append(EventSet.Event(day: day, lon: lon, lat: lat, type: intern(type),
                                         subType: sub.isEmpty ? -1 : intern(sub), fatalities: deaths, placed: placed,
                                         line: row.line))
        }
        return EventSet(file: file, layout: layout, events: events, types: types)
    }
}

/// The date forms event and price files write.
public enum EventDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `2016-07-13` (anything after the tenth character, such as a time, ignored), `13 July 2016`,
    /// `13-Jul-2016`, `13/07/2016` (day first, as ACLED's older exports); nil for anything else.
    public static func parse(_ raw: String) -> Day? {
        let text = raw.trimmingSpaces
        if text.utf8.count >= 10, let d = Day(iso: String(decoding: Array(text.utf8.prefix(10)), as: UTF8.self)) {
            let rest = Array(text.utf8.dropFirst(10))
            if rest.isEmpty || rest[0] == UInt8(ascii: " ") || rest[0] == UInt8(ascii: "T") { return d }
        }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3, let dd = Int(parts[0]), let yy = Int(parts[2]), parts[2].count == 4 else { return nil }
        if let mm = Int(parts[1]) { return Day(year: yy, month: mm, day: dd) }
        let word = parts[1].lowercased()
        guard word.count >= 3, let k = months.firstIndex(of: String(word.prefix(3))) else { return nil }
        return Day(year: yy, month: k + 1, day: dd)
    }
}

extension EventFile {
    /// Events from the point features of any vector layer (GeoPackage, Shapefile, GeoJSON…):
    /// the date from `dateField` (default: `event_date`, then `date`), the type from
    /// `event_type` or `type`, the sub-type from `sub_event_type` or `sub_type`, deaths from
    /// `fatalities`, the precision from `geo_precision` or `where_prec`.
    /// - Parameters:
    ///   - features: The layer's features, in order.
    ///   - file: The source, for messages.
    ///   - dateField: The field holding each event's day; nil tries `event_date`, then `date`.
    ///   - maxPrecision: As for ``read(_:maxPrecision:)``.
    /// - Throws: ``SiegeInputError`` naming the feature: not a point, no date, a bad number.
    public static func events(features: [Feature], file: String, dateField: String? = nil, maxPrecision: Int = 2) throws -> EventSet {
        var types: [String] = [], index: [String: Int32] = [:]
        func intern(_ s: String) -> Int32 {
            if let k = index[s] { return k }
            types.append(s)
            index[s] = Int32(types.count - 1)
            return Int32(types.count - 1)
        }
        let events = try features.enumerated().map { i, f -> EventSet.Event in
            func fail(_ reason: String) -> SiegeInputError { SiegeInputError(file: file, feature: i, reason) }
            guard let g = f.geometry, g.type == .point, let c = g.coordinates.first else { throw fail("an event must be a Point") }
            guard (-180...180).contains(c.x), (-90...90).contains(c.y) else { throw fail("the point lies outside -180…180, -90…90") }
            func text(_ keys: [String]) -> String? {
                for k in keys { if let v = f.properties[k], !v.isNull { return v.stringValue ?? v.jsonText } }
                return nil
            }
            func number(_ keys: [String]) throws -> Double? {
                for k in keys {
                    guard let v = f.properties[k], !v.isNull else { continue }
                    guard let n = v.numberValue ?? v.stringValue.flatMap({ Double($0.trimmingSpaces) }), n.isFinite, n >= 0 else {
                        throw fail("`\(k)` must be a number ≥ 0, got \(v.jsonText)")
                    }
                    return n
                }
                return nil
            }
            let dateKeys = dateField.map { [$0] } ?? ["event_date", "date"]
            guard let raw = text(dateKeys), let day = EventDate.parse(raw) else {
                throw fail("no date in `\(dateKeys.joined(separator: "` or `"))` (YYYY-MM-DD, 13 July 2016 or 13-Jul-2016)")
            }
            let sub = text(["sub_event_type", "sub_type"]) ?? ""
            let precision = try number(["geo_precision", "where_prec", "precision"])
            return EventSet.Event(day: day, lon: c.x, lat: c.y, type: intern(text(["event_type", "type"]) ?? "event"),
                                  subType: sub.isEmpty ? -1 : intern(sub), fatalities: try number(["fatalities", "best"]) ?? 0,
                                  placed: precision.map { $0 <= Double(maxPrecision) } ?? true)
        }
        return EventSet(file: file, layout: .plain, events: events, types: types)
    }
}
