import Dispatch

/// Work started on another thread and collected later. The value it computes is handed
/// over whole when it is done; the starter must give it inputs no one else touches.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, Error>?

    init(_ work: @escaping () throws -> Value) {
        let job = Handover(value: work)
        DispatchQueue.global().async {
            self.result = Result { try job.value() }
            self.done.signal()
        }
    }

    /// Waits for the value (or the error).
    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
