/// A file that could not be read: missing, unreadable, a folder, or over a size limit.
/// One line: `PATH: REASON`.
public struct FileReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file as the user named it ("-" for standard input).
    public var path: String
    /// Why, in words: "cannot open: No such file or directory".
    public var reason: String

    /// An error naming `path` and saying why it could not be read.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The one-line message: `PATH: REASON`.
    public var description: String { "\(path): \(reason)" }
}

/// A file that could not be written. One line: `cannot write PATH: REASON`.
public struct FileWriteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The output as the user named it, never a temporary file.
    public var path: String
    /// Why, in words: "No space left on device".
    public var reason: String

    /// An error naming `path` and saying why it could not be written.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The one-line message: `cannot write PATH: REASON`.
    public var description: String { "cannot write \(path): \(reason)" }
}
