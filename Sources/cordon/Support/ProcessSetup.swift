import CordonCore
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the command line arranges before any command runs, so that every way of stopping or
/// failing ends with the previous outputs intact and a known exit status.
enum ProcessSetup {
    static func prepare() {
        occupyClosedStandardStreams()
        // A closed pipe (`cordon measure f | head`) or a file-size limit (`ulimit -f`) makes the
        // write fail with EPIPE or EFBIG, reported in one line with exit status 1, instead of
        // killing the program without a word.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        StopSignals.install()
        // Freed blocks are kept for reuse rather than handed back to the system at once: a
        // timeline builds and drops the same few large grids and buffers period after period,
        // and taking fresh pages each time cost a tenth of its CPU in page faults.
        // (mallopt is glibc's, from <malloc.h>, which Swift's Glibc module leaves out.)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        if let symbol = dlsym(nil, "mallopt") {
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD: blocks below 32 MiB come from the heap
            _ = mallopt(-1, 128 << 20)  // M_TRIM_THRESHOLD: up to 128 MiB free at its top is kept
        }
    }

    /// What a command holds until the process ends: the system takes its memory back at once
    /// at exit, where freeing a large map's areas one by one costs more than writing the pockets.
    nonisolated(unsafe) private static var keptUntilExit: [Any] = []

    /// Keeps `value` alive until the process ends (call from the command's own task only).
    static func keepUntilExit(_ value: Any) { keptUntilExit.append(value) }

    /// Started with standard output closed (`>&-`), the first file Cordon opened would take its
    /// number and `print` would write into an output. A read-only /dev/null holds the place
    /// instead, so writing to standard output fails ("Bad file descriptor") as it should.
    private static func occupyClosedStandardStreams() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", O_RDONLY)
            guard placeholder >= 0 else { continue }
            if placeholder != fd {
                dup2(placeholder, fd)
                close(placeholder)
            }
        }
    }
}

/// SIGINT, SIGTERM and SIGHUP remove every temporary file and staging folder being written
/// (`TemporaryOutputs`), then end the program with 128 + the signal's number (130, 143, 129).
///
/// The work is done on a dispatch queue that the signal wakes, not in a signal handler, so it
/// may lock, allocate and walk folders. A signal that was ignored when Cordon started (a
/// background job, `nohup`) stays ignored.
enum StopSignals {
    private static let queue = DispatchQueue(label: "cordon.stop-signals")
    /// Kept for the life of the program: a released source stops listening.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            var previous = sigaction()
            sigaction(number, nil, &previous)
            if isIgnored(previous) { continue }
            // Dispatch sees the signal only once its default action (ending the process) is off.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                TemporaryOutputs.removeAllBeforeExit()
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        return handler.map { unsafeBitCast($0, to: Int.self) == 1 } ?? false  // SIG_IGN is handler 1
    }
}
