/// Reads the records of a CSV file one at a time, straight from its bytes: each field is kept as
/// a range of the bytes, so a record costs no Swift strings unless a field is asked for as one
/// (docs/design.md#evidence). The rules are ``CSVTable``'s: RFC 4180 quotes (commas, doubled
/// quotes and line breaks inside), LF or CRLF line ends, blank lines skipped, text after a
/// closing quote kept.
///
/// A scanner reads the records that start in `start..<end`; ``CSVChunks`` cuts a file into
/// such pieces at record boundaries so they can be read on several threads.
public struct CSVScanner {
    /// The file's bytes; valid for as long as the scanner is used.
    let buf: UnsafeBufferPointer<UInt8>
    /// The file, for messages.
    public let file: String
    /// Where the next record starts.
    public private(set) var position: Int
    /// Records starting at or after this are left to the next piece.
    let end: Int
    /// The line at ``position`` (the first line is 1).
    public private(set) var line: Int
    /// The line the current record starts on.
    public private(set) var recordLine = 0
    /// How many fields the current record has (at most the header's width once it is set).
    public private(set) var fieldCount = 0
    /// The header's width: a longer record is an error; nil while the header itself is read.
    public var width: Int?
    // Field k spans bytes starts[k]..<ends[k]; closes[k] is its closing quote, or -1 unquoted.
    private var starts: [Int] = [], ends: [Int] = [], closes: [Int] = []

    /// A scanner over the records starting in `start..<end` of `buf`, `start` being the first
    /// byte of a record on line `line`.
    public init(_ buf: UnsafeBufferPointer<UInt8>, file: String, start: Int = 0, end: Int? = nil, line: Int = 1) {
        self.buf = buf
        self.file = file
        var s = start
        if s == 0, buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { s = 3 }
        position = s
        self.end = end ?? buf.count
        self.line = line
    }

    /// Moves to the next record that is not blank; false when no record starts before the piece's end.
    /// - Throws: ``CSVError`` for a quote never closed, or more fields than ``width``.
    public mutating func next() throws -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = buf.count
        while position < end {
            var i = position
            recordLine = line
            var count = 0
            var blank = true
            record: while true {
                let s = i
                var close = -1
                if i < n, buf[i] == quote {
                    blank = false
                    i += 1
                    while true {
                        guard i < n else { throw CSVError(file: file, line: recordLine, column: nil, "a quoted field is never closed") }
                        let b = buf[i]
                        if b == quote {
                            if i + 1 < n, buf[i + 1] == quote { i += 2; continue }
                            close = i
                            i += 1
                            break
                        }
                        if b == lf { line += 1 }
                        i += 1
                    }
                }
                // An unquoted field, or what follows a closing quote, runs to a comma or a line end.
                while i < n {
                    let b = buf[i]
                    if b == comma || b == lf || b == cr { break }
                    i += 1
                }
                if i > s { blank = false }
                if count == starts.count {
                    starts.append(s); ends.append(i); closes.append(close)
                } else {
                    starts[count] = s; ends[count] = i; closes[count] = close
                }
                count += 1
                if i >= n { break record }
                let b = buf[i]
                i += 1
                if b == comma {
                    blank = false
                    continue
                }
                if b == cr, i < n, buf[i] == lf { i += 1 }
                line += 1
                break record
            }
            position = i
            if blank { continue }
            fieldCount = count
            if let width, count > width {
                throw CSVError(file: file, line: recordLine, column: nil,
                               "\(count) fields, the header has \(width) (a comma outside quotes?)")
            }
            return true
        }
        return false
    }

    /// Whether field `k` of the current record is quoted (its bytes need unescaping).
    public func isQuoted(_ k: Int) -> Bool { k < fieldCount && closes[k] >= 0 }

    /// The raw bytes of unquoted field `k` (empty past the record's end), trimmed of spaces,
    /// tabs and line ends; valid while the file's bytes are. Only for a field not ``isQuoted(_:)``.
    public func trimmedBytes(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        guard k < fieldCount else { return UnsafeBufferPointer(rebasing: buf[0..<0]) }
        var a = starts[k], b = ends[k]
        while a < b, Self.isSpace(buf[a]) { a += 1 }
        while b > a, Self.isSpace(buf[b - 1]) { b -= 1 }
        return UnsafeBufferPointer(rebasing: buf[a..<b])
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }

    /// Field `k` as text: quotes taken off and doubled quotes made single; "" past the record's end.
    public func string(_ k: Int) -> String {
        guard k < fieldCount else { return "" }
        let close = closes[k]
        guard close >= 0 else { return String(decoding: UnsafeBufferPointer(rebasing: buf[starts[k]..<ends[k]]), as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ends[k] - starts[k])
        var i = starts[k] + 1
        while i < close {
            bytes.append(buf[i])
            i += buf[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[(close + 1)..<ends[k]]))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every field of the current record as text.
    public var strings: [String] { (0..<fieldCount).map(string) }

    /// Field `k` trimmed, as a finite number, or nil. Plain decimals (`-12.375`) are read from
    /// the bytes; any other form goes through `Double(String)`, so the result is the same.
    public func number(_ k: Int) -> Double? {
        if !isQuoted(k), let v = CSVNumber.decimal(trimmedBytes(k)) { return v }
        guard let v = Double(string(k).trimmingSpaces), v.isFinite else { return nil }
        return v
    }

    /// Whether field `k` is empty once trimmed.
    public func isEmpty(_ k: Int) -> Bool {
        isQuoted(k) ? string(k).trimmingSpaces.isEmpty : trimmedBytes(k).isEmpty
    }
}

/// Plain decimal numbers read from bytes.
public enum CSVNumber {
    /// Exact powers of ten a Double holds.
    static let powers: [Double] = (0...22).reduce(into: [Double]()) { p, k in p.append(k == 0 ? 1 : p[k - 1] * 10) }

    /// `[+-]digits[.digits]` with at most 15 significant digits, as the nearest Double (the
    /// digits as an integer below 2^53 divided by an exact power of ten is correctly rounded,
    /// as `strtod` rounds); nil for any other form, to be read the slow way.
    public static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = b.count
        var negative = false
        if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { negative = b[i] == UInt8(ascii: "-"); i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, intDigits = 0, fraction = 0
        while i < n, b[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48)
            digits += 1; intDigits += 1; i += 1
        }
        guard intDigits > 0 else { return nil }
        if i < n, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, b[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48)
                digits += 1; fraction += 1; i += 1
            }
            guard fraction > 0 else { return nil }
        }
        guard i == n, digits <= 15, fraction <= 22 else { return nil }
        let v = Double(mantissa) / powers[fraction]
        return negative ? -v : v
    }
}
