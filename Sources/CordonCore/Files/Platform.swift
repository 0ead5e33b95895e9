#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Cordon is built and tested on Linux (glibc). Files that call the C library import it behind
// `canImport`, so the Darwin branch compiles on macOS; it is not tested there.

/// The C library's message for the current `errno`.
package func systemErrorText() -> String { String(cString: strerror(errno)) }
