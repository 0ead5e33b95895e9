/// Numbers as output files write them: fixed decimals, trailing zeros trimmed, `.` as the
/// decimal point whatever the locale, so the same run gives the same bytes everywhere.
public enum NumberText {
    /// `x` rounded to `places` decimals (at most 9); empty for infinities and NaN.
    public static func fixed(_ x: Double, places: Int = 3) -> String {
        guard x.isFinite else { return "" }
        var scale: Int64 = 1
        for _ in 0..<min(max(places, 0), 9) { scale *= 10 }
        let scaled = (x * Double(scale)).rounded()
        // Beyond 2^53 the value has no fractional digits to show anyway.
        guard abs(scaled) < 9.0e15 else { return String(Int64(x.rounded())) }
        let units = Int64(scaled)
        let whole = abs(units) / scale, fraction = abs(units) % scale
        var text = (units < 0 ? "-" : "") + String(whole)
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: String(scale).count - 1 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }
}
