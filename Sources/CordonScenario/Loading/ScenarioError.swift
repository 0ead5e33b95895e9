/// Something wrong with a scenario file, said in one line: the file, the key path, the reason.
///
///     scenario.yaml: supplies[0].stock: must be ≥ 0
public struct ScenarioError: Error, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Where in the file, like `inflows[2].route`; empty when the whole file is at fault.
    public var path: String
    /// What is wrong, in words: "must be ≥ 0".
    public var message: String

    /// An error at key `path` of `file`; an empty `path` blames the whole file.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// The one-line message: `FILE: PATH: MESSAGE`, line breaks in the message turned to spaces.
    public var description: String {
        let line = path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
        // One line, whatever a message quoted from elsewhere holds.
        return line.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
