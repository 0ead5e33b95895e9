/// A JSON value as GeoJSON properties carry it. Numbers are doubles (integers
/// beyond 2^53 lose precision, as in JavaScript); objects keep their key order.
public enum JSONValue: Sendable, Equatable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number, held as a double.
    case number(Double)
    /// A string.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object, its members in input order.
    case object(JSONObject)

    /// The string, or nil when the value is not a string.
    public var stringValue: String? { if case let .string(s) = self { return s } else { return nil } }
    /// The number, or nil when the value is not a number (a numeric string is not a number).
    public var numberValue: Double? { if case let .number(n) = self { return n } else { return nil } }
    /// The Boolean, or nil when the value is not `true` or `false`.
    public var boolValue: Bool? { if case let .bool(b) = self { return b } else { return nil } }
    /// The elements, or nil when the value is not an array.
    public var arrayValue: [JSONValue]? { if case let .array(a) = self { return a } else { return nil } }
    /// The object, or nil when the value is not an object.
    public var objectValue: JSONObject? { if case let .object(o) = self { return o } else { return nil } }
    /// Whether the value is JSON `null`.
    public var isNull: Bool { self == .null }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    /// `nil` written as a JSON value is `null`.
    public init(nilLiteral: ()) { self = .null }
    /// A Boolean literal.
    public init(booleanLiteral v: Bool) { self = .bool(v) }
    /// An integer literal, held as a double.
    public init(integerLiteral v: Int) { self = .number(Double(v)) }
    /// A floating-point literal.
    public init(floatLiteral v: Double) { self = .number(v) }
    /// A string literal.
    public init(stringLiteral v: String) { self = .string(v) }
    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object literal; members keep the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o = JSONObject()
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}

/// A JSON object that keeps its members in input order and finds them by key.
/// Setting an existing key replaces its value in place; `==` compares in order.
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The member names, in order.
    public private(set) var keys: [String] = []
    /// The member values, in the same order as ``keys``.
    public private(set) var values: [JSONValue] = []
    /// Built once the object grows past a few members, so lookups stay O(1)
    /// and a huge object does not make parsing quadratic.
    private var index: [String: Int]? = nil
    private static let indexThreshold = 12

    /// An empty object.
    public init() {}

    /// An object literal; members keep the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// Members in the given order; a repeated key keeps its first place and its last value.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        for (k, v) in members { self[k] = v }
    }

    /// The number of members.
    public var count: Int { keys.count }
    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The place of `key` among the members (from 0), or nil when there is no such member.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    /// The value of `key`, or nil when absent. Setting a new key appends it, setting an existing
    /// key replaces its value where it stands, and setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let i = position(of: key) {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    /// Adds a member at the end without looking for an existing one (the caller knows it is new).
    package mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
        if index != nil {
            index![key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            var d = [String: Int](minimumCapacity: keys.count * 2)
            for (i, k) in keys.enumerated() { d[k] = i }
            index = d
        }
    }

    /// Members with another object's `keys` (so distinct, and shared with it) and these values,
    /// in order: the object a reader gets when a feature's properties repeat the previous
    /// feature's keys.
    package init(keysOf other: JSONObject, values: [JSONValue]) {
        precondition(other.keys.count == values.count, "one value per key")
        keys = other.keys
        self.values = values
        index = other.index
    }

    /// Takes `other`'s key array when the keys are the same, so both share one copy.
    package mutating func shareKeys(with other: JSONObject) {
        if index == nil && keys == other.keys { keys = other.keys }
    }

    private mutating func remove(at i: Int) {
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil {
            var d = [String: Int](minimumCapacity: keys.count * 2)
            for (i, k) in keys.enumerated() { d[k] = i }
            index = d
        }
    }

    /// The members as (key, value) pairs, in order.
    public func makeIterator() -> Zip2Sequence<[String], [JSONValue]>.Iterator {
        zip(keys, values).makeIterator()
    }

    /// Whether both objects have the same members in the same order.
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.keys == b.keys && a.values == b.values
    }
}
