#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file (or standard input, for "-") into memory, refusing files over a limit.
public enum FileBytes {
    /// The bytes of `path` ("-": standard input). Throws `FileReadError` when the file cannot be
    /// opened or read, is a folder, or holds more than `limit` bytes (checked before reading
    /// where the size is known, and as bytes arrive from pipes).
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "cannot open: \(systemErrorText())") }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure(path, "cannot read: \(systemErrorText())") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw failure(path, "is a folder, not a file") }
        let known = (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0
        if known > limit { throw tooLarge(path, limit) }

        var bytes = [UInt8]()
        bytes.reserveCapacity(known > 0 ? known : 1 << 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        if known > 0 {
            // Read straight into the final array, then fall through for anything appended since.
            bytes = try [UInt8](unsafeUninitializedCapacity: known) { buf, count in
                while count < known {
                    let n = readFD(fd, buf.baseAddress! + count, known - count)
                    if n < 0 && errno == EINTR { continue }
                    guard n >= 0 else { throw failure(path, "cannot read: \(systemErrorText())") }
                    if n == 0 { break }
                    count += n
                }
            }
        }
        while true {
            let n = chunk.withUnsafeMutableBytes { readFD(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw failure(path, "cannot read: \(systemErrorText())") }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw tooLarge(path, limit) }
        }
        return bytes
    }

    private static func failure(_ path: String, _ reason: String) -> FileReadError {
        FileReadError(path: path, reason: reason)
    }

    package static func tooLarge(_ path: String, _ limit: Int) -> FileReadError {
        failure(path, "the file is larger than the limit of \(limit >> 20) MiB")
    }
}

/// `read(2)`, named apart from `FileBytes.read`.
private func readFD(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
