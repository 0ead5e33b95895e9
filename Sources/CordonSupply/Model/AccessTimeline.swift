import CordonCore

/// Whether supplies can pass along a route on a given day.
public enum RouteStatus: String, Sendable, CaseIterable {
    /// Supplies pass in full.
    case open
    /// Supplies pass in part: a daily inflow is scaled by its under-fire factor.
    case underFire = "under_fire"
    /// Nothing passes.
    case cut

    /// The worse of two statuses: cut over under fire over open. A chain of routes passes
    /// what its worst link passes.
    public static func worse(_ a: RouteStatus, _ b: RouteStatus) -> RouteStatus {
        a.rank >= b.rank ? a : b
    }

    private var rank: Int {
        switch self {
        case .open: return 0
        case .underFire: return 1
        case .cut: return 2
        }
    }
}

/// A way supplies come in, whose status the access timeline gives day by day.
public enum Passage: Hashable, Sendable, CustomStringConvertible {
    /// A route of the routes file, judged by geometry: open, under fire or cut.
    case route(String)
    /// A corridor of the routes file: open on the days it is declared open while its entry is
    /// held, cut otherwise (docs/design.md#inflows).
    case corridor(String)
    /// An airport at a lon/lat point: open while the ground there is held by the besieged
    /// side, an ally or a neutral party, cut otherwise.
    case airport(longitude: Double, latitude: Double)

    /// "route 'Castello Road'", "corridor 'tunnel'", "airport [18.33, 43.82]": for messages.
    public var description: String {
        switch self {
        case .route(let name): return "route '\(name)'"
        case .corridor(let name): return "corridor '\(name)'"
        case .airport(let lon, let lat): return "airport [\(lon), \(lat)]"
        }
    }
}

/// The status of each route, corridor and airport on each day, handed in by whoever knows the map.
///
/// Each passage has a list of changes: a status holds from its date until the next change.
/// Before a passage's first change it is `cut`, the cautious reading when nothing is known.
public struct AccessTimeline: Sendable, Equatable {
    private var changes: [Passage: [(day: Day, status: RouteStatus)]] = [:]

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
        set(.route(route), status, from: day)
    }

    /// `passage` has `status` from `day` on, until a later change.
    ///
    /// - Parameters:
    ///   - passage: The route, corridor or airport.
    ///   - status: Its status from `day`.
    ///   - day: The first day of that status.
    public mutating func set(_ passage: Passage, _ status: RouteStatus, from day: Day) {
        var list = changes[passage] ?? []
        list.removeAll { $0.day == day }
        let at = list.firstIndex { $0.day > day } ?? list.count
        // Repeating the status in force adds nothing.
        if at > 0, list[at - 1].status == status { changes[passage] = list; return }
        list.insert((day, status), at: at)
        changes[passage] = list
    }

    /// The routes the timeline knows, sorted by name.
    public var routes: [String] {
        changes.keys.compactMap { if case .route(let name) = $0 { return name } else { return nil } }.sorted()
    }

    /// Whether the timeline has any status for `route`.
    public func knows(_ route: String) -> Bool { knows(.route(route)) }

    /// Whether the timeline has any status for `passage`.
    public func knows(_ passage: Passage) -> Bool { changes[passage] != nil }

    /// The status of `route` on `day`: the last change on or before it, or cut when there is none.
    public func status(of route: String, on day: Day) -> RouteStatus { status(of: .route(route), on: day) }

    /// The status of `passage` on `day`: the last change on or before it, or cut when there is none.
    public func status(of passage: Passage, on day: Day) -> RouteStatus {
        guard let list = changes[passage] else { return .cut }
        var status = RouteStatus.cut
        for change in list {
            if change.day > day { break }
            status = change.status
        }
        return status
    }

    /// Whether both give every passage the same changes on the same days.
    public static func == (a: AccessTimeline, b: AccessTimeline) -> Bool {
        Set(a.changes.keys) == Set(b.changes.keys) && a.changes.allSatisfy { key, list in
            list.elementsEqual(b.changes[key]!) { $0.day == $1.day && $0.status == $1.status }
        }
    }
}
