/// A source that cannot be read as asked. One line: the source (password masked), the layer
/// and feature where there is one, and why, in GDAL's own words where GDAL gave them.
public struct SourceError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The source as shown to people: a path, or a connection with its password masked.
    public let source: String
    /// The layer, when the fault is in one.
    public let layer: String?
    /// The feature's place in the layer (the first is 0), when the fault is in one feature.
    public let feature: Int?
    /// What is wrong, in words.
    public let reason: String

    /// An error naming the source, layer and feature where they are known.
    public init(source: SourceName, layer: String? = nil, feature: Int? = nil, _ reason: String) {
        self.source = source.description
        self.layer = layer
        self.feature = feature
        self.reason = reason
    }

    /// `SOURCE: layer L: feature N: REASON`, leaving out what is not known.
    public var description: String {
        var parts = [source]
        if let layer { parts.append("layer \(layer)") }
        if let feature { parts.append("feature \(feature)") }
        parts.append(reason)
        return parts.joined(separator: ": ")
    }
}
