import CordonCore
import Foundation
import Testing

/// What others do to the output folder while a run is writing its set. The body of `write`
/// runs between the start's checks and the swap, so each test does its mischief there.
@Suite struct OutputFolderRaceTests {
    let fm = FileManager.default

    func scratch() throws -> String {
        let path = fm.temporaryDirectory.appendingPathComponent("cordon-race-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func put(_ text: String, _ path: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    func listing(_ path: String) throws -> [String] { try fm.contentsOfDirectory(atPath: path).sorted() }

    /// A user's note saved into the folder mid-run is not swept away: the swap is undone.
    @Test func aFileAddedWhileWritingKeepsTheOldFolderAndIsNamed() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let out = root + "/out"
        try fm.createDirectory(atPath: out, withIntermediateDirectories: false)
        try put("old", out + "/a.txt")
        #expect {
            try OutputFolder(out, files: ["a.txt"]).write { staging in
                try AtomicFile.write(Array("new".utf8), to: staging + "/a.txt")
                try put("mine", out + "/notes.txt")
            }
        } throws: { "\($0)".contains("notes.txt appeared in it while cordon was writing") }
        #expect(try listing(out) == ["a.txt", "notes.txt"])
        #expect(try read(out + "/a.txt") == "old")
        #expect(try listing(root) == ["out"])
    }

    /// The folder swapped for a link to another folder mid-run: the other folder's files, even
    /// those with Cordon's names, are never touched, and nothing is left beside them.
    @Test func aFolderReplacedByALinkWhileWritingIsLeftAlone() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let out = root + "/out", other = root + "/other"
        try fm.createDirectory(atPath: out, withIntermediateDirectories: false)
        try fm.createDirectory(atPath: other, withIntermediateDirectories: false)
        try put("old", out + "/a.txt")
        try put("the user's", other + "/a.txt")
        #expect {
            try OutputFolder(out, files: ["a.txt"]).write { staging in
                try AtomicFile.write(Array("new".utf8), to: staging + "/a.txt")
                try fm.moveItem(atPath: out, toPath: root + "/out.old")
                try fm.createSymbolicLink(atPath: out, withDestinationPath: other)
            }
        } throws: { "\($0)".contains("the folder was replaced while cordon was writing") }
        #expect(try read(other + "/a.txt") == "the user's")
        #expect(try read(root + "/out.old/a.txt") == "old")
        #expect(try listing(root) == ["other", "out", "out.old"])
    }

    /// The folder the command runs in is never swapped away under the shell.
    @Test func theCurrentFolderIsRefused() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let before = fm.currentDirectoryPath
        defer { _ = fm.changeCurrentDirectoryPath(before) }
        #expect(fm.changeCurrentDirectoryPath(root))
        #expect { try OutputFolder(".", files: ["a.txt"]).check() } throws: { "\($0)".contains("is the current folder") }
    }
}
