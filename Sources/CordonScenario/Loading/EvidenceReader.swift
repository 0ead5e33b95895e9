import CordonSiege

/// The evidence a scenario puts beside the model (docs/design.md#evidence): conflict events,
/// market prices, and whether the events judge the routes too.
public struct EvidenceSettings: Sendable, Equatable {
    /// Conflict events (ACLED or UCDP GED CSV), relative to the scenario's folder.
    public var events: String?
    /// Market prices (WFP VAM / HDX CSV), relative to the scenario's folder.
    public var prices: String?
    /// The coarsest place precision counted (ACLED `geo_precision`, UCDP `where_prec`).
    public var maxPrecision = 2
    /// N/D: a route counts as under fire on a day with at least N events within range over the
    /// D days ending that day; nil leaves route statuses to geometry alone.
    public var status: (events: Int, days: Int)? {
        get { statusEvents.map { ($0, statusDays) } }
        set { statusEvents = newValue?.events; statusDays = newValue?.days ?? 0 }
    }
    /// The least 30-day deaths in a pocket that raise an alert (`alerts.geojson`).
    public var alertMinimum = 100.0
    private var statusEvents: Int?
    private var statusDays = 0

    /// No evidence.
    public init() {}
}

extension Section {
    /// `events`, `prices`, `max_precision`, `evidence_status`, `alert_minimum`.
    func evidenceSettings() throws -> EvidenceSettings {
        var e = EvidenceSettings()
        e.events = try optional("events")?.string()
        e.prices = try optional("prices")?.string()
        if let f = optional("max_precision") {
            let n = try f.number()
            guard n >= 0, n <= 100, n == n.rounded() else { throw f.error("must be a whole number from 0 to 100") }
            e.maxPrecision = Int(n)
        }
        if let f = optional("evidence_status") {
            let parts = try f.string().split(separator: "/")
            guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]), n >= 1, d >= 1, d <= 3660 else {
                throw f.error("must be N/D, events and days, such as \"3/7\" (N ≥ 1, 1 ≤ D ≤ 3660)")
            }
            guard e.events != nil else { throw f.error("needs `events`: the events that judge the routes") }
            e.status = (n, d)
        }
        if let f = optional("alert_minimum") {
            let n = try f.number()
            guard n >= 0, n <= 1e9 else { throw f.error("must be a number of deaths from 0 to 1,000,000,000") }
            guard e.events != nil else { throw f.error("needs `events`: the events whose deaths raise alerts") }
            e.alertMinimum = n
        }
        return e
    }
}
