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

/// The time axis: ticks on the first of the month every 1, 2, 3 or 6 months, else on
/// Januaries every 1, 2, 5, 10, … years, whichever is the first whose labels all fit side by
/// side without touching. Month labels carry the year on the first tick and on every January;
/// year ticks are the year alone. A label that would run past the chart's edge is moved in.
struct TimeAxis {
    let first: Day, last: Day
    /// Where the first and the last day fall, and the chart's whole width, in pixels.
    let left: Double, right: Double, chartWidth: Double

    struct Tick {
        var day: Day
        var label: String
        /// Where the tick is, and the middle of its label (the same unless moved in from an edge).
        var x: Double, labelX: Double
        /// The label's estimated width.
        var width: Double
    }

    /// Tick labels are 11 px text; 6.6 px a character is wider than the average character of
    /// the fonts the report names, so real labels are no wider than estimated.
    static let characterWidth = 6.6
    /// The least space between two labels.
    static let gap = 8.0

    /// Months between ticks, tried in turn.
    private static let steps = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000]

    var ticks: [Tick] {
        var out: [Tick] = []
        for step in Self.steps {
            out = ticks(every: step)
            if Self.fit(out) { break }
        }
        return out
    }

    /// Whether each label ends at least `gap` before the next begins.
    static func fit(_ ticks: [Tick]) -> Bool {
        zip(ticks, ticks.dropFirst()).allSatisfy { a, b in a.labelX + a.width / 2 + gap <= b.labelX - b.width / 2 }
    }

    private func ticks(every step: Int) -> [Tick] {
        let (y0, m0, _) = first.components
        let span = Double(max(1, last - first))
        var out: [Tick] = []
        // Months counted from year 0, so ticks fall on whole multiples of the step.
        var index = y0 * 12 + m0 - 1
        if step > 1 { index = (index + step - 1) / step * step }
        var showYear = true
        while let day = Day(year: index / 12, month: index % 12 + 1, day: 1), day <= last {
            let (y, m) = (index / 12, index % 12 + 1)
            if day >= first {
                let label = step >= 12 ? "\(y)" : ReportDate.months[m - 1] + (showYear || m == 1 ? " \(y)" : "")
                let x = left + Double(day - first) / span * (right - left)
                let width = Double(label.count) * Self.characterWidth
                let labelX = min(max(x, width / 2), chartWidth - width / 2)
                out.append(Tick(day: day, label: label, x: x, labelX: labelX, width: width))
                showYear = false
            }
            index += step
        }
        return out
    }
}
