import Glibc

/// Reads a whole file (or standard input, for "-") into memory, refusing files over a limit.
public enum FileBytes {
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "cannot open: \(errorText())") }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure(path, "cannot read: \(errorText())") }
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
                    let n = Glibc.read(fd, buf.baseAddress! + count, known - count)
                    if n < 0 && errno == EINTR { continue }
                    guard n >= 0 else { throw failure(path, "cannot read: \(errorText())") }
                    if n == 0 { break }
                    count += n
                }
            }
        }
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw failure(path, "cannot read: \(errorText())") }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw tooLarge(path, limit) }
        }
        return bytes
    }

    static func errorText() -> String { String(cString: strerror(errno)) }

    private static func failure(_ path: String, _ reason: String) -> GeoJSONError {
        GeoJSONError(kind: .file, file: path, reason: reason)
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> GeoJSONError {
        failure(path, "the file is larger than the limit of \(limit >> 20) MiB")
    }
}
