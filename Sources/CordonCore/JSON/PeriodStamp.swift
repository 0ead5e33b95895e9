extension JSONObject {
    /// Dates every output feature carries, in this order: `date`, the day asked for a single-date
    /// answer; then `from` (first day, inclusive) and `until` (first day after, exclusive) of the
    /// period it holds for, the fields QGIS's temporal controller and other map tools animate by.
    /// An open end (nil) is left out. See docs/design.md#outputs.
    ///
    /// - Parameters:
    ///   - period: The period the feature holds for; nil writes neither `from` nor `until`.
    ///   - date: The day asked for, on single-date answers; nil writes no `date`.
    public mutating func stamp(_ period: Period?, date: Day? = nil) {
        if let date { self["date"] = .string(date.description) }
        if let from = period?.from { self["from"] = .string(from.description) }
        if let until = period?.until { self["until"] = .string(until.description) }
    }
}
