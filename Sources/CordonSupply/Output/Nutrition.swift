/// Food energy over a run, from the supplies with `kcalPerUnit`.
public struct KcalSummary: Sendable, Equatable {
    /// The Sphere planning figure: 2,100 kcal per person per day.
    public static let sphere = 2_100.0

    /// Mean over the days with someone inside of the energy handed out per person.
    public var mean: Double
    /// The lowest day's energy per person.
    public var min: Double
    /// Days below ``sphere``.
    public var daysBelow2100: Int
}

extension SupplyRun {
    /// Food energy per person across the days with anyone inside; nil when no supply has
    /// `kcalPerUnit` or nobody is ever inside.
    public var kcal: KcalSummary? {
        let values = days.compactMap(\.kcalPerPerson)
        guard let lowest = values.min() else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        return KcalSummary(mean: mean, min: lowest, daysBelow2100: values.count { $0 < KcalSummary.sphere })
    }

    /// Whether the timeline carries food energy: some supply has `kcalPerUnit`.
    var countsKcal: Bool { scenario.supplies.contains { $0.kcalPerUnit != nil } }

    /// Whether the timeline carries deaths, arrivals and departures: the scenario has population changes.
    var countsMoves: Bool { !scenario.populationChanges.isEmpty }
}
