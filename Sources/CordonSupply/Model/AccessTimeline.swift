import CordonCore

/// Whether supplies can pass along a route on a given day.
public enum RouteStatus: String, Sendable, CaseIterable {
    case open
    case underFire = "under_fire"
    case cut
}

/// The status of each route on each day, handed in by whoever knows the map.
///
/// Each route has a list of changes: a status holds from its date until the next change. Before a
/// route's first change it is `cut`, the cautious reading when nothing is known.
public struct AccessTimeline: Sendable, Equatable {
    private var changes: [String: [(day: Day, status: RouteStatus)]] = [:]

    public init() {}

    /// A timeline where `statuses[route][i]` is the status on `start + i`; the last status holds on.
    public init(start: Day, statuses: [String: [RouteStatus]]) {
        for (route, list) in statuses {
            for (i, status) in list.enumerated() { set(route, status, from: start + i) }
        }
    }

    /// `route` has `status` from `day` on, until a later change.
    public mutating func set(_ route: String, _ status: RouteStatus, from day: Day) {
        var list = changes[route] ?? []
        list.removeAll { $0.day == day }
        let at = list.firstIndex { $0.day > day } ?? list.count
        // Repeating the status in force adds nothing.
        if at > 0, list[at - 1].status == status { changes[route] = list; return }
        list.insert((day, status), at: at)
        changes[route] = list
    }

    public var routes: [String] { changes.keys.sorted() }

    public func knows(_ route: String) -> Bool { changes[route] != nil }

    public func status(of route: String, on day: Day) -> RouteStatus {
        guard let list = changes[route] else { return .cut }
        var status = RouteStatus.cut
        for change in list {
            if change.day > day { break }
            status = change.status
        }
        return status
    }

    public static func == (a: AccessTimeline, b: AccessTimeline) -> Bool {
        a.routes == b.routes && a.routes.allSatisfy { r in
            a.changes[r]!.elementsEqual(b.changes[r]!) { $0.day == $1.day && $0.status == $1.status }
        }
    }
}
