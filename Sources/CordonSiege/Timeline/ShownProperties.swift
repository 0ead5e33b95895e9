import CordonCore

/// What a feature's properties say, without `id`, `from` and `until`, compared as their JSON
/// text compares as a Swift string (`JSONValue.jsonText`), without writing the text: strings as
/// Swift compares them (canonically equivalent ones alike), numbers by value (0 and -0 alike;
/// every number that is not finite as `null`), objects member by member in order. Hashed once:
/// a timeline's features are looked up several times each.
struct Shown: Hashable {
    let properties: JSONObject
    private let hash: Int

    init(_ properties: JSONObject) {
        self.properties = properties
        var h = Hasher()
        for (k, v) in properties where !Self.skipped(k) {
            Self.combine(k, into: &h)
            Self.combine(v, into: &h)
        }
        hash = h.finalize()
    }

    static func == (a: Shown, b: Shown) -> Bool {
        guard a.hash == b.hash else { return false }
        var i = a.properties.makeIterator(), j = b.properties.makeIterator()
        while true {
            var x = i.next()
            while let (k, _) = x, skipped(k) { x = i.next() }
            var y = j.next()
            while let (k, _) = y, skipped(k) { y = j.next() }
            guard let (ka, va) = x, let (kb, vb) = y else { return x == nil && y == nil }
            guard sameText(ka, kb), same(va, vb) else { return false }
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    private static func skipped(_ key: String) -> Bool { key == "id" || key == "from" || key == "until" }

    private static func sameText(_ a: String, _ b: String) -> Bool { a == b }

    /// The value as its text shows it: `null` for a number that is not finite.
    private static func shownNull(_ v: JSONValue) -> Bool {
        if case .null = v { return true }
        if case let .number(x) = v { return !x.isFinite }
        return false
    }

    private static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if shownNull(a) || shownNull(b) { return shownNull(a) && shownNull(b) }
        switch (a, b) {
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return sameText(x, y)
        case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameText($0.0, $1.0) && same($0.1, $1.1) }
        default: return false
        }
    }

    private static func combine(_ s: String, into h: inout Hasher) { h.combine(s) }

    private static func combine(_ v: JSONValue, into h: inout Hasher) {
        if shownNull(v) { h.combine(0 as UInt8); return }
        switch v {
        case .null: h.combine(0 as UInt8)
        case let .bool(b): h.combine(1 as UInt8); h.combine(b)
        case let .number(x): h.combine(2 as UInt8); h.combine((x + 0).bitPattern)  // -0 + 0 is 0
        case let .string(s): h.combine(3 as UInt8); combine(s, into: &h)
        case let .array(a): h.combine(4 as UInt8); h.combine(a.count); for e in a { combine(e, into: &h) }
        case let .object(o):
            h.combine(5 as UInt8); h.combine(o.count)
            for (k, e) in o { combine(k, into: &h); combine(e, into: &h) }
        }
    }
}
