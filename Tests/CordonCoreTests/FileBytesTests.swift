#if canImport(Glibc)
import Glibc
#endif
import CordonCore
import Foundation
import Testing

/// Only regular files are read by path: a FIFO or a device is refused before a byte is read,
/// so a pipe nobody writes to cannot hang a command and /dev/zero cannot fill memory.
@Suite struct FileBytesTests {
    @Test func aFIFOIsRefusedAtOnceWithoutAWriter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("map.geojson").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: FileReadError(path: fifo, reason: "is a named pipe (FIFO), not a file: give a file, or - for standard input")) {
            try FileBytes.read(fifo, limit: 1 << 20)
        }
    }

    @Test func devicesAreRefusedEvenBehindALink() throws {
        #expect(throws: FileReadError(path: "/dev/zero", reason: "is a character device, not a file: give a file, or - for standard input")) {
            try FileBytes.read("/dev/zero", limit: 1 << 30)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-dev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("scenario.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/urandom")
        #expect(throws: FileReadError.self) { try FileBytes.read(link, limit: 1 << 30) }
    }

    @Test func regularFilesAndFoldersAsBefore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.yaml")
        try Data("start: 2016-07-01\n".utf8).write(to: file)
        #expect(try FileBytes.read(file.path, limit: 100) == Array("start: 2016-07-01\n".utf8))
        #expect(throws: FileReadError(path: folder.path, reason: "is a folder, not a file")) {
            try FileBytes.read(folder.path, limit: 100)
        }
        #expect(throws: FileReadError(path: file.path, reason: "the file is larger than the limit of 0 MiB")) {
            try FileBytes.read(file.path, limit: 10)
        }
    }
}
