import CordonCore
import Dispatch

/// The threads a CSV file's pieces are read on (`CSVChunks.read`'s `run`).
enum PieceThreads {
    /// A `run` for `CSVChunks.read(_:file:pieces:run:header:body:)` on at most `threads`
    /// threads: the pieces are shared out among them in turn, so a command's `--jobs` caps the
    /// reading as it caps the rest of its work. One thread reads them all in a plain loop, on
    /// the caller's.
    ///
    /// - Parameter threads: The most threads to use, at least 1.
    static func run(onThreads threads: Int) -> (Int, @escaping @Sendable (Int) -> Void) -> Void {
        { pieces, body in
            let workers = min(pieces, max(1, threads))
            guard workers > 1 else {
                for k in 0..<pieces { body(k) }
                return
            }
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for k in stride(from: w, to: pieces, by: workers) { body(k) }
            }
        }
    }
}
