import CordonCore

/// A route status from evidence (docs/design.md#evidence): a route counts as under fire on a
/// day with at least N events within range over the D days ending that day. It joins the
/// geometric status as the worse of the two (cut over under fire over open); an `unknown`
/// route stays unknown, as the map says nothing of it.
public struct EvidenceStatus: Sendable {
    /// Each route's events in range, day by day.
    public let near: RouteEventDays
    /// N: events needed.
    public let events: Int
    /// D: days looked back, the day itself included.
    public let days: Int

    /// The rule N/D over the events near each route.
    public init(near: RouteEventDays, events: Int, days: Int) {
        self.near = near
        self.events = events
        self.days = days
    }

    /// The states with evidence joined: each period split where the evidence status changes
    /// within the evidence window, ``RouteState/evidence`` set, and ``RouteState/condition``
    /// the worse of the two. A single-date state (no period) is judged on `date`, or, without
    /// one, under fire when any day of the window is.
    public func apply(to states: [RouteState], date: Day? = nil) -> [RouteState] {
        var hot: [Int: Set<Day>] = [:]
        func fire(_ r: Int) -> Set<Day> {
            if let h = hot[r] { return h }
            let h = Set(near.underFireDays(route: r, events: events, days: days))
            hot[r] = h
            return h
        }
        let window = near.events.window
        var out: [RouteState] = []
        for s in states {
            let days = fire(s.route.feature)
            guard let period = s.period else {
                out.append(joined(s, date.map(days.contains) ?? !days.isEmpty))
                continue
            }
            // Split where the evidence flips inside the window; outside it no evidence is seen.
            let a = max(period.from ?? window.from!, window.from!), b = min(period.until ?? window.until!, window.until!)
            var starts: [(Day?, Bool)] = []
            if a >= b || period.from.map({ $0 < a }) ?? true { starts.append((period.from, false)) }
            var d = a
            while d < b {
                let f = days.contains(d)
                if starts.last?.1 != f { starts.append((starts.isEmpty ? period.from : d, f)) }
                d = d + 1
            }
            if a < b, period.until.map({ $0 > b }) ?? true, starts.last?.1 == true { starts.append((b, false)) }
            let merged = starts.enumerated().map { k, st in
                (Period(from: st.0, until: k + 1 < starts.count ? starts[k + 1].0 : period.until), st.1)
            }
            for (p, f) in merged {
                var piece = joined(s, f)
                piece.period = p
                out.append(piece)
            }
        }
        return out
    }

    private func joined(_ s: RouteState, _ underFire: Bool) -> RouteState {
        var out = s
        out.evidence = (s.condition, underFire)
        if underFire, s.condition == .open { out.condition = .underFire }
        return out
    }
}

extension RouteState {
    /// `geometric_status`, `evidence_status` and `status_from` when evidence judged the route;
    /// empty otherwise.
    public var evidenceProperties: JSONObject {
        guard let e = evidence else { return JSONObject() }
        return ["geometric_status": .string(e.geometric.rawValue),
                "evidence_status": .string(e.underFire ? "under_fire" : "open"),
                "status_from": .string(condition != e.geometric ? "evidence" : "geometry")]
    }
}

extension JSONObject {
    /// These members, then `other`'s (replacing any of the same key).
    public func merging(_ other: JSONObject) -> JSONObject {
        var p = self
        for (k, v) in other { p[k] = v }
        return p
    }
}
