import CordonCore

/// Whether supplies can pass along a route on a given day.
public enum RouteStatus: String, Sendable, CaseIterable {
    /// Supplies pass in full.
    case open
    /// Supplies pass in part: a daily inflow is scaled by its under-fire factor.
    case underFire = "under_fire"
    /// Nothing passes.
    case cut
}

/// The status of each route on each day, handed in by whoever knows the map.
///
/// Each route has a list of changes: a status holds from its date until the next change. Before a
/// route's first change it is `cut`, the cautious reading when nothing is known.
public struct AccessTimeline: Sendable, Equatable {
    private var changes: [String: [(day: Day, status: RouteStatus)]] = [:]

    /// A timeline that knows no route: every route counts as cut.
    public init() {}

    /// A timeline where `statuses[route][i]` is the status on `start + i`; the last status holds on.
    ///
    /// - Parameters:
    ///   - start: The day of each list's first status.
    ///   - statuses: For each route name, its status on consecutive days from `start`.
    public init(start: Day, statuses: [String: [RouteStatus]]) {
        for (route, list) in statuses {
            for (i, status) in list.enumerated() { set(route, status, from: start + i) }
        }
    }

    /// `route` has `status` from `day` on, until a later change.
    ///
    /// - Parameters:
    ///   - route: The route's name, as inflows name it.
    ///   - status: Its status from `day`.
    ///   - day: The first day of that status.
    public mutating func set(_ route: String, _ status: RouteStatus, from day: Day) {
        var list = changes[route] ?? []
        list.removeAll { $0.day == day }
        let at = list.firstIndex { $0.day > day } ?? list.count
        // Repeating the status in force adds nothing.
        if at > 0, list[at - 1].status == status { changes[route] = list; return }
        list.insert((day, status), at: at)
        changes[route] = list
    }

    /// The routes the timeline knows, sorted by name.
    public var routes: [String] { changes.keys.sorted() }

    /// Whether the timeline has any status for `route`.
    public func knows(_ route: String) -> Bool { changes[route] != nil }

    /// The status of `route` on `day`: the last change on or before it, or cut when there is none.
    public func status(of route: String, on day: Day) -> RouteStatus {
        guard let list = changes[route] else { return .cut }
        var status = RouteStatus.cut
        for change in list {
            if change.day > day { break }
            status = change.status
        }
        return status
    }

    /// Whether both give every route the same changes on the same days.
    public static func == (a: AccessTimeline, b: AccessTimeline) -> Bool {
        a.routes == b.routes && a.routes.allSatisfy { r in
            a.changes[r]!.elementsEqual(b.changes[r]!) { $0.day == $1.day && $0.status == $1.status }
        }
    }
}
