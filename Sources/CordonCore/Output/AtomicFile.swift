#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output so that a failed run never leaves a partial file: bytes go to a
/// temporary file in the target's folder, which is renamed over the target at the end.
/// "-" means standard output (written once everything is ready); a path that is not a
/// regular file (/dev/null, a pipe) is written directly.
public enum AtomicFile {
    /// Writes `bytes` to `path` in one piece: the target holds either its old content or all of
    /// `bytes`, never a part.
    /// - Parameters:
    ///   - bytes: The whole content of the file.
    ///   - path: The destination; "-" is standard output.
    /// - Throws: ``FileWriteError`` naming `path` when the file cannot be created, written or renamed.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { $0.append(contentsOf: bytes) }
    }

    /// Runs `body` with an output that streams to the destination in large chunks.
    /// If `body` throws, nothing is left behind and the target is untouched.
    ///
    /// - Parameters:
    ///   - path: The destination; "-" is standard output, which gets nothing unless `body` succeeds.
    ///   - body: Writes the content into the output it is given.
    /// - Throws: ``FileWriteError`` naming `path`, or whatever `body` throws.
    public static func write(to path: String, _ body: (inout ByteOutput) throws -> Void) throws {
        try write(to: path, holdingStdout: true, body)
    }

    /// `holdingStdout`: whether standard output gets the bytes only once `body` has succeeded.
    private static func write(to path: String, holdingStdout: Bool, _ body: (inout ByteOutput) throws -> Void) throws {
        try stage(to: path, holdingStdout: holdingStdout, body).commit()
    }

    /// Writes the whole output beside its target without putting it in place: a synced
    /// temporary file in the target's folder, or memory for standard output. ``StagedFile/commit()``
    /// puts it in place, ``StagedFile/discard()`` drops it. A target that is not a regular
    /// file (/dev/null, a pipe) cannot be staged, so it is written here, directly.
    package static func stage(to path: String, holdingStdout: Bool = true,
                              _ body: (inout ByteOutput) throws -> Void) throws -> StagedFile {
        if path == "-" && !holdingStdout {
            var out = ByteOutput(sink: { try writeAll(1, $0, path: "standard output") })
            try body(&out)
            try out.flush()
            return StagedFile(target: path, state: .written)
        }
        if path == "-" {
            var out = ByteOutput()
            try body(&out)
            return StagedFile(target: path, state: .standardOutput(out.bytes))
        }
        var st = stat()
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw FileWriteError(path: path, reason: "it is a folder") }
            try direct(path, body)
            return StagedFile(target: path, state: .written)
        }
        let temp = temporaryName(for: path)
        // Listed as it is made, so a stop (SIGINT, SIGTERM) at any moment removes it.
        let fd = TemporaryOutputs.creating(file: temp) { open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
        guard fd >= 0 else {
            let reason = systemErrorText()
            TemporaryOutputs.remove(temp)
            throw FileWriteError(path: path, reason: reason)
        }
        var isOpen = true
        do {
            var out = ByteOutput(sink: { try writeAll(fd, $0, path: path) })
            try body(&out)
            try out.flush()
            guard fsync(fd) == 0 else { throw FileWriteError(path: path, reason: systemErrorText()) }
            isOpen = false
            guard close(fd) == 0 else { throw FileWriteError(path: path, reason: systemErrorText()) }
        } catch {
            if isOpen { close(fd) }
            unlink(temp)
            TemporaryOutputs.remove(temp)
            throw error
        }
        return StagedFile(target: path, state: .temporary(temp))
    }

    /// For output whose beginning is known only at the end (a collection's bbox before its
    /// features): `body` writes the rest into a spool file and returns the head; the
    /// destination then gets head + rest, atomically as above. Memory stays small.
    ///
    /// - Parameters:
    ///   - path: The destination; "-" is standard output.
    ///   - body: Writes everything after the head into the output it is given and returns the head.
    /// - Throws: ``FileWriteError`` naming `path` or the spool file, or whatever `body` throws.
    public static func writeSpooled(to path: String, _ body: (inout ByteOutput) throws -> [UInt8]) throws {
        let elsewhere = path == "-" || isDevice(path)
        let spool = temporaryName(for: elsewhere ? temporaryFolder() : path, suffix: "spool")
        // Errors name the output the user asked for, never the spool file.
        let shown = path == "-" ? "standard output" : path
        let failure = { (reason: String) in
            FileWriteError(path: shown, reason: elsewhere ? "temporary file in \(temporaryDirectory()): \(reason)" : reason)
        }
        let fd = TemporaryOutputs.creating(file: spool) { open(spool, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
        let openError = systemErrorText()
        unlink(spool)  // gone from the folder already; the space is freed when fd closes
        TemporaryOutputs.remove(spool)
        guard fd >= 0 else { throw failure(openError) }
        defer { close(fd) }
        var rest = ByteOutput(sink: { bytes in
            do { try writeAll(fd, bytes, path: shown) } catch let e as FileWriteError { throw failure(e.reason) }
        })
        let head = try body(&rest)
        try rest.flush()
        // Everything that can fail on bad input has run: standard output may now stream.
        try write(to: path, holdingStdout: false) { out in
            out.append(contentsOf: head)
            var chunk = [UInt8](repeating: 0, count: ByteOutput.chunk)
            var offset = 0
            while true {
                let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw failure(systemErrorText()) }
                if n == 0 { break }
                out.append(contentsOf: chunk[0..<n])
                offset += n
                try out.flushIfLarge()
            }
        }
    }

    private static func isDevice(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG
    }

    /// `TMPDIR`, or /tmp: for spools of outputs that have no folder of their own (standard
    /// output, a device).
    private static func temporaryDirectory() -> String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    private static func temporaryFolder() -> String {
        let dir = temporaryDirectory()
        return dir.hasSuffix("/") ? dir + "spool" : dir + "/spool"
    }

    private static func direct(_ path: String, _ body: (inout ByteOutput) throws -> Void) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: systemErrorText()) }
        defer { close(fd) }
        var out = ByteOutput(sink: { try writeAll(fd, $0, path: path) })
        try body(&out)
        try out.flush()
    }

    /// `.NAME.PID-N.tmp` beside the target, so the rename stays on one file system.
    private static func temporaryName(for path: String, suffix: String = "tmp") -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).\(getpid())-\(counter.next()).\(suffix)"
    }

    private static let counter = Counter()

    /// A number no other temporary name of this process has used.
    package static func uniqueNumber() -> Int { counter.next() }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = writeFD(fd, base + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw FileWriteError(path: path, reason: systemErrorText()) }
            done += n
        }
    }
}

/// A process-wide counter for unique temporary names from any thread.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()
    func next() -> Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        value += 1
        return value
    }
}

/// `write(2)`, named apart from `AtomicFile.write`.
private func writeFD(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
