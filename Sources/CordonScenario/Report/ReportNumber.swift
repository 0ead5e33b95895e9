import CordonSupply

/// Numbers as the report prints them: fixed decimals and `,` between thousands whatever the
/// locale, so the same folder always gives the same bytes.
enum ReportNumber {
    /// "3,450,000", "0.333": at most `places` decimals, trailing zeros trimmed.
    static func grouped(_ x: Double, places: Int = 0) -> String {
        let text = NumberText.fixed(x, places: places)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        var whole = ""
        for (i, c) in parts[0].reversed().enumerated() {
            if i > 0 && i % 3 == 0 { whole.append(",") }
            whole.append(c)
        }
        return (negative ? "-" : "") + String(whole.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// "30 %" for 0.3.
    static func percent(_ share: Double, places: Int = 0) -> String {
        grouped(share * 100, places: places) + " %"
    }

    /// SVG coordinates: one decimal is a tenth of a pixel, enough for any screen.
    static func svg(_ x: Double) -> String { NumberText.fixed(x, places: 1) }
}

/// Dates as people read them: "17 Jul 2016", "17 Jul".
enum ReportDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func long(_ d: Day) -> String {
        let (y, m, day) = d.components
        return "\(day) \(months[m - 1]) \(y)"
    }

    static func short(_ d: Day) -> String {
        let (_, m, day) = d.components
        return "\(day) \(months[m - 1])"
    }
}
