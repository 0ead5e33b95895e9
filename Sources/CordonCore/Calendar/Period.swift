/// A span of days in which the map does not change: [from, until). A nil `from` means
/// "since before the map begins", a nil `until` "still so when the map ends".
public struct Period: Equatable, Hashable, Sendable {
    /// The first day of the period; nil when it began before the map's first change date.
    public let from: Day?
    /// The first day after the period; nil when it lasts past the map's last change date.
    public let until: Day?

    /// The days from `from` up to but not including `until`; nil leaves that end open.
    public init(from: Day?, until: Day?) {
        self.from = from
        self.until = until
    }

    /// Whether `day` falls in [from, until); a nil day (no date asked) falls in every period.
    public func contains(_ day: Day?) -> Bool {
        guard let day else { return true }
        if let from, day < from { return false }
        if let until, day >= until { return false }
        return true
    }

    /// A day inside the period, on which its map is taken.
    public var sampleDay: Day? { from ?? until.map { $0 - 1 } }

    /// Periods between consecutive distinct change dates; one whole period when there are none.
    ///
    /// - Parameter changes: The dates on which the map changes, in any order, repeats allowed.
    /// - Returns: The periods in date order: one open at the start, one between each pair of
    ///   consecutive change dates, one open at the end.
    public static func between(_ changes: [Day]) -> [Period] {
        let days = Array(Set(changes)).sorted()
        guard !days.isEmpty else { return [Period(from: nil, until: nil)] }
        var out = [Period(from: nil, until: days[0])]
        for i in days.indices { out.append(Period(from: days[i], until: i + 1 < days.count ? days[i + 1] : nil)) }
        return out
    }
}
