/// Input that the siege analysis cannot use. One line, naming the file, the feature and why.
public struct SiegeInputError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    /// Feature index in the file (the first is 0), when the fault is in one feature.
    public let feature: Int?
    public let reason: String

    public init(file: String, feature: Int? = nil, _ reason: String) {
        self.file = file
        self.feature = feature
        self.reason = reason
    }

    public var description: String {
        if let feature { return "\(file): feature \(feature): \(reason)" }
        return "\(file): \(reason)"
    }
}
