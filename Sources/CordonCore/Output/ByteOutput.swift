/// A growing byte buffer for writers. With a sink it hands its bytes on in
/// large chunks (`flushIfLarge`), so writing a big file does not hold it all in memory.
public struct ByteOutput {
    /// The bytes written so far and not yet handed to a sink: for an in-memory buffer, everything.
    public internal(set) var bytes: [UInt8] = []
    let sink: ((UnsafeRawBufferPointer) throws -> Void)?
    package static let chunk = 1 << 20

    /// An in-memory buffer: everything stays in `bytes`.
    public init() { sink = nil; bytes.reserveCapacity(4096) }

    package init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
        bytes.reserveCapacity(Self.chunk + Self.chunk / 4)
    }

    /// Appends one byte.
    @inline(__always) public mutating func append(_ b: UInt8) { bytes.append(b) }

    /// Appends the UTF-8 bytes of a literal.
    @inline(__always) public mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes as they are.
    public mutating func append(contentsOf b: some Sequence<UInt8>) { bytes.append(contentsOf: b) }

    /// Appends an array's bytes as they are (one copy, without going through a generic sequence).
    public mutating func append(contentsOf b: [UInt8]) { bytes.append(contentsOf: b) }

    /// Passes the buffered bytes to the sink once there is a chunk's worth; a no-op in memory.
    ///
    /// - Throws: Whatever the sink throws, a ``FileWriteError`` for the files Cordon writes.
    public mutating func flushIfLarge() throws {
        if sink != nil && bytes.count >= Self.chunk { try flush() }
    }

    package mutating func flush() throws {
        guard let sink, !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { try sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }
}

// MARK: Numbers and strings

private let digitPairs: [UInt8] = {
    var t = [UInt8]()
    t.reserveCapacity(200)
    for i in 0..<100 { t.append(UInt8(48 + i / 10)); t.append(UInt8(48 + i % 10)) }
    return t
}()

extension ByteOutput {
    /// A non-negative integer in decimal.
    public mutating func append(unsigned v: UInt64) {
        if v < 10 { bytes.append(UInt8(48 + v)); return }
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &tmp) { raw in
            var i = 24
            var n = v
            while n >= 100 {
                let r = Int(n % 100) * 2
                n /= 100
                i -= 2
                raw[i] = digitPairs[r]; raw[i + 1] = digitPairs[r + 1]
            }
            if n >= 10 {
                i -= 2
                raw[i] = digitPairs[Int(n) * 2]; raw[i + 1] = digitPairs[Int(n) * 2 + 1]
            } else {
                i -= 1
                raw[i] = UInt8(48 + n)
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[i..<24]))
        }
    }

    /// A JSON number: integral values below 2^53 without a fraction, others in the
    /// shortest form that reads back to the same double; NaN and infinities as `null`.
    public mutating func append(number x: Double) {
        guard x.isFinite else { append("null"); return }
        if x == x.rounded(.towardZero) && abs(x) < 9_007_199_254_740_992 {
            if x < 0 { bytes.append(UInt8(ascii: "-")) }
            append(unsigned: UInt64(abs(x)))  // -0.0 becomes "0"
            return
        }
        // Swift prints the shortest form that reads back the same; it adds ".0" to
        // integral values up to 2^53 exactly, which JSON does not need.
        let text = x.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    /// `x` rounded to `decimals` places (0...9, clamped), trailing zeros trimmed, never "-0".
    /// Returns false (writing nothing) when `x` is not finite.
    ///
    /// - Parameters:
    ///   - x: The number, such as a coordinate in degrees or an area in km².
    ///   - decimals: Places after the decimal point, 0 to 9.
    /// - Returns: Whether anything was written.
    @discardableResult
    public mutating func append(fixed x: Double, decimals: Int) -> Bool {
        guard x.isFinite else { return false }
        let form = FixedPoint(decimals: decimals)
        var written = 0
        append(room: FixedPoint.room) { written = form.write(x, at: $0) ?? 0; return written }
        // Beyond ~9e18 the integer form overflows; such values are not coordinates, print them in full.
        if written == 0 { append(number: x) }
        return true
    }

    /// Lets `body` write up to `room` bytes at the end, in place; it returns how many it wrote.
    /// (One capacity check for many bytes, where `append` checks for each.)
    public mutating func append(room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: room))
        let used = bytes.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
        bytes.removeLast(room - min(max(used, 0), room))
    }

    /// A JSON string with quotes; escapes `"`, `\` and control characters.
    public mutating func append(jsonString s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            var start = 0
            for i in 0..<u.count {
                let c = u[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
                start = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch c {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: "u00".utf8)
                    hex.withUTF8Buffer { h in
                        bytes.append(h[Int(c >> 4)]); bytes.append(h[Int(c & 15)])
                    }
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<u.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// Numbers at a fixed number of decimals, written straight into memory: the one rule for
/// coordinates and rounded measures (``ByteOutput/append(fixed:decimals:)``).
public struct FixedPoint: Sendable {
    static let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]
    /// Bytes one number can take: a sign, 19 digits, a point and 9 decimals, rounded up.
    public static let room = 32
    private let decimals: Int, scale: Double, unit: UInt64

    /// Numbers at `decimals` places (clamped to 0...9).
    public init(decimals: Int) {
        self.decimals = min(max(decimals, 0), Self.powers.count - 1)
        scale = Self.powers[self.decimals]
        unit = UInt64(scale)
    }

    /// Writes `x` rounded, trailing zeros trimmed, never "-0", at `p` (``room`` bytes free);
    /// the bytes written, or nil (nothing written) when `x` is not finite or too large for
    /// the fixed form (|x| × 10^decimals ≥ 9e18).
    @inline(__always)
    public func write(_ x: Double, at p: UnsafeMutablePointer<UInt8>) -> Int? {
        let scaled = (x * scale).rounded()
        guard scaled.isFinite, abs(scaled) < 9.0e18 else { return nil }
        let n = Int64(scaled)
        if n == 0 { p[0] = 48; return 1 }
        var k = 0
        if n < 0 { p[0] = 45; k = 1 }
        let m = n.magnitude
        k += Self.digits(m / unit, at: p + k)
        var frac = m % unit
        guard frac != 0 else { return k }
        var width = decimals
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        p[k] = 46
        var i = k + width
        while i > k { p[i] = UInt8(truncatingIfNeeded: 48 + frac % 10); frac /= 10; i -= 1 }
        return k + 1 + width
    }

    /// Writes `v` in decimal at `p`; the number of digits.
    @inline(__always)
    private static func digits(_ v: UInt64, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 1, t = v
        while t >= 10 { t /= 10; count += 1 }
        var i = count, r = v
        repeat { i -= 1; p[i] = UInt8(truncatingIfNeeded: 48 + r % 10); r /= 10 } while i > 0
        return count
    }
}
