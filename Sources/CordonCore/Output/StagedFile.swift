#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One output written in full but not yet in place (``AtomicFile/stage(to:holdingStdout:_:)``):
/// a synced temporary file beside its target, or the bytes for standard output.
package struct StagedFile {
    enum State {
        /// Beside the target, to be renamed over it.
        case temporary(String)
        /// Held back for standard output.
        case standardOutput([UInt8])
        /// Already written (a device, a pipe, or standard output streamed from a spool).
        case written
    }

    /// The output as the user named it.
    package let target: String
    let state: State

    /// Whether putting it in place writes standard output (which can fail on a full disk or a
    /// closed pipe), rather than renaming a file (which cannot run out of room).
    package var isStandardOutput: Bool {
        if case .standardOutput = state { return true }
        return false
    }

    /// Puts the output in place: renames the temporary file over the target, or writes
    /// standard output. On failure the temporary file is removed and the target is as it was.
    package func commit() throws {
        switch state {
        case .written:
            return
        case .standardOutput(let bytes):
            try bytes.withUnsafeBytes { try AtomicFile.writeAll(1, $0, path: "standard output") }
        case .temporary(let temp):
            guard rename(temp, target) == 0 else {
                let reason = systemErrorText()
                discard()
                throw FileWriteError(path: target, reason: reason)
            }
            TemporaryOutputs.remove(temp)
        }
    }

    /// Drops the output: the temporary file is removed and the target is left as it was.
    package func discard() {
        guard case .temporary(let temp) = state else { return }
        unlink(temp)
        TemporaryOutputs.remove(temp)
    }
}
