import CordonCore
import CordonSupply
import Yams

/// One value of a scenario file with its key path, read through typed accessors that fail with
/// a `ScenarioError` naming the file and the path.
struct Field {
    let node: Node
    let path: FieldPath
    let file: String

    func error(_ message: String) -> ScenarioError {
        ScenarioError(file: file, path: path.description, message: message)
    }

    private var scalar: Node.Scalar? {
        guard case .scalar(let s) = node, node.null == nil else { return nil }
        return s
    }

    private var kind: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar: return node.null != nil ? "empty" : "'\(node.scalar?.string ?? "")'"
        }
    }

    func string() throws -> String {
        guard let s = scalar else { throw error("must be text, not \(kind)") }
        return s.string
    }

    func number() throws -> Double {
        guard let s = scalar, let x = Double.construct(from: s) else { throw error("must be a number, not \(kind)") }
        guard x.isFinite else { throw error("must be a finite number") }
        return x
    }

    /// A number ≥ 0 whose reader bounds it further (the siege's metres, by `RouteOptions.validate`).
    func nonNegative() throws -> Double {
        let x = try number()
        guard x >= 0 else { throw error("must be ≥ 0") }
        return x
    }

    /// A number from 0 to `SupplyLimits.maxAmount`: stocks, needs, people, amounts, days.
    func amount() throws -> Double {
        let x = try nonNegative()
        guard x <= SupplyLimits.maxAmount else { throw error("must be at most 1e15, the largest amount the model carries") }
        return x
    }

    /// A share from 0 to 1: rations, spoilage, factors.
    func share() throws -> Double {
        let x = try number()
        guard (0...1).contains(x) else { throw error("must be between 0 and 1") }
        return x
    }

    func count() throws -> Int {
        // Yams reads `1:30` as base 60 with arithmetic that traps on overflow: refuse it unread.
        guard let s = scalar, !s.string.contains(":"), let n = Int.construct(from: s) else {
            throw error("must be a whole number, not \(kind)")
        }
        guard n >= 0 else { throw error("must be ≥ 0") }
        return n
    }

    func seed() throws -> UInt64 {
        guard let s = scalar, !s.string.contains(":"), let n = UInt64.construct(from: s) else {
            throw error("must be a whole number from 0 to \(UInt64.max), not \(kind)")
        }
        return n
    }

    func day() throws -> Day {
        guard let s = scalar, let d = Day(iso: s.string) else { throw error("must be a date yyyy-mm-dd, not \(kind)") }
        return d
    }

    func list() throws -> [Field] {
        guard case .sequence(let items) = node else { throw error("must be a list, not \(kind)") }
        return items.enumerated().map { Field(node: $1, path: path.index($0), file: file) }
    }

    /// The value as a mapping whose keys must all be among `keys`.
    func section(_ keys: [String]) throws -> Section {
        try Section(self, keys: keys)
    }

    /// The value as a mapping with any keys, in file order.
    func entries() throws -> [(key: String, value: Field)] {
        guard case .mapping(let mapping) = node else { throw error("must be a mapping of keys to values, not \(kind)") }
        var seen = Set<String>()
        return try mapping.map { pair in
            guard let key = pair.key.scalar?.string else { throw error("keys must be text") }
            guard seen.insert(key).inserted else { throw error("'\(key)' is given twice") }
            return (key, Field(node: pair.value, path: path.key(key), file: file))
        }
    }
}

/// A mapping whose keys are checked against a table of known keys.
struct Section {
    let field: Field
    private let values: [String: Field]

    init(_ field: Field, keys: [String]) throws {
        self.field = field
        var values: [String: Field] = [:]
        for (key, value) in try field.entries() {
            guard keys.contains(key) else {
                throw value.error("unknown key, \(Suggestion.hint(for: key, in: keys))")
            }
            values[key] = value
        }
        self.values = values
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    func optional(_ key: String) -> Field? { values[key] }

    func required(_ key: String, _ what: String) throws -> Field {
        guard let value = values[key] else {
            throw ScenarioError(file: field.file, path: field.path.key(key).description, message: "missing: give \(what)")
        }
        return value
    }

    func error(_ message: String) -> ScenarioError { field.error(message) }
}
