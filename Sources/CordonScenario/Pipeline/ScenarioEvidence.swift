import CordonCore
import CordonGeometry
import CordonSiege

/// What the evidence a scenario names says beside the model (docs/design.md#evidence): events
/// per pocket and per route in each period, alerts on the focus pocket, prices inside and
/// outside. None of it enters the supply model, except the routes' evidence status when the
/// scenario asks for it (`evidence_status`).
public struct ScenarioEvidence {
    /// The events, indexed over the scenario's days; nil when the scenario names none.
    public let events: EventIndex?
    /// What the events say of each pocket, in the order of ``ScenarioResult/pockets``.
    public let pockets: [AreaEvidence]
    /// What the events say of each route, in the order of ``ScenarioResult/routes``.
    public let routes: [RouteEvidence]
    /// Days the focus pocket's 30-day deaths reached a new high of at least the minimum.
    public let alerts: [EventAlert]
    /// Every pocket's alerts (`alerts.geojson`), as `cordon enclosure --timeline --events` finds them.
    public let pocketAlerts: [Feature]
    /// The focus pocket's events and deaths per month: `YYYY-MM`, events, deaths.
    public let focusMonths: [(month: String, events: Int, fatalities: Double)]
    /// Prices inside against outside, when the scenario names prices.
    public let prices: PriceComparison?
    /// The quotes those prices were taken from.
    public let quotes: PriceSet?

    /// `focus`: the positions in `pockets` of the focus pocket's periods.
    init(inputs: ScenarioInputs, events: EventIndex?, pockets: [Pocket], routes: [RouteState], focus: [Int],
         fireRange: Double, alertMinimum: Double, jobs: Int) async throws {
        self.events = events
        if let events {
            let counted = try await EventTally.pockets(pockets, events: events, jobs: jobs, alertMinimum: alertMinimum)
            (self.pockets, pocketAlerts) = (counted.evidence, counted.alerts)
            let near = RouteEventDays(routes: inputs.routes, events: events, range: fireRange)
            self.routes = routes.map { near.evidence(route: $0.route.feature, period: $0.period) }
            // The focus pocket's events day by day, from the count of every pocket: each event placed once.
            var perDay = [Int](repeating: 0, count: events.dayCount)
            var daily = [Double](repeating: 0, count: perDay.count)
            for p in focus {
                for (d, deaths) in counted.daily[p] {
                    perDay[d] += 1
                    daily[d] += deaths
                }
            }
            let first = events.window.from!
            alerts = EventAlerts.find(daily: daily, first: first, minimum: alertMinimum)
            // Events per month in the focus pocket, from its days, so each lands in its month.
            var months: [(String, Int, Double)] = []
            for (d, deaths) in daily.enumerated() {
                let (y, m, _) = (first + d).components
                let key = "\(y)-" + (m < 10 ? "0" : "") + "\(m)"
                if months.last?.0 != key { months.append((key, 0, 0)) }
                months[months.count - 1].1 += perDay[d]
                months[months.count - 1].2 += deaths
            }
            focusMonths = months.map { ($0.0, $0.1, $0.2) }
        } else {
            self.pockets = []
            self.routes = []
            alerts = []
            pocketAlerts = []
            focusMonths = []
        }
        quotes = inputs.prices
        prices = inputs.prices.map { PriceComparison(prices: $0, pockets: pockets, map: inputs.map.areas.map(\.geometry)) }
    }
}
