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
    /// day of the siege when the pocket falls, every change of the siege or the supply
    /// (``changes``), and the scenario's last day.
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
        dates += changes
        dates.append((end, "last day"))
        return Self.merge(dates)
    }

    /// The dates the charts mark: encirclements and reopenings, and every change of the siege or
    /// the supply (``changes``).
    var chartEvents: [KeyDate] {
        var events: [(Day, String)] = []
        for (i, span) in encircled.enumerated() {
            events.append((span.from, "encircled"))
            if let until = span.until, until <= end, i < encircled.count - 1 { events.append((until, "reopened")) }
        }
        return Self.merge(events + changes)
    }

    /// Every day after the first on which the siege or the supply changes, with what changed:
    /// a route's status (a road cut, under fire or open again), corridors declared open or
    /// closed (named), and an inflow starting, stopping or resuming, whatever gates it (its
    /// dates, a route, a corridor, a suspension, an airport) since its periods come from the
    /// run. Single deliveries are left out: they change nothing that lasts.
    var changes: [(Day, String)] {
        var out: [(Day, String)] = []
        var opened: [Day: [String]] = [:], closed: [Day: [String]] = [:]
        for (name, spans) in routes.sorted(by: { $0.key < $1.key }) {
            for (previous, span) in zip(spans, spans.dropFirst()) where span.from > start && span.from <= end {
                if let open = span.declaredOpen {
                    // A corridor crosses the front by design: what changes is whether it is declared open.
                    if open != (previous.declaredOpen ?? false) {
                        open ? opened[span.from, default: []].append(name) : closed[span.from, default: []].append(name)
                    }
                } else if previous.status != span.status {
                    let what = span.status == "cut" ? "cut" : span.status == "open" ? "open again" : "under fire"
                    out.append((span.from, "\(name) \(what)"))
                }
            }
        }
        for (day, names) in opened.sorted(by: { $0.key < $1.key }) { out.append((day, "declared open: " + Self.list(names))) }
        for (day, names) in closed.sorted(by: { $0.key < $1.key }) { out.append((day, "closed: " + Self.list(names))) }
        var flows: [Day: [String: [String]]] = [:]
        for inflow in inflows where !inflow.once {
            for (i, span) in inflow.flowing.enumerated() {
                if span.from > start && span.from <= end {
                    flows[span.from, default: [:]][i == 0 ? "starts" : "resumes", default: []].append(inflow.name)
                }
                if let until = span.until, until <= end { flows[until, default: [:]]["stops", default: []].append(inflow.name) }
            }
        }
        // Worded before the names, which may be singular or plural ("WFP airdrops").
        let words = ["stops": "stopped", "starts": "now flowing", "resumes": "flowing again"]
        for (day, verbs) in flows.sorted(by: { $0.key < $1.key }) {
            for verb in ["stops", "starts", "resumes"] {
                guard let names = verbs[verb], let word = words[verb] else { continue }
                out.append((day, word + ": " + Self.sharedRoute(names)))
            }
        }
        return out
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }

    /// Inflow names listed, with a shared " by ROUTE" said once: "food and fuel by Castello Road".
    static func sharedRoute(_ names: [String]) -> String {
        let parts = names.map { $0.components(separatedBy: " by ") }
        if names.count > 1, parts.allSatisfy({ $0.count == 2 }), Set(parts.map { $0[1] }).count == 1 {
            return list(parts.map { $0[0] }) + " by " + parts[0][1]
        }
        return list(names)
    }

    /// One entry per day, labels in the order they were found, days in order.
    static func merge(_ dates: [(Day, String)]) -> [KeyDate] {
        var merged: [KeyDate] = []
        // Sorted by day, then by the order found (Swift's sort is not stable): the same bytes every run.
        let ordered = dates.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
        for (day, label) in ordered {
            if merged.last?.day == day {
                if !merged[merged.count - 1].labels.contains(label) { merged[merged.count - 1].labels.append(label) }
            } else {
                merged.append(KeyDate(day: day, labels: [label]))
            }
        }
        return merged
    }
}
