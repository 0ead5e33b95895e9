import CGEOS

/// Collects what GEOS says through its message handlers, so nothing reaches stderr.
final class GEOSMessageSink {
    var lastError: String?
    var lastNotice: String?
}

private func sinkHandler(_ kind: Int) -> GEOSMessageHandler_r {
    // Two C function pointers (no captures): one for errors, one for notices.
    if kind == 0 {
        return { message, userData in
            guard let userData, let message else { return }
            let sink = Unmanaged<GEOSMessageSink>.fromOpaque(userData).takeUnretainedValue()
            sink.lastError = String(cString: message)
        }
    }
    return { message, userData in
        guard let userData, let message else { return }
        let sink = Unmanaged<GEOSMessageSink>.fromOpaque(userData).takeUnretainedValue()
        sink.lastNotice = String(cString: message)
    }
}

/// One GEOS context handle. It is not `Sendable`: a context and the geometries
/// made with it stay in one task or thread, as GEOS requires. Make one per worker.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    let sink = GEOSMessageSink()

    /// A new GEOS context whose errors and notices are kept, never printed.
    ///
    /// - Throws: ``GeometryError/geos(operation:message:)`` when GEOS cannot allocate one
    ///   (`GEOS_init_r` fails only when memory runs out).
    public init() throws {
        guard let h = GEOS_init_r() else {
            throw GeometryError.geos(operation: "create a context", message: "out of memory")
        }
        handle = h
        let user = Unmanaged.passUnretained(sink).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(h, sinkHandler(0), user)
        _ = GEOSContext_setNoticeMessageHandler_r(h, sinkHandler(1), user)
    }

    deinit { GEOS_finish_r(handle) }

    /// The GEOS version this process runs, e.g. "3.11.1-CAPI-1.17.1".
    public static var version: String { String(cString: GEOSversion()) }

    /// Clears the last message before a call, so a failure reports its own text.
    @inline(__always) func reset() { sink.lastError = nil }

    func error(_ operation: String) -> GeometryError {
        .geos(operation: operation, message: sink.lastError ?? sink.lastNotice ?? "no message from GEOS")
    }

    /// Runs a GEOS call that returns a new geometry; NULL becomes a Swift error.
    func make(_ operation: String, _ call: (GEOSContextHandle_t) -> OpaquePointer?) throws -> Geometry {
        reset()
        guard let p = call(handle) else { throw error(operation) }
        return Geometry(owning: p, context: self)
    }

    /// Runs a GEOS predicate (0 false, 1 true, 2 exception).
    func predicate(_ operation: String, _ call: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        reset()
        let r = call(handle)
        if r == 2 { throw error(operation) }
        return r == 1
    }

    /// Runs a GEOS call that reports success with a non-zero int.
    func status(_ operation: String, _ call: (GEOSContextHandle_t) -> Int32) throws {
        reset()
        if call(handle) == 0 { throw error(operation) }
    }
}
