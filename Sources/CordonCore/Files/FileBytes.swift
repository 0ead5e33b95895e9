#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file (or standard input, for "-") into memory, refusing files over a limit.
public enum FileBytes {
    /// The bytes of `path` ("-": standard input). Throws `FileReadError` when the file cannot be
    /// opened or read, is a folder, a FIFO, a device or a socket (refused before reading; only "-"
    /// reads a stream), or holds more than `limit` bytes (checked before reading where the size
    /// is known, and as bytes arrive from standard input).
    ///
    /// - Parameters:
    ///   - path: The file as the user named it; "-" reads standard input.
    ///   - limit: The largest size accepted, in bytes.
    /// - Returns: The whole content of the file.
    /// - Throws: ``FileReadError``, naming `path`.
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        // Non-blocking, so opening a FIFO that no one writes to returns at once, to be refused.
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(path, "cannot open: \(systemErrorText())") }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure(path, "cannot read: \(systemErrorText())") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw failure(path, "is a folder, not a file") }
        // A FIFO may never end and a device may never stop (/dev/zero): only "-" reads a stream.
        if path != "-", let kind = notRegular(st) {
            throw failure(path, "is \(kind), not a file: give a file, or - for standard input")
        }
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

    /// What the file is, in words, when it is not a regular file.
    package static func notRegular(_ st: stat) -> String? {
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        default: return "a special file"
        }
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
