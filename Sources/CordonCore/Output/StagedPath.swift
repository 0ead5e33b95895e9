#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicFile {
    /// For a file that another library writes by its path (GDAL writing a GeoPackage): `body`
    /// gets a fresh temporary path beside `path`, listed for removal on a stop before anything
    /// exists there. When `body` returns, the file is synced and staged; ``StagedFile/commit()``
    /// renames it over `path`. If `body` throws, the temporary file is removed and `path` is as
    /// it was.
    ///
    /// - Throws: ``FileWriteError`` naming `path` when it is standard output, a folder or not a
    ///   regular file (a whole file is renamed into place, so it cannot be a device), or when
    ///   the file cannot be synced; whatever `body` throws.
    package static func stage(path: String, byPath body: (_ temporary: String) throws -> Void) throws -> StagedFile {
        try checkRenameable(path)
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temp = "\(folder).\(name).\(getpid())-\(uniqueNumber()).tmp"
        TemporaryOutputs.creating(file: temp) { () }
        do {
            try body(temp)
            let fd = open(temp, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileWriteError(path: path, reason: systemErrorText()) }
            defer { close(fd) }
            guard fsync(fd) == 0 else { throw FileWriteError(path: path, reason: systemErrorText()) }
        } catch {
            unlink(temp)
            TemporaryOutputs.remove(temp)
            throw error
        }
        return StagedFile(target: path, state: .temporary(temp))
    }

    /// Throws unless `path` is a regular file or does not exist yet.
    package static func checkRenameable(_ path: String) throws {
        guard path != "-" else { throw FileWriteError(path: "standard output", reason: "this format is written to a file only") }
        var st = stat()
        guard stat(path, &st) == 0 else { return }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw FileWriteError(path: path, reason: "it is a folder")
        default: throw FileWriteError(path: path, reason: "not a regular file; this format is written to a file only")
        }
    }
}
