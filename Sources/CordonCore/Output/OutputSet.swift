#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Several output files, in any folders, that appear together or not at all: for a command
/// that writes more than one file (`cordon simulate -o timeline.csv --summary summary.json`).
/// A folder of outputs is ``OutputFolder``'s job.
///
/// Each file is first written in full beside its target (a synced temporary file, or memory
/// for standard output). Only when every one is written does ``commit()`` put them in place:
/// standard output first (it can still fail, on a full disk or a closed pipe), then each file
/// renamed over its target. If a rename fails, the files renamed before it get their previous
/// content back, so every target ends as it began.
///
///     var outputs = OutputSet()
///     try outputs.add(Array(csv.utf8), to: "timeline.csv")
///     try outputs.add(Array(json.utf8), to: "summary.json")
///     try outputs.commit()
public struct OutputSet {
    private var staged: [StagedFile] = []

    /// An empty set: nothing written yet.
    public init() {}

    /// Writes `bytes` beside `path` ("-": held back for standard output). Nothing is in place
    /// until ``commit()``; on failure everything added so far is dropped.
    /// - Throws: ``FileWriteError`` naming `path`.
    public mutating func add(_ bytes: [UInt8], to path: String) throws {
        try add(to: path) { $0.append(contentsOf: bytes) }
    }

    /// Writes what `body` gives beside `path`, as ``add(_:to:)`` does.
    public mutating func add(to path: String, _ body: (inout ByteOutput) throws -> Void) throws {
        do {
            staged.append(try AtomicFile.stage(to: path, body))
        } catch {
            discard()
            throw error
        }
    }

    /// Puts every output in place, standard output first. On failure nothing is left behind
    /// and every file target holds what it held before.
    /// - Throws: ``FileWriteError`` naming the output that could not be written.
    public func commit() throws {
        do {
            for file in staged where file.isStandardOutput { try file.commit() }
        } catch {
            discard()
            throw error
        }
        // A stop (SIGINT, SIGTERM) waits for the renames, so it never splits the set.
        try TemporaryOutputs.whileNoStop { try renameAll() }
    }

    /// Drops every output added: temporary files are removed, targets stay as they were.
    public func discard() {
        staged.forEach { $0.discard() }
    }

    private func renameAll() throws {
        let files = staged.filter { !$0.isStandardOutput }
        var done: [(target: String, previous: Previous)] = []
        for (i, file) in files.enumerated() {
            let previous = Previous.keep(file.target)
            do {
                try file.commit()
            } catch {
                previous.drop()
                for (target, previous) in done.reversed() { previous.restore(over: target) }
                files[(i + 1)...].forEach { $0.discard() }
                throw error
            }
            done.append((file.target, previous))
        }
        for (_, previous) in done { previous.drop() }
    }
}

/// What a target held before a set's rename replaced it, kept as a hard link until the whole
/// set is in place.
private enum Previous {
    /// There was no file: undoing means removing the new one.
    case none
    /// A link to the old file, beside it.
    case kept(String)
    /// The old file could not be linked (a file system without hard links): it cannot be put
    /// back, so undoing leaves the new file.
    case lost

    static func keep(_ target: String) -> Previous {
        var st = stat()
        guard lstat(target, &st) == 0 else { return .none }
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let aside = "\(folder).\(name).\(getpid())-\(AtomicFile.uniqueNumber()).old"
        return link(target, aside) == 0 ? .kept(aside) : .lost
    }

    func restore(over target: String) {
        switch self {
        case .none: unlink(target)
        case .kept(let link): rename(link, target)
        case .lost: break
        }
    }

    func drop() {
        if case .kept(let link) = self { unlink(link) }
    }
}
