import CordonCore
import CordonSupply

/// A date worth a map or a mark on a chart, with what happened on it.
struct KeyDate {
    var day: Day
    var labels: [String]
    var text: String { labels.joined(separator: " · ") }
}

extension ReportSummary {
    /// The dates the maps show: before the siege, each encirclement, each reopening, the last
    /// day of the siege when the pocket falls, and the scenario's last day.
    var mapDates: [KeyDate] {
        var dates: [(Day, String)] = []
        if let first = encircled.first, start < first.from { dates.append((start, "before the siege")) }
        for (i, span) in encircled.enumerated() {
            dates.append((span.from, i == 0 ? "encircled" : "encircled again"))
            guard let until = span.until, until <= end else { continue }
            if i == encircled.count - 1 {
                dates.append((until - 1, "last day of the siege"))
                dates.append((until, "siege over"))
            } else {
                dates.append((until, "reopened"))
            }
        }
        dates.append((end, "last day"))
        return Self.merge(dates)
    }

    /// The dates the charts mark: encirclements and reopenings, each supply route coming under
    /// fire or being cut, corridors declared open.
    var chartEvents: [KeyDate] {
        var events: [(Day, String)] = []
        for (i, span) in encircled.enumerated() {
            events.append((span.from, "encircled"))
            if let until = span.until, until <= end, i < encircled.count - 1 { events.append((until, "reopened")) }
        }
        var corridors: [Day: Int] = [:]
        for (name, spans) in routes.sorted(by: { $0.key < $1.key }) {
            for (previous, span) in zip([nil] + spans.map(Optional.some), spans) {
                if span.declaredOpen != nil {
                    if span.declaredOpen == true && previous?.declaredOpen != true { corridors[span.from, default: 0] += 1 }
                } else if let previous, previous.status != span.status, span.status != "open" {
                    events.append((span.from, "\(name) \(span.status == "cut" ? "cut" : "under fire")"))
                }
            }
        }
        for (day, count) in corridors {
            events.append((day, count == 1 ? "a corridor declared open" : "\(count) corridors declared open"))
        }
        return Self.merge(events)
    }

    /// One entry per day, labels in the order they were found, days in order.
    static func merge(_ dates: [(Day, String)]) -> [KeyDate] {
        var merged: [KeyDate] = []
        for (day, label) in dates.sorted(by: { $0.0 < $1.0 }) {
            if merged.last?.day == day {
                if !merged[merged.count - 1].labels.contains(label) { merged[merged.count - 1].labels.append(label) }
            } else {
                merged.append(KeyDate(day: day, labels: [label]))
            }
        }
        return merged
    }
}
