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
        // Held between 1e-9 and 1e300, so the step is never 0 (a trap in `stride`) and the top
        // never overflows to infinity (a stride that never ends).
        let m = maximum > 0 && maximum.isFinite ? min(max(maximum, 1e-9), 1e300) : 1
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
/// label and on every January. Over more than three years the ticks thin out to every 2, 3 or
/// 6 months, then to Januaries every 1, 2, 5, 10, … years, so there are never more than 36.
struct TimeAxis {
    let first: Day, last: Day

    struct Tick {
        var day: Day
        var label: String
    }

    /// Months between ticks, the first that keeps to 36 ticks.
    private static let steps = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000]

    var ticks: [Tick] {
        let (y0, m0, _) = first.components, (y1, m1, _) = last.components
        let months = (y1 * 12 + m1) - (y0 * 12 + m0) + 1
        let step = Self.steps.first { months <= 36 * $0 } ?? Self.steps[Self.steps.count - 1]
        var out: [Tick] = []
        // Months counted from year 0, so ticks fall on whole multiples of the step.
        var index = y0 * 12 + m0 - 1
        if step > 1 { index = (index + step - 1) / step * step }
        var showYear = true
        while let day = Day(year: index / 12, month: index % 12 + 1, day: 1), day <= last {
            let (y, m) = (index / 12, index % 12 + 1)
            if day >= first {
                let label = step >= 12 ? "\(y)" : ReportDate.months[m - 1] + (showYear || m == 1 ? " \(y)" : "")
                out.append(Tick(day: day, label: label))
                showYear = false
            }
            index += step
        }
        return out
    }
}
