#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of outputs written as one set (`cordon run`, `cordon demo`): it holds either the
/// whole previous set or the whole new one, never a mixture.
///
/// ``write(_:)`` writes every file into a fresh staging folder beside the target
/// (`.NAME.cordon-PID-N.tmp`, on the same file system), syncs it, and only then swaps it into
/// place in one step: `renameat2(RENAME_EXCHANGE)` with an existing folder, whose old content
/// is then removed, or a rename that never replaces when there was none. A failure at any point
/// before the swap removes the staging folder and leaves the target exactly as it was. Two runs
/// into one folder at once each swap in a complete set; the last to swap wins.
///
/// The swap replaces the whole folder, so it only replaces a folder that holds nothing but
/// Cordon's own files: the names given at `init`, the names of its dated files
/// (`pockets-2016-07-20.geojson`), and hidden temporary files a killed writer left. Anything else in it (a user's notes, a subfolder) makes ``check()`` and ``write(_:)``
/// refuse, naming the folder and the file, and nothing is touched.
///
///     let folder = OutputFolder("out", files: ["timeline.csv", "summary.json"])
///     try folder.write { staging in
///         try AtomicFile.write(csv, to: staging + "/timeline.csv")
///         try AtomicFile.write(json, to: staging + "/summary.json")
///     }
public struct OutputFolder: Sendable {
    /// The folder as the user named it; messages name it so.
    public let path: String
    /// Every file name Cordon may write here. A run may write fewer (no districts layer).
    public let files: Set<String>
    /// Families of file names with a date in them that Cordon may write here (per-date layers).
    public let dated: [DatedFileName]

    /// The output folder `path`, in which Cordon writes only the file names in `files` and
    /// those of the `dated` families.
    public init(_ path: String, files: [String], dated: [DatedFileName] = []) {
        self.path = path
        self.files = Set(files)
        self.dated = dated
    }

    /// Whether `name` is one of Cordon's files here: listed, or of a dated family.
    public func owns(_ name: String) -> Bool {
        files.contains(name) || dated.contains { $0.matches(name) }
    }

    /// The path of the output file `name` in this folder, as messages name it.
    public func file(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// Throws when the folder cannot take a new set: something other than a folder is in its
    /// place, or it holds a file that is not one of Cordon's own. Writes nothing.
    /// - Throws: ``OutputFolderError`` naming the folder (and the foreign file).
    public func check() throws {
        _ = try existing()
    }

    /// Writes a new set: `body` writes the files by name into the staging folder it is given;
    /// when it returns, that folder takes the target's place in one step. Missing parent
    /// folders are created.
    /// - Throws: ``OutputFolderError`` when the target cannot be replaced (see ``check()``);
    ///   ``FileWriteError`` naming the output file (never the staging folder) when writing or
    ///   swapping fails; whatever `body` throws. The target is then as it was.
    public func write(_ body: (_ staging: String) throws -> Void) throws {
        let old = try existing()
        let target = try old?.resolved ?? prepareNew()
        let staging = try makeStaging(beside: target, mode: old?.mode)
        do {
            try body(staging)
            try syncFolder(staging)
            try TemporaryOutputs.whileNoStop { try swap(staging, into: target) }
        } catch {
            // Before the swap the staging folder holds only this run's files: all of it goes.
            TemporaryOutputs.whileNoStop {
                TemporaryOutputs.removeFolder(staging)
                TemporaryOutputs.remove(staging)
            }
            throw renamed(error, staging: staging)
        }
        // The swap itself is done; a parent that cannot be synced costs durability, not the set.
        _ = try? syncFolder(parentOf(target))
    }

    // MARK: The target

    /// The target as it stands: nil when there is none; otherwise its real path (symbolic links
    /// and `.` resolved, so the swap moves the real folder) and its permissions.
    private func existing() throws -> (resolved: String, mode: mode_t)? {
        guard !path.isEmpty else { throw OutputFolderError(folder: "''", reason: "give the output folder a name") }
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        guard let real = realpath(path, nil) else {
            throw OutputFolderError(folder: path, reason: "cannot use it as the output folder: \(systemErrorText())")
        }
        defer { free(real) }
        // Replacing the folder the command runs in would leave the shell in a deleted folder.
        if let here = realpath(".", nil) {
            defer { free(here) }
            if strcmp(here, real) == 0 {
                throw OutputFolderError(folder: path, reason: "is the current folder; cordon replaces the whole output folder, so give a folder inside it or beside it")
            }
        }
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputFolderError(folder: path, reason: "cannot create the output folder: a file is in the way")
        }
        if let foreign = try foreignEntry(String(cString: real)) {
            throw OutputFolderError(
                folder: path,
                reason: "holds \(foreign), which cordon did not write; the whole folder is replaced, so move it "
                    + "or choose another output folder")
        }
        return (String(cString: real), st.st_mode & 0o7777)
    }

    /// Creates the missing parents of a new target; returns the target's path.
    private func prepareNew() throws -> String {
        let target = trimmed(path)
        var prefix = target.hasPrefix("/") ? "/" : ""
        for part in parentOf(target).split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
                throw OutputFolderError(folder: path, reason: "cannot create the output folder: \(systemErrorText())")
            }
            prefix += "/"
        }
        return target
    }

    /// The first entry that is not Cordon's: a name it does not write, or one of its names
    /// that is a folder (a user's, with anything in it). A folder that cannot be listed is
    /// refused: what it holds is unknown.
    private func foreignEntry(_ folder: String) throws -> String? {
        guard let dir = opendir(folder) else {
            throw OutputFolderError(folder: path, reason: "cannot list what it holds: \(systemErrorText())")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            if name == "." || name == ".." { continue }
            var st = stat()
            let isFolder = lstat(folder + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            if isFolder || !(owns(name) || isLeftover(name)) { names.append(name) }
        }
        return names.min()
    }

    /// A hidden temporary file that an `AtomicFile` writer killed with SIGKILL left beside one
    /// of Cordon's files (`.report.html.1234-1.tmp`, from `cordon report DIR`): Cordon's own.
    private func isLeftover(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let inner = name.dropFirst().dropLast(4)  // NAME.PID-N
        guard let dot = inner.lastIndex(of: ".") else { return false }
        let number = inner[inner.index(after: dot)...].split(separator: "-", omittingEmptySubsequences: false)
        return owns(String(inner[..<dot])) && number.count == 2
            && number.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    // MARK: Staging and the swap

    /// `.NAME.cordon-PID-N.tmp` beside the target, listed for removal on a stop before it exists.
    private func makeStaging(beside target: String, mode: mode_t?) throws -> String {
        let parent = parentOf(target)
        let name = String(target.split(separator: "/").last ?? "output")
        while true {
            let staging = (parent == "/" ? "/" : parent + "/") + ".\(name).cordon-\(getpid())-\(AtomicFile.uniqueNumber()).tmp"
            if TemporaryOutputs.creating(folder: staging, { mkdir(staging, 0o777) }) == 0 {
                if let mode { chmod(staging, mode) }
                return staging
            }
            let reason = systemErrorText(), code = errno
            TemporaryOutputs.remove(staging)
            if code != EEXIST { throw FileWriteError(path: path, reason: reason) }
        }
    }

    /// Puts `staging` in `target`'s place. An existing target is exchanged with it in one
    /// step and its old content then removed; a new one is created by a rename that never
    /// replaces (if another run created it meanwhile, the next round exchanges with that).
    ///
    /// What was swapped out is checked before anything is removed: it must be a real folder
    /// (not a symbolic link put there meanwhile) that still holds only Cordon's files (a user may
    /// have added one while the run was writing; another run of Cordon may have swapped in its
    /// own set, which is fine). Otherwise the exchange is undone and nothing is lost.
    private func swap(_ staging: String, into target: String) throws {
        for _ in 0..<8 {
            var st = stat()
            if lstat(target, &st) == 0 {
                guard (st.st_mode & S_IFMT) == S_IFDIR else {
                    throw FileWriteError(path: path, reason: "the folder was replaced while cordon was writing; nothing was changed")
                }
                if Rename.exchange(staging, target) == 0 {
                    try checkSwappedOut(staging, target)
                    removeOwnFiles(staging)
                    TemporaryOutputs.remove(staging)
                    return
                }
                if errno == ENOENT { continue }  // gone meanwhile: create it
                guard Rename.unsupported(errno) else { throw swapFailure() }
                return try swapInTwoSteps(staging, target)
            }
            if Rename.noReplace(staging, target) == 0 || (Rename.unsupported(errno) && rename(staging, target) == 0) {
                TemporaryOutputs.remove(staging)
                return
            }
            if errno == EEXIST || errno == ENOTEMPTY { continue }  // another run made it first
            throw swapFailure()
        }
        throw FileWriteError(path: path, reason: "other processes keep replacing the folder")
    }

    /// After an exchange `swapped` holds the old target: undo the exchange unless it is a real
    /// folder holding only Cordon's files.
    private func checkSwappedOut(_ swapped: String, _ target: String) throws {
        var st = stat()
        guard lstat(swapped, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            _ = Rename.exchange(swapped, target)
            throw FileWriteError(path: path, reason: "the folder was replaced while cordon was writing; nothing was changed")
        }
        let foreign: String?
        do { foreign = try foreignEntry(swapped) } catch { foreign = "an entry it could not list" }
        guard let foreign else { return }
        _ = Rename.exchange(swapped, target)
        throw OutputFolderError(folder: path, reason: "\(foreign) appeared in it while cordon was writing; nothing was changed")
    }

    /// The reason an exchange or rename failed, with what to do about the common ones.
    private func swapFailure() -> FileWriteError {
        let code = errno, reason = systemErrorText()
        switch code {
        case EBUSY: return FileWriteError(path: path, reason: "\(reason): cordon replaces the whole folder, so it cannot be a mount point; write into a folder inside it")
        case EXDEV: return FileWriteError(path: path, reason: "\(reason): the folder and the folder it is in must be on one file system")
        default: return FileWriteError(path: path, reason: reason)
        }
    }

    /// For file systems without `RENAME_EXCHANGE`: the old folder is moved aside, the new one
    /// renamed in, and the old one put back if that fails. The target is missing for a moment.
    private func swapInTwoSteps(_ staging: String, _ target: String) throws {
        let aside = staging.dropLast(4) + ".old"
        guard rename(target, String(aside)) == 0 else { throw FileWriteError(path: path, reason: systemErrorText()) }
        guard rename(staging, target) == 0 else {
            let reason = systemErrorText()
            rename(String(aside), target)
            throw FileWriteError(path: path, reason: reason)
        }
        TemporaryOutputs.remove(staging)
        removeOwnFiles(String(aside))
    }

    /// Removes Cordon's files from `folder`, then the folder if that empties it. Whatever
    /// else is there stays.
    private func removeOwnFiles(_ folder: String) {
        TemporaryOutputs.removeFiles(in: folder) { owns($0) || isLeftover($0) }
    }

    // MARK: Small helpers

    /// Syncs a folder's entries to disk, so the set survives a power cut once swapped in.
    private func syncFolder(_ folder: String) throws {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: systemErrorText()) }
        defer { close(fd) }
        guard fsync(fd) == 0 || errno == EINVAL else { throw FileWriteError(path: path, reason: systemErrorText()) }
    }

    /// Errors from inside the staging folder name the output file instead.
    private func renamed(_ error: Error, staging: String) -> Error {
        let inside = staging + "/"
        if var e = error as? FileWriteError, e.path.hasPrefix(inside) {
            e.path = file(String(e.path.dropFirst(inside.count)))
            return e
        }
        if var e = error as? FileReadError, e.path.hasPrefix(inside) {
            e.path = file(String(e.path.dropFirst(inside.count)))
            return e
        }
        if var e = error as? FileWriteError, e.path == staging {
            e.path = path
            return e
        }
        return error
    }

    private func trimmed(_ p: String) -> String {
        var p = p
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    private func parentOf(_ target: String) -> String {
        let t = trimmed(target)
        guard let slash = t.lastIndex(of: "/") else { return "." }
        return slash == t.startIndex ? "/" : String(t[..<slash])
    }
}

/// The folder of a run's outputs cannot be used: a file stands in its place, it cannot be
/// created, or it holds files Cordon did not write. Bad input: exit status 2.
public struct OutputFolderError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The folder as the user named it.
    public var folder: String
    /// Why, in words.
    public var reason: String

    /// An error naming `folder` and saying why it cannot be used.
    public init(folder: String, reason: String) {
        self.folder = folder
        self.reason = reason
    }

    /// The one-line message: `FOLDER: REASON`.
    public var description: String { "\(folder): \(reason)" }
}

/// The name in a `readdir` entry.
func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
}

/// `renameat2(2)`'s two flags. Swift's Glibc module does not declare the function, so it is
/// looked up at run time; where it is missing (or on Darwin) the callers fall back.
private enum Rename {
    typealias Function = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    static func exchange(_ a: String, _ b: String) -> Int32 { call(a, b, 2) }   // RENAME_EXCHANGE
    static func noReplace(_ a: String, _ b: String) -> Int32 { call(a, b, 1) }  // RENAME_NOREPLACE

    /// Whether `code` says the flag or the call is not supported here (as opposed to a real failure).
    static func unsupported(_ code: Int32) -> Bool { code == EINVAL || code == ENOSYS || code == ENOTSUP }

    private static func call(_ a: String, _ b: String, _ flags: UInt32) -> Int32 {
        guard let function = lookup.function else {
            errno = ENOSYS
            return -1
        }
        return function(AT_FDCWD, a, AT_FDCWD, b, flags)
    }

    private struct Lookup: @unchecked Sendable {
        let function: Function?
    }

    private static let lookup: Lookup = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "renameat2") else { return Lookup(function: nil) }
        return Lookup(function: unsafeBitCast(symbol, to: Function.self))
        #else
        return Lookup(function: nil)
        #endif
    }()
}
