/// Input that the siege analysis cannot use. One line, naming the file, the feature and why.
public struct SiegeInputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file as the user named it.
    public let file: String
    /// Feature index in the file (the first is 0), when the fault is in one feature.
    public let feature: Int?
    /// What is wrong, in words: "has no `controller` (a string naming who holds the area)".
    public let reason: String
    /// Whether mending the geometry (GEOS MakeValid) would get past the fault: the caller may
    /// offer its way of asking for that (`--repair` on the command line).
    public let repairable: Bool

    /// An error naming `file`, the feature when there is one, and the reason.
    /// - Parameters:
    ///   - file: The file as the user named it.
    ///   - feature: The faulty feature's index in the file, from 0; nil when the fault is the file's.
    ///   - reason: What is wrong, in words, without the file's name.
    ///   - repairable: Whether mending the geometry would get past the fault.
    public init(file: String, feature: Int? = nil, _ reason: String, repairable: Bool = false) {
        self.file = file
        self.feature = feature
        self.reason = reason
        self.repairable = repairable
    }

    /// The one-line message: `FILE: feature N: REASON`.
    public var description: String {
        if let feature { return "\(file): feature \(feature): \(reason)" }
        return "\(file): \(reason)"
    }
}
