/// A family of output file names with an ISO date between a fixed beginning and end, such as
/// `pockets-2016-07-20.geojson`: the per-date files of a run folder, which ``OutputFolder``
/// must know for its own.
public struct DatedFileName: Sendable, Hashable {
    /// What comes before the date: `pockets-`.
    public let prefix: String
    /// What comes after it: `.geojson`.
    public let suffix: String

    /// The family `prefix` + `YYYY-MM-DD` + `suffix`.
    public init(prefix: String, suffix: String) {
        self.prefix = prefix
        self.suffix = suffix
    }

    /// The file name of `day`.
    public func name(_ day: Day) -> String { prefix + day.description + suffix }

    /// Whether `name` is of this family: the prefix, a valid date written as `name(_:)` writes it, the suffix.
    public func matches(_ name: String) -> Bool {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count == prefix.count + 10 + suffix.count else {
            return false
        }
        let middle = String(name.dropFirst(prefix.count).dropLast(suffix.count))
        guard let day = Day(iso: middle) else { return false }
        return day.description == middle
    }
}
