#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output, written with `write(2)`: a full disk, a closed descriptor or a closed pipe
/// is an error the caller reports, where Foundation's `FileHandle.write` stops the program
/// and `print` loses the text without a word.
public enum StandardOutput {
    /// Writes `text` in full.
    /// - Throws: ``FileWriteError`` for "standard output", with the system's reason.
    public static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try AtomicFile.writeAll(1, UnsafeRawBufferPointer($0), path: "standard output") }
    }
}

/// Standard error, written with `write(2)`. Failures are ignored: there is nowhere left to
/// report them, and the exit status still says what happened.
public enum StandardError {
    /// Writes `text` in full, or as much as the stream takes.
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = try? AtomicFile.writeAll(2, UnsafeRawBufferPointer($0), path: "standard error") }
    }
}
