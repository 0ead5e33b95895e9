#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file mapped read-only into memory. A reader that goes through it once can
/// hand back the pages it has passed (`release(before:)`), so a large input never sits
/// in memory whole; a page touched again is simply read back from the file.
package final class MappedFile {
    package let bytes: UnsafeRawBufferPointer
    private var released = 0
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Hand pages back in steps this large: fewer system calls, same effect.
    private static let step = 8 << 20

    /// Maps `path`, or returns nil when it is not a regular, non-empty file (then read it instead).
    package init?(_ path: String, limit: Int) throws {
        guard path != "-" else { return nil }
        // Non-blocking: a FIFO opens at once instead of waiting for a writer (FileBytes refuses it).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }  // FileBytes reports the error
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        if size > limit {
            throw FileBytes.tooLarge(path, limit)
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        madvise(p, size, MADV_SEQUENTIAL)
        bytes = UnsafeRawBufferPointer(start: p, count: size)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }

    /// Drops the pages wholly before `offset` from memory.
    package func release(before offset: Int) {
        let end = offset / Self.page * Self.page
        guard end - released >= Self.step else { return }
        madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + released), end - released, MADV_DONTNEED)
        released = end
    }
}
