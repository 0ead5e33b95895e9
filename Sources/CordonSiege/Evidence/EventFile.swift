import CordonCore
import CordonGeometry
import Foundation

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
    ///   - jobs: The threads to read it on; nil: every core. The result does not depend on it.
    /// - Throws: `FileReadError`, or `CSVError` naming line and column.
    public static func read(_ path: String, maxPrecision: Int = 2, jobs: Int? = nil) throws -> EventSet {
        let bytes = try FileBytes.read(path, limit: byteLimit)
        return try parse(bytes, file: path, maxPrecision: maxPrecision,
                         pieces: jobs.map { bytes.count > 1 << 20 ? 4 * max(1, $0) : 1 }, jobs: jobs)
    }

    /// Parses the bytes of an event file; see ``read(_:maxPrecision:jobs:)``.
    ///
    /// The file is read in pieces on several threads (`CSVChunks`), straight from its bytes:
    /// only the columns counted are read, and plain numbers and ISO dates without making text
    /// of them. The result does not depend on `pieces`.
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - file: The file's name, for messages.
    ///   - maxPrecision: As for ``read(_:maxPrecision:jobs:)``.
    ///   - pieces: How many pieces to read at once; nil: four per core for a file over 1 MiB, else one.
    ///   - jobs: The most threads to read them on; nil: every core.
    public static func parse(_ bytes: [UInt8], file: String, maxPrecision: Int = 2, pieces: Int? = nil,
                             jobs: Int? = nil) throws -> EventSet {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let count = pieces ?? (bytes.count > 1 << 20 ? 4 * cores : 1)
        var plan: Columns?
        let (_, parts) = try CSVChunks.read(
            bytes, file: file, pieces: count,
            run: PieceThreads.run(onThreads: jobs ?? cores),
            // The columns are found once, from the header, before any piece is read.
            header: { header in plan = try Columns(header: header, file: file) },
            body: { scanner -> Piece in
                guard let plan else { return Piece() }
                return try plan.read(&scanner, maxPrecision: maxPrecision)
            })
        // Types numbered in the order they first appear in the file: piece by piece, each in its own order.
        var types: [String] = []
        var index: [String: Int32] = [:]
        var events: [EventSet.Event] = []
        events.reserveCapacity(parts.reduce(0) { $0 + $1.events.count })
        for part in parts {
            let global = part.types.map { name -> Int32 in
                if let k = index[name] { return k }
                types.append(name)
                index[name] = Int32(types.count - 1)
                return Int32(types.count - 1)
            }
            for var e in part.events {
                e.type = global[Int(e.type)]
                if e.subType >= 0 { e.subType = global[Int(e.subType)] }
                events.append(e)
            }
        }
        return EventSet(file: file, layout: plan?.layout ?? .plain, events: events, types: types)
    }

    /// What one piece of the file gave: its events, their types numbered within the piece.
    struct Piece {
        var events: [EventSet.Event] = []
        var types: [String] = []
    }

    /// Where an event file keeps what is counted, found from its header.
    struct Columns: Sendable {
        let file: String, header: [String]
        let layout: EventSet.Layout
        let date: Int, lat: Int, lon: Int
        let type: Int?, sub: Int?, deaths: Int?, precision: Int?

        init(header: [String], file: String) throws {
            self.file = file
            self.header = header
            func column(_ names: String...) -> Int? { CSVTable.column(anyOf: names, in: header) }
            let layout: EventSet.Layout = column("event_date") != nil ? .acled : column("date_start") != nil ? .ucdp : .plain
            func required(_ names: String...) throws -> Int {
                if let k = CSVTable.column(anyOf: names, in: header) { return k }
                throw CSVError(file: file, line: 1, column: names[0],
                               "missing: a \(layout.rawValue) event file needs the column `\(names[0])`")
            }
            self.layout = layout
            date = try required(layout == .acled ? "event_date" : layout == .ucdp ? "date_start" : "date")
            lat = try required("latitude", "lat")
            lon = try required("longitude", "lon", "lng")
            switch layout {
            case .acled:
                type = try required("event_type")
                sub = column("sub_event_type")
                deaths = column("fatalities")
                precision = column("geo_precision")
            case .ucdp:
                type = try required("type_of_violence")
                sub = nil
                deaths = column("best", "best_est")
                precision = column("where_prec")
            case .plain:
                type = column("type", "event_type")
                sub = column("sub_type", "sub_event_type")
                deaths = column("fatalities", "deaths")
                precision = column("precision", "geo_precision")
            }
        }

        /// The events of one piece of the file.
        func read(_ scanner: inout CSVScanner, maxPrecision: Int) throws -> Piece {
            var piece = Piece()
            var names = ByteNames()
            let ucdp = ["state-based", "non-state", "one-sided"].map { names.number(of: Array($0.utf8)) }
            let plainEvent = names.number(of: Array("event".utf8))
            var used = [Bool](repeating: false, count: names.count)
            var order: [Int32] = []
            func use(_ k: Int32) -> Int32 {
                if Int(k) >= used.count { used.append(contentsOf: repeatElement(false, count: Int(k) + 1 - used.count)) }
                if !used[Int(k)] { used[Int(k)] = true; order.append(k) }
                return k
            }
            while try scanner.next() {
                let line = scanner.recordLine
                func fail(_ col: Int, _ reason: String) -> CSVError { CSVError(file: file, line: line, column: header[col], reason) }
                func number(_ col: Int, _ range: ClosedRange<Double>) throws -> Double {
                    guard let v = scanner.number(col), range.contains(v) else {
                        throw fail(col, "`\(scanner.string(col).trimmingSpaces)` is not a number in [\(range.lowerBound), \(range.upperBound)]")
                    }
                    return v
                }
                guard let day = scanner.isQuoted(date) ? EventDate.parse(scanner.string(date))
                        : EventDate.parse(bytes: scanner.trimmedBytes(date)) else {
                    throw fail(date, "`\(scanner.string(date))` is not a date (YYYY-MM-DD, 13 July 2016 or 13-Jul-2016)")
                }
                let y = try number(lat, -90...90)
                let x = try number(lon, -180...180)
                var typeNumber: Int32
                if let c = type {
                    let text = Self.trimmed(scanner, c)
                    if layout == .ucdp {
                        switch text {
                        case [UInt8(ascii: "1")]: typeNumber = ucdp[0]
                        case [UInt8(ascii: "2")]: typeNumber = ucdp[1]
                        case [UInt8(ascii: "3")]: typeNumber = ucdp[2]
                        default: throw fail(c, "`\(scanner.string(c).trimmingSpaces)` is not a UCDP type_of_violence (1, 2 or 3)")
                        }
                    } else {
                        typeNumber = text.isEmpty ? plainEvent : names.number(of: text)
                    }
                } else {
                    typeNumber = plainEvent
                }
                typeNumber = use(typeNumber)
                var subNumber: Int32 = -1
                if let c = sub {
                    let text = Self.trimmed(scanner, c)
                    if !text.isEmpty { subNumber = use(names.number(of: text)) }
                }
                var deathCount = 0.0
                if let c = deaths, !scanner.isEmpty(c) { deathCount = try number(c, 0...1e7) }
                var placed = true
                if let c = precision, !scanner.isEmpty(c) { placed = try number(c, 0...100) <= Double(maxPrecision) }
                piece.events.append(EventSet.Event(day: day, lon: x, lat: y, type: typeNumber, subType: subNumber,
                                                   fatalities: deathCount, placed: placed, line: line))
            }
            // Names renumbered in the order the piece first used them.
            var renumber = [Int32](repeating: -1, count: names.count)
            for (k, name) in order.enumerated() {
                renumber[Int(name)] = Int32(k)
                piece.types.append(names.string(name))
            }
            for i in piece.events.indices {
                piece.events[i].type = renumber[Int(piece.events[i].type)]
                if piece.events[i].subType >= 0 { piece.events[i].subType = renumber[Int(piece.events[i].subType)] }
            }
            return piece
        }

        /// Field `k` trimmed, as bytes (unquoted fields are not copied until a new name is met).
        static func trimmed(_ scanner: CSVScanner, _ k: Int) -> ByteNames.Key {
            scanner.isQuoted(k) ? .owned(Array(scanner.string(k).trimmingSpaces.utf8)) : .borrowed(scanner.trimmedBytes(k))
        }
    }
}

/// Names (event types) numbered as they are met, looked up by their bytes without making a
/// String of each field.
struct ByteNames {
    /// A field's bytes: borrowed from the file, or copied when it had to be unquoted.
    enum Key: Equatable {
        case borrowed(UnsafeBufferPointer<UInt8>)
        case owned([UInt8])

        func with<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            switch self {
            case .borrowed(let b): return body(b)
            case .owned(let a): return a.withUnsafeBufferPointer(body)
            }
        }
        var isEmpty: Bool { with { $0.isEmpty } }
        static func == (a: Key, b: [UInt8]) -> Bool { a.with { $0.elementsEqual(b) } }
        static func == (a: Key, b: Key) -> Bool { a.with { x in b.with { y in x.elementsEqual(y) } } }
        static func ~= (pattern: [UInt8], value: Key) -> Bool { value == pattern }
    }

    private var names: [[UInt8]] = []
    private var buckets: [UInt64: [Int32]] = [:]
    var count: Int { names.count }

    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }

    /// The number of `key`, given a new one if it was never met. A file has a few dozen types:
    /// they are compared byte for byte, hashing only when there are many.
    mutating func number(of key: Key) -> Int32 {
        key.with { b in
            let few = names.count <= 64
            if few {
                for k in names.indices where names[k].count == b.count {
                    let same = names[k].withUnsafeBufferPointer { n in b.isEmpty || memcmp(n.baseAddress!, b.baseAddress!, b.count) == 0 }
                    if same { return Int32(k) }
                }
            }
            let h = Self.hash(b)
            if !few, let list = buckets[h] { for k in list where names[Int(k)].elementsEqual(b) { return k } }
            names.append(Array(b))
            buckets[h, default: []].append(Int32(names.count - 1))
            return Int32(names.count - 1)
        }
    }

    mutating func number(of bytes: [UInt8]) -> Int32 { number(of: .owned(bytes)) }

    func string(_ k: Int32) -> String { String(decoding: names[Int(k)], as: UTF8.self) }
}

/// The date forms event and price files write.
public enum EventDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// ``parse(_:)`` of trimmed bytes: `YYYY-MM-DD` (and what may follow it) read without
    /// making text; any other form the slow way, so the answer is the same.
    public static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Day? {
        if b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
           b.count == 10 || b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T") {
            func digits(_ r: Range<Int>) -> Int? {
                var v = 0
                for i in r {
                    let d = b[i] &- 48
                    guard d < 10 else { return nil }
                    v = v * 10 + Int(d)
                }
                return v
            }
            if let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10), let day = Day(year: y, month: m, day: d) {
                return day
            }
        }
        return parse(String(decoding: b, as: UTF8.self))
    }

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
    ///   - maxPrecision: As for ``read(_:maxPrecision:jobs:)``.
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
