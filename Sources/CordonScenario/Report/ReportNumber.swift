import CordonCore
import CordonSupply

/// The report's shapes of number, all from `NumberText`.
enum ReportNumber {
    /// "30 %" for 0.3.
    static func percent(_ share: Double, places: Int = 0) -> String {
        NumberText.grouped(share * 100, places: places) + " %"
    }

    /// SVG coordinates: one decimal is a tenth of a pixel, enough for any screen.
    static func svg(_ x: Double) -> String { NumberText.fixed(x, places: 1) }
}

/// Dates as people read them: "17 Jul 2016", "17 Jul".
enum ReportDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Whether dates between `first` and `last` need their year to be told apart: they do
    /// once the two fall in different calendar years.
    static func needsYears(_ first: Day, _ last: Day) -> Bool { first.components.0 != last.components.0 }

    static func long(_ d: Day) -> String {
        let (y, m, day) = d.components
        return "\(day) \(months[m - 1]) \(y)"
    }

    /// "17 Jul", or "17 Jul 2016" when `years` (a scenario over more than one calendar year).
    static func short(_ d: Day, years: Bool) -> String {
        if years { return long(d) }
        let (_, m, day) = d.components
        return "\(day) \(months[m - 1])"
    }
}
