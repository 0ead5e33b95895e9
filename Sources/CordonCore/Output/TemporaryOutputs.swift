#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every temporary file and staging folder that exists only while an output is being written.
///
/// Writers list a path here as they create it and take it off once it has been renamed into
/// place or removed. A program that is stopped (the command line's SIGINT and SIGTERM
/// handler) calls ``removeAllBeforeExit()``, so an interrupted run leaves its previous output
/// as it was and nothing beside it. Only SIGKILL, which no process can catch, leaves a hidden
/// temporary file or staging folder behind.
public enum TemporaryOutputs {
    /// Removes every temporary file and staging folder now listed, and from then on holds the
    /// list locked, so no writer can create a new one or swap a folder into place: the caller
    /// is about to end the process (with `_exit`). Never call it from a signal handler itself;
    /// call it from a thread or dispatch queue that the signal wakes.
    public static func removeAllBeforeExit() {
        registry.lock()
        registry.removeAll()
    }

    /// Lists `path` for removal if the program is stopped, and runs `create` (which makes the
    /// file) under the same lock: a stop comes either before, and nothing is created, or after,
    /// and the file is removed. There is no moment when it exists unlisted.
    package static func creating<T>(file path: String, _ create: () -> T) -> T {
        registry.lock()
        defer { registry.unlock() }
        registry.files.insert(path)
        return create()
    }

    /// As ``creating(file:_:)``, for a staging folder, which a stop removes with what is in it.
    package static func creating<T>(folder path: String, _ create: () -> T) -> T {
        registry.lock()
        defer { registry.unlock() }
        registry.folders.insert(path)
        return create()
    }

    /// Takes `path` off the list: it was renamed into place or removed.
    package static func remove(_ path: String) { registry.locked { $0.files.remove(path); $0.folders.remove(path) } }

    /// Runs `body` with the list locked, so a stop cannot remove a staging folder half way
    /// through a swap: it waits, then removes whatever the swap left at the staging path.
    package static func whileNoStop<T>(_ body: () throws -> T) rethrows -> T {
        registry.lock()
        defer { registry.unlock() }
        return try body()
    }

    /// Removes `folder` and the files directly in it (staging folders hold no subfolders).
    /// Returns false when something is left: a subfolder, or a file that could not go.
    @discardableResult
    package static func removeFolder(_ folder: String) -> Bool {
        removeFiles(in: folder) { _ in true }
    }

    /// Removes the files directly in `folder` whose names `removing` accepts, then the folder
    /// if that empties it. The folder is opened without following a link and emptied through
    /// its descriptor, so a symbolic link put in its place can never lead this into another.
    /// Returns false when the folder is still there.
    @discardableResult
    package static func removeFiles(in folder: String, _ removing: (String) -> Bool) -> Bool {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd >= 0, let dir = fdopendir(fd) {
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = entryName(entry)
                if name != "." && name != ".." && removing(name) { names.append(name) }
            }
            for name in names { unlinkat(fd, name, 0) }
            closedir(dir)  // closes fd too
        } else if fd >= 0 {
            close(fd)
        }
        return rmdir(folder) == 0 || errno == ENOENT
    }

    private static let registry = Registry()
}

/// The list behind `TemporaryOutputs`, guarded by a mutex (CordonCore has no Foundation).
private final class Registry: @unchecked Sendable {
    var files = Set<String>()
    var folders = Set<String>()
    /// Recursive: a swap holds it while the writes it finishes take their files off the list.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
        pthread_mutex_init(m, &attributes)
        pthread_mutexattr_destroy(&attributes)
        return m
    }()

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    func locked(_ body: (Registry) -> Void) {
        lock()
        defer { unlock() }
        body(self)
    }

    /// With the lock held: files first, then folders and whatever is in them.
    func removeAll() {
        for file in files { unlink(file) }
        for folder in folders { TemporaryOutputs.removeFolder(folder) }
        files.removeAll()
        folders.removeAll()
    }
}
