import CordonCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fault found while scanning, at a byte offset; the GeoJSON reader adds the
/// file name, feature index and line/column.
struct ScanFault: Error {
    var kind: GeoJSONError.Kind
    var offset: Int
    var reason: String
}

/// A JSON tokenizer over raw bytes. It never recurses: containers are counted in
/// `depth`, which may not exceed `maxDepth`, so no input can exhaust the stack.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    var pos = 0
    var depth = 0
    let maxDepth: Int

    init(_ data: UnsafeRawBufferPointer, maxDepth: Int) {
        // An empty buffer may have no base address; any non-null pointer will do,
        // as every read checks `end` first.
        base = data.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? UnsafePointer(bitPattern: 1)!
        end = data.count
        self.maxDepth = maxDepth
        // A UTF-8 byte order mark is allowed (and ignored).
        if end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { pos = 3 }
    }

    // MARK: Bytes

    /// The byte at `pos`, or 0 past the end (0 is never valid JSON outside strings).
    @inline(__always) func peek() -> UInt8 { pos < end ? base[pos] : 0 }

    /// Skips whitespace and returns the next byte (0 at the end).
    @inline(__always) mutating func next() -> UInt8 {
        while pos < end {
            let c = base[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return c }
        }
        return 0
    }

    var atEnd: Bool { mutating get { next() == 0 && pos >= end } }

    func fault(_ reason: String, at offset: Int? = nil, kind: GeoJSONError.Kind = .syntax) -> ScanFault {
        ScanFault(kind: kind, offset: offset ?? pos, reason: reason)
    }

    /// Describes the byte at `pos` for an error message.
    func found() -> String {
        guard pos < end else { return "the end of the file" }
        let c = base[pos]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x" + String(c, radix: 16)
    }

    mutating func expect(_ c: UInt8, _ what: String) throws {
        guard next() == c else { throw fault("invalid JSON: expected \(what), found \(found())") }
        pos += 1
    }

    // MARK: Containers

    /// Opens `{` or `[` (the byte at `pos`), counting depth.
    mutating func open() throws {
        if depth >= maxDepth {
            throw fault("nesting deeper than \(maxDepth) levels", kind: .tooDeep)
        }
        depth += 1
        pos += 1
    }

    /// After `{`: the next member's key, or nil at `}` (which it consumes).
    /// `first` tells whether a comma is due before the key.
    mutating func nextKey(_ first: inout Bool) throws -> KeySpan? {
        var c = next()
        if c == UInt8(ascii: "}") { pos += 1; depth -= 1; return nil }
        if !first {
            guard c == UInt8(ascii: ",") else {
                throw fault("invalid JSON: expected ',' or '}' in an object, found \(found())")
            }
            pos += 1
            c = next()
        }
        first = false
        guard c == UInt8(ascii: "\"") else {
            throw fault("invalid JSON: expected a member name in quotes, found \(found())")
        }
        let key = try readKeySpan()
        try expect(UInt8(ascii: ":"), "':' after a member name")
        return key
    }

    /// After `[`: true when another element follows (positioned at it), false at `]` (consumed).
    mutating func nextElement(_ first: inout Bool) throws -> Bool {
        let c = next()
        if c == UInt8(ascii: "]") { pos += 1; depth -= 1; return false }
        if pos >= end { throw fault("invalid JSON: the file ends inside an array") }
        if !first {
            guard c == UInt8(ascii: ",") else {
                throw fault("invalid JSON: expected ',' or ']' in an array, found \(found())")
            }
            pos += 1
            if next() == 0 && pos >= end { throw fault("invalid JSON: the file ends inside an array") }
        }
        first = false
        return true
    }

    // MARK: Strings

    /// A member name as a byte range; decoded to a String only when needed.
    struct KeySpan {
        var start: Int
        var count: Int
        var escaped: Bool
    }

    mutating func readKeySpan() throws -> KeySpan {
        let start = pos + 1
        let (close, escaped) = try scanString()
        pos = close + 1
        return KeySpan(start: start, count: close - start, escaped: escaped)
    }

    func matches(_ k: KeySpan, _ name: StaticString) -> Bool {
        guard !k.escaped, k.count == name.utf8CodeUnitCount else { return false }
        return memcmp(base + k.start, name.utf8Start, k.count) == 0
    }

    /// Whether the key is exactly `name` (an escaped key never is: it is decoded instead).
    func matches(_ k: KeySpan, _ name: String) -> Bool {
        guard !k.escaped else { return false }
        var name = name
        return name.withUTF8 { u in
            u.count == k.count && (k.count == 0 || memcmp(base + k.start, u.baseAddress!, k.count) == 0)
        }
    }

    func string(_ k: KeySpan) -> String {
        k.escaped ? decodeEscaped(from: k.start, to: k.start + k.count)
                  : String(decoding: UnsafeBufferPointer(start: base + k.start, count: k.count), as: UTF8.self)
    }

    /// Reads a string value at `pos` (which holds the opening quote).
    mutating func readString() throws -> String {
        string(try readKeySpan())
    }

    /// From an opening quote at `pos`: the offset of the closing quote, and whether escapes occur.
    /// Checks escapes and rejects raw control characters; does not move `pos`.
    func scanString() throws -> (Int, Bool) {
        var p = pos + 1
        var escaped = false
        while p < end {
            let c = base[p]
            if c == UInt8(ascii: "\"") { return (p, escaped) }
            if c == UInt8(ascii: "\\") {
                escaped = true
                guard p + 1 < end else { break }
                switch base[p + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    p += 2
                case UInt8(ascii: "u"):
                    guard p + 5 < end, (2...5).allSatisfy({ hexValue(base[p + $0]) != nil }) else {
                        throw fault("invalid JSON: bad \\u escape in a string", at: p)
                    }
                    p += 6
                default:
                    throw fault("invalid JSON: bad escape in a string", at: p)
                }
                continue
            }
            if c < 0x20 { throw fault("invalid JSON: control character in a string", at: p) }
            p += 1
        }
        throw fault("invalid JSON: unterminated string", at: pos)
    }

    /// Decodes a string body already checked by `scanString`.
    func decodeEscaped(from start: Int, to stop: Int) -> String {
        var out = [UInt8]()
        out.reserveCapacity(stop - start)
        var p = start
        var pendingHigh: UInt32? = nil
        func put(_ scalar: UInt32, into out: inout [UInt8]) {
            let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out.append(contentsOf: String(Character(s)).utf8)
        }
        while p < stop {
            let c = base[p]
            guard c == UInt8(ascii: "\\") else {
                if let h = pendingHigh { put(h, into: &out); pendingHigh = nil }
                out.append(c); p += 1; continue
            }
            let e = base[p + 1]
            if e == UInt8(ascii: "u") {
                var v: UInt32 = 0
                for i in 2...5 { v = v << 4 | UInt32(hexValue(base[p + i])!) }
                p += 6
                if (0xDC00...0xDFFF).contains(v), let h = pendingHigh {
                    put(0x10000 + ((h - 0xD800) << 10) + (v - 0xDC00), into: &out)
                    pendingHigh = nil
                    continue
                }
                if let _ = pendingHigh { put(0xFFFD, into: &out); pendingHigh = nil }
                if (0xD800...0xDBFF).contains(v) { pendingHigh = v; continue }
                put((0xDC00...0xDFFF).contains(v) ? 0xFFFD : v, into: &out)
                continue
            }
            if pendingHigh != nil { put(0xFFFD, into: &out); pendingHigh = nil }
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            default: out.append(e)  // " \ /
            }
            p += 2
        }
        if pendingHigh != nil { put(0xFFFD, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Numbers

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

    /// True when the byte at `pos` can start a JSON number.
    var atNumber: Bool { let c = peek(); return c == UInt8(ascii: "-") || Self.isDigit(c) }

    /// Reads a JSON number at `pos`. Up to 19 significant digits and a small exponent
    /// take an exact fast path (Clinger's); anything else goes to `strtod`, which rounds correctly.
    mutating func readNumber() throws -> Double {
        let start = pos
        var p = pos
        var negative = false
        if p < end && base[p] == UInt8(ascii: "-") { negative = true; p += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exp10 = 0
        var inexact = false
        guard p < end, Self.isDigit(base[p]) else { throw fault("invalid JSON: expected a number, found \(found())") }
        if base[p] == UInt8(ascii: "0") {
            p += 1
        } else {
            while p < end, Self.isDigit(base[p]) {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(base[p] &- 48); digits += 1 }
                else { exp10 += 1; if base[p] != 48 { inexact = true } }
                p += 1
            }
        }
        if p < end && base[p] == UInt8(ascii: ".") {
            p += 1
            guard p < end, Self.isDigit(base[p]) else { throw fault("invalid JSON: a digit must follow '.'", at: p) }
            while p < end, Self.isDigit(base[p]) {
                let d = base[p] &- 48
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if mantissa != 0 { digits += 1 }
                    exp10 -= 1
                } else if d != 0 { inexact = true }
                p += 1
            }
        }
        if p < end && (base[p] | 0x20) == UInt8(ascii: "e") {
            p += 1
            var expNegative = false
            if p < end && (base[p] == UInt8(ascii: "+") || base[p] == UInt8(ascii: "-")) {
                expNegative = base[p] == UInt8(ascii: "-"); p += 1
            }
            guard p < end, Self.isDigit(base[p]) else { throw fault("invalid JSON: a digit must follow the exponent", at: p) }
            var e = 0
            while p < end, Self.isDigit(base[p]) {
                if e < 100_000 { e = e * 10 + Int(base[p] &- 48) }
                p += 1
            }
            exp10 += expNegative ? -e : e
        }
        pos = p
        if !inexact && mantissa <= 1 << 53 && exp10 >= -22 && exp10 <= 22 {
            var x = Double(mantissa)
            x = exp10 < 0 ? x / Self.exact10[-exp10] : x * Self.exact10[exp10]
            return negative ? -x : x
        }
        return slowNumber(start, p)
    }

    private static let exact10: [Double] = (0...22).map { e in
        var x = 1.0
        for _ in 0..<e { x *= 10 }
        return x
    }

    /// `strtod` on a checked number copied out with a terminating NUL.
    private func slowNumber(_ start: Int, _ stop: Int) -> Double {
        var text = [CChar](repeating: 0, count: stop - start + 1)
        for i in start..<stop { text[i - start] = CChar(bitPattern: base[i]) }
        return strtod(text, nil)
    }

    // MARK: Any value

    /// Reads any JSON value at `pos` with explicit stacks instead of recursion.
    /// Open arrays and objects live in separate stacks so they grow in place.
    mutating func readValue() throws -> JSONValue {
        var isArray: [Bool] = []
        var arrays: [[JSONValue]] = []
        var objects: [JSONObject] = []
        var keys: [String] = []
        var value: JSONValue
        parse: while true {
            switch next() {
            case UInt8(ascii: "{"):
                try open()
                var first = true
                if let k = try nextKey(&first) {
                    isArray.append(false); objects.append(JSONObject()); keys.append(string(k))
                    continue parse
                }
                value = .object(JSONObject())
            case UInt8(ascii: "["):
                try open()
                var first = true
                if try nextElement(&first) {
                    isArray.append(true); arrays.append([])
                    continue parse
                }
                value = .array([])
            case UInt8(ascii: "\""): value = .string(try readString())
            case UInt8(ascii: "t"): try literal("true"); value = .bool(true)
            case UInt8(ascii: "f"): try literal("false"); value = .bool(false)
            case UInt8(ascii: "n"): try literal("null"); value = .null
            default:
                guard atNumber else { throw fault("invalid JSON: expected a value, found \(found())") }
                value = .number(try readNumber())
            }
            // A value is complete: hand it to its container, closing containers as they end.
            while let inArray = isArray.last {
                var first = false
                if inArray {
                    arrays[arrays.count - 1].append(value)
                    if try nextElement(&first) { continue parse }
                    value = .array(arrays.removeLast())
                } else {
                    // A repeated key keeps its first place and takes the last value.
                    objects[objects.count - 1][keys.removeLast()] = value
                    if let k = try nextKey(&first) { keys.append(string(k)); continue parse }
                    value = .object(objects.removeLast())
                }
                isArray.removeLast()
            }
            return value
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard pos + n <= end, memcmp(base + pos, word.utf8Start, n) == 0 else {
            throw fault("invalid JSON: unexpected \(found())")
        }
        pos += n
    }

    /// 1-based line and column (in bytes) of each offset; counted only when errors are
    /// reported, in one pass however many there are.
    func locations(of offsets: [Int]) -> [(line: Int, column: Int)] {
        var out = [(line: Int, column: Int)](repeating: (1, 1), count: offsets.count)
        var line = 1, lineStart = 0, p = 0
        for i in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            let stop = min(offsets[i], end)
            while p < stop {
                if base[p] == 0x0A { line += 1; lineStart = p + 1 }
                p += 1
            }
            out[i] = (line, stop - lineStart + 1)
        }
        return out
    }
}

@inline(__always) func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case 48...57: return c - 48
    case 65...70: return c - 55
    case 97...102: return c - 87
    default: return nil
    }
}
