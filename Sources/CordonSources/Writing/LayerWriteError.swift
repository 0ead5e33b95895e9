/// A set of layers that could not be written: the database refused the connection or a
/// statement, or a value does not fit its column. One line naming the output (its password
/// masked), the table and the feature where known, and the reason.
public struct LayerWriteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The output as shown: a connection string with its password masked.
    public var output: String
    /// The table being written, if any.
    public var table: String?
    /// The 0-based feature (or row) being written, if any.
    public var feature: Int?
    /// Why, in words (GDAL's own, with any password masked).
    public var reason: String

    /// An error for `output` (shown as given: pass a ``SourceName``'s description).
    public init(output: String, table: String? = nil, feature: Int? = nil, _ reason: String) {
        self.output = output
        self.table = table
        self.feature = feature
        self.reason = SourceName.masked(reason)
    }

    /// `OUTPUT: table T: feature N: REASON`.
    public var description: String {
        var parts = [output]
        if let table { parts.append("table \(table)") }
        if let feature { parts.append("feature \(feature)") }
        parts.append(reason)
        return parts.joined(separator: ": ")
    }
}
