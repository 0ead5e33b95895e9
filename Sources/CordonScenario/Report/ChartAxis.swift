import CordonCore
import CordonSupply
import Foundation

/// A value axis from 0 to a round top, with ticks at 1, 2 or 5 × 10ⁿ and large numbers shown
/// in thousands or millions so the labels stay short.
struct ValueAxis {
    let top: Double
    let step: Double
    /// What the tick labels are divided by, and its name for the axis title ("million").
    let divisor: Double
    let magnitude: String

    init(maximum: Double, ticks: Int = 5) {
        let m = maximum > 0 && maximum.isFinite ? maximum : 1
        let rough = m / Double(ticks)
        let power = pow(10, floor(log10(rough)))
        step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        top = (m / step).rounded(.up) * step
        if top >= 2_000_000 { divisor = 1_000_000; magnitude = "million " }
        else if top >= 20_000 { divisor = 1000; magnitude = "thousand " }
        else { divisor = 1; magnitude = "" }
    }

    var ticks: [Double] { stride(from: 0, through: top + step / 2, by: step).map { $0 } }

    func label(_ v: Double) -> String {
        let shown = v / divisor
        let places = shown == shown.rounded() ? 0 : (shown * 10 == (shown * 10).rounded() ? 1 : 2)
        return NumberText.grouped(shown, places: places)
    }
}

/// The time axis: a tick on the first of every month, named, with the year on the first
/// label and on every January.
struct TimeAxis {
    let first: Day, last: Day

    struct Tick {
        var day: Day
        var label: String
    }

    var ticks: [Tick] {
        var out: [Tick] = []
        var (y, m, _) = first.components
        var showYear = true
        while let day = Day(year: y, month: m, day: 1), day <= last {
            if day >= first {
                out.append(Tick(day: day, label: ReportDate.months[m - 1] + (showYear || m == 1 ? " \(y)" : "")))
                showYear = false
            }
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return out
    }
}
