/// Numbers as Cordon writes them, in every file and message: `.` as the decimal point whatever
/// the locale, so the same run gives the same bytes everywhere. This is the one formatter;
/// JSON numbers and coordinates go through `ByteOutput`, which it shares.
public enum NumberText {
    /// `x` rounded to `places` decimals (0–9), trailing zeros trimmed, never "-0": "1.25", "3".
    /// Values too large for fixed decimals (|x| ≥ about 9e18 / 10^places) are written in full
    /// ("1e+19"); infinities and NaN give the empty string.
    ///
    /// - Parameters:
    ///   - x: The number to write.
    ///   - places: Decimals to round to, 0 to 9.
    /// - Returns: The text, or "" when `x` is not finite.
    public static func fixed(_ x: Double, places: Int = 3) -> String {
        var out = ByteOutput()
        out.append(fixed: x, decimals: places)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// As `fixed`, with `,` between groups of three digits: "3,450,000", "0.333".
    ///
    /// - Parameters:
    ///   - x: The number to write, such as a population or a stock in kg.
    ///   - places: Decimals to round to, 0 to 9.
    /// - Returns: The text, or "" when `x` is not finite.
    public static func grouped(_ x: Double, places: Int = 0) -> String {
        let text = fixed(x, places: places)
        // An exponent form has no digits to group.
        guard !text.contains("e") else { return text }
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        guard let wholeDigits = parts.first else { return text }
        var whole = ""
        for (i, c) in wholeDigits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { whole.append(",") }
            whole.append(c)
        }
        return (negative ? "-" : "") + String(whole.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `x` rounded to `places` decimals as a number, for JSON properties that should not
    /// carry more digits than the model means: `rounded(1.23456, places: 2)` is 1.23.
    public static func rounded(_ x: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        return (x * scale).rounded() / scale
    }

    /// `s` as a JSON string literal, with quotes.
    public static func jsonString(_ s: String) -> String {
        var out = ByteOutput()
        out.append(jsonString: s)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
