import CordonCore
import CordonSiege
import CordonSupply

/// A route's status over a span of days: consecutive periods with the same reading joined.
public struct RouteSpan: Equatable {
    /// The route's name.
    public let route: String
    /// What the map says of it over the span.
    public let status: RouteCondition
    /// Corridors: declared open (their `from`/`until`); nil for supply routes.
    public let declaredOpen: Bool?
    /// The days of the span.
    public let period: Period
}

extension ScenarioResult {
    /// Each route's spans, routes in file order, spans in date order.
    public var routeSpans: [RouteSpan] {
        inputs.routes.flatMap { route in
            var spans: [RouteSpan] = []
            for state in routes where state.route.name == route.name {
                guard let period = state.period else { continue }
                let open = route.kind == .corridor ? state.declaredOpen : nil
                if let last = spans.last, last.status == state.condition, last.declaredOpen == open,
                   last.period.until == period.from {
                    spans[spans.count - 1] = RouteSpan(route: route.name, status: last.status, declaredOpen: open,
                                                       period: Period(from: last.period.from, until: period.until))
                } else {
                    spans.append(RouteSpan(route: route.name, status: state.condition, declaredOpen: open, period: period))
                }
            }
            return spans
        }
    }

    /// The first day `route` reads `status`, if it ever does.
    ///
    /// - Parameters:
    ///   - route: The route's name, as in the routes file.
    ///   - status: The condition looked for, such as `.underFire` or `.cut`.
    /// - Returns: The first day of the first span with that condition; nil when there is none
    ///   within the scenario's days.
    public func firstDay(_ route: String, is status: RouteCondition) -> Day? {
        routeSpans.first { $0.route == route && $0.status == status }?.period.from
    }
}
