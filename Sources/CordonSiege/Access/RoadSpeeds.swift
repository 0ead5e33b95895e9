import CordonCore
import Foundation

/// Travel speeds per road class in km/h (docs/design.md#roads): defaults for OpenStreetMap's
/// `highway` values, replaced class by class from a speeds file. A road's own `maxspeed`, when
/// it reads as a number, takes the place of its class's speed.
public struct RoadSpeeds: Sendable {
    /// Speed in km/h by class.
    public private(set) var byClass: [String: Double]

    /// Assumed speeds for a city under siege: at most what damaged roads and checkpoints allow,
    /// not the signed limits. A model assumption; set your own with a speeds file.
    public static let defaults: [String: Double] = [
        "motorway": 80, "motorway_link": 50, "trunk": 70, "trunk_link": 40, "primary": 50, "primary_link": 30,
        "secondary": 40, "secondary_link": 30, "tertiary": 35, "tertiary_link": 25, "unclassified": 30,
        "residential": 25, "living_street": 10, "service": 15, "track": 15, "road": 30,
        "pedestrian": 5, "footway": 5, "path": 5, "steps": 3, "cycleway": 15,
    ]

    /// The class a road without a known one is given.
    public static let fallbackClass = "road"

    /// The default speeds.
    public init() { byClass = Self.defaults }

    /// Speeds from a file's text: JSON (`{"primary": 40, ...}`) or CSV (`class,kmh` rows, an
    /// optional header). Classes not named keep their defaults.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: Its name, for messages.
    ///   - networkClasses: The classes the road network uses; a file may name these and the
    ///     default classes, nothing else, so a misspelt class is caught.
    /// - Throws: ``SiegeInputError`` naming the file and the line, key or classes at fault.
    public init(text: String, file: String, networkClasses: Set<String>) throws {
        byClass = Self.defaults
        var given: [(String, Double, String)] = []  // class, km/h, where
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw SiegeInputError(file: file, "not a JSON object of class: km/h")
            }
            for key in object.keys.sorted() {
                guard let n = object[key] as? NSNumber, !(object[key] is Bool) else {
                    throw SiegeInputError(file: file, "key `\(key)`: the speed must be a number of km/h")
                }
                given.append((key, n.doubleValue, "key `\(key)`"))
            }
        } else {
            given = try Self.csvRows(body, file: file)
        }
        let known = Set(Self.defaults.keys).union(networkClasses)
        let unknown = given.map(\.0).filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw SiegeInputError(file: file, "unknown road classes: \(unknown.joined(separator: ", ")) "
                                    + "(the network's classes: \(networkClasses.sorted().joined(separator: ", ")))")
        }
        for (cls, v, at) in given {
            guard v.isFinite, v > 0, v <= 300 else {
                throw SiegeInputError(file: file, "\(at): speed \(v) km/h for `\(cls)` is not in (0, 300]")
            }
            byClass[cls] = v
        }
    }

    /// `class,kmh` rows read as ``CSVTable`` reads any CSV (quotes, a byte-order mark, CRLF);
    /// lines starting with `#` are comments; the first row is a header unless its speed reads as a number.
    private static func csvRows(_ text: String, file: String) throws -> [(String, Double, String)] {
        // Comments blanked, not removed, so lines keep their numbers.
        let uncommented = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") ? "" : String($0) }.joined(separator: "\n")
        let table: CSVTable
        do { table = try CSVTable(bytes: Array(uncommented.utf8), file: file) } catch let e as CSVError {
            throw SiegeInputError(file: file, "line \(e.line): \(e.reason)")
        }
        guard table.header.count == 2 else {
            throw SiegeInputError(file: file, "expected `class,kmh` rows, the first has \(table.header.count) columns")
        }
        var out: [(String, Double, String)] = []
        if let v = Double(table.header[1]) { out.append((table.header[0], v, "the first row")) }
        for row in table.rows {
            let cls = row.fields[0].trimmingSpaces, text = row.fields[1].trimmingSpaces
            guard let v = Double(text) else {
                throw SiegeInputError(file: file, "line \(row.line): `\(text)` is not a number of km/h")
            }
            out.append((cls, v, "line \(row.line)"))
        }
        return out
    }

    /// The speed of a road of `roadClass`, or its `maxspeed` when that reads as km/h (a plain
    /// number, or a number followed by `mph`); nil for a class without a speed.
    public func kmh(roadClass: String, maxspeed: String?) -> Double? {
        if let m = maxspeed.flatMap(Self.parse), m > 0, m <= 300 { return m }
        return byClass[roadClass]
    }

    /// `50`, `50 km/h`, `30 mph` → km/h; anything else (`signals`, `none`, `RU:urban`) nil.
    static func parse(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let number = t.prefix { $0.isNumber || $0 == "." }
        guard !number.isEmpty, let v = Double(number), v.isFinite else { return nil }
        let rest = t.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        switch rest {
        case "", "km/h", "kmh", "kph": return v
        case "mph": return v * 1.609344
        default: return nil
        }
    }
}
