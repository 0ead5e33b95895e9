import CordonCore
import Foundation
import Testing

/// Sets of outputs: a folder swapped in whole (`OutputFolder`), files put in place together
/// (`OutputSet`), the checks against replacing inputs, and the list of temporary paths that a
/// stop removes (`TemporaryOutputs`).
@Suite struct OutputFolderTests {
    let fm = FileManager.default

    func scratch() throws -> String {
        let path = fm.temporaryDirectory.appendingPathComponent("cordon-core-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    func listing(_ path: String) throws -> [String] {
        try fm.contentsOfDirectory(atPath: path).sorted()
    }

    @Test func aNewFolderAppearsWithTheWholeSetAndNothingBeside() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let out = OutputFolder(root + "/deep/out", files: ["a.txt", "b.txt"])
        try out.write { staging in
            try AtomicFile.write(Array("A".utf8), to: staging + "/a.txt")
            try AtomicFile.write(Array("B".utf8), to: staging + "/b.txt")
        }
        #expect(try listing(root + "/deep/out") == ["a.txt", "b.txt"])
        #expect(try listing(root + "/deep") == ["out"])
    }

    @Test func anExistingFolderIsReplacedWholeIncludingFilesTheNewSetLacks() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let path = root + "/out"
        try fm.createDirectory(atPath: path, withIntermediateDirectories: false)
        try write("old A", path + "/a.txt")
        try write("old B", path + "/b.txt")
        try write("killed writer", path + "/.b.txt.999-1.tmp")
        try OutputFolder(path, files: ["a.txt", "b.txt"]).write { staging in
            try AtomicFile.write(Array("new A".utf8), to: staging + "/a.txt")
        }
        #expect(try listing(path) == ["a.txt"])
        #expect(try read(path + "/a.txt") == "new A")
        #expect(try listing(root) == ["out"])
    }

    @Test func aFailureLeavesTheOldFolderAsItWasAndNoStagingFolder() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let path = root + "/out"
        try fm.createDirectory(atPath: path, withIntermediateDirectories: false)
        try write("old A", path + "/a.txt")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try OutputFolder(path, files: ["a.txt", "b.txt"]).write { staging in
                try AtomicFile.write(Array("new A".utf8), to: staging + "/a.txt")
                throw Boom()
            }
        }
        #expect(try listing(path) == ["a.txt"])
        #expect(try read(path + "/a.txt") == "old A")
        #expect(try listing(root) == ["out"])
    }

    @Test func errorsNameTheOutputFileNotTheStagingFolder() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let error = #expect(throws: FileWriteError.self) {
            try OutputFolder(root + "/out", files: ["a.txt"]).write { staging in
                throw FileWriteError(path: staging + "/a.txt", reason: "No space left on device")
            }
        }
        #expect(error?.description == "cannot write \(root)/out/a.txt: No space left on device")
    }

    @Test func aFolderWithAFileCordonDidNotWriteIsRefusedAndUntouched() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let path = root + "/out"
        try fm.createDirectory(atPath: path, withIntermediateDirectories: false)
        try write("old A", path + "/a.txt")
        try write("my notes", path + "/notes.txt")
        let out = OutputFolder(path, files: ["a.txt"])
        let error = #expect(throws: OutputFolderError.self) {
            try out.write { _ in Issue.record("the body ran") }
        }
        #expect(error?.description.hasPrefix("\(path): holds notes.txt, which cordon did not write") == true)
        #expect(throws: OutputFolderError.self) { try out.check() }
        #expect(try listing(path) == ["a.txt", "notes.txt"])
        #expect(try listing(root) == ["out"])
    }

    /// Dated files of a known family are Cordon's: kept out of the refusal and removed with the
    /// old set; a name that only looks like one (no real date) is not.
    @Test func datedFilesOfAKnownFamilyAreCordons() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let path = root + "/out"
        try fm.createDirectory(atPath: path, withIntermediateDirectories: false)
        try write("old", path + "/pockets-2016-07-20.geojson")
        let family = DatedFileName(prefix: "pockets-", suffix: ".geojson")
        #expect(family.matches("pockets-2016-07-20.geojson") && family.name(Day(iso: "2016-07-20")!) == "pockets-2016-07-20.geojson")
        for name in ["pockets-2016-13-01.geojson", "pockets-2016-7-20.geojson", "pockets-2016-07-20.json", "pockets.geojson"] {
            #expect(!family.matches(name), "\(name)")
        }
        let out = OutputFolder(path, files: ["a.txt"], dated: [family])
        try out.write { staging in try AtomicFile.write(Array("A".utf8), to: staging + "/a.txt") }
        #expect(try listing(path) == ["a.txt"])

        try write("x", path + "/pockets-2016-02-30.geojson")
        #expect(throws: OutputFolderError.self) { try out.check() }
    }

    @Test func aSubfolderUnderAnOutputNameIsNotCordons() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        try fm.createDirectory(atPath: root + "/out/a.txt", withIntermediateDirectories: true)
        #expect(throws: OutputFolderError.self) { try OutputFolder(root + "/out", files: ["a.txt"]).check() }
    }

    @Test func aFileInTheFoldersPlaceIsRefused() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        try write("a file", root + "/out")
        let error = #expect(throws: OutputFolderError.self) { try OutputFolder(root + "/out", files: ["a.txt"]).check() }
        #expect(error?.reason == "cannot create the output folder: a file is in the way")
        #expect(try read(root + "/out") == "a file")
    }

    @Test func aLinkToAFolderReplacesTheRealFolderAndKeepsTheLink() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        try fm.createDirectory(atPath: root + "/real", withIntermediateDirectories: false)
        try write("old", root + "/real/a.txt")
        try fm.createSymbolicLink(atPath: root + "/link", withDestinationPath: "real")
        try OutputFolder(root + "/link", files: ["a.txt"]).write { staging in
            try AtomicFile.write(Array("new".utf8), to: staging + "/a.txt")
        }
        #expect(try fm.destinationOfSymbolicLink(atPath: root + "/link") == "real")
        #expect(try read(root + "/real/a.txt") == "new")
        #expect(try listing(root) == ["link", "real"])
    }

    @Test func theFoldersPermissionsCarryOver() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        try fm.createDirectory(atPath: root + "/out", withIntermediateDirectories: false,
                               attributes: [.posixPermissions: 0o750])
        try OutputFolder(root + "/out", files: ["a.txt"]).write { staging in
            try AtomicFile.write(Array("A".utf8), to: staging + "/a.txt")
        }
        let mode = try fm.attributesOfItem(atPath: root + "/out")[.posixPermissions] as? Int
        #expect(mode == 0o750)
    }

    /// What a stop does to each staging folder on the list (the command-line tests send the signals).
    @Test func aStagingFolderGoesWithEverythingInIt() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let staging = root + "/.out.cordon-1-1.tmp"
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
        try write("done", staging + "/a.txt")
        try write("half", staging + "/.b.txt.1-2.tmp")
        #expect(TemporaryOutputs.removeFolder(staging))
        #expect(try listing(root) == [])
    }

    // MARK: OutputSet

    @Test func aSetPutsEveryFileInPlaceAtOnce() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        try write("old", root + "/a.csv")
        var set = OutputSet()
        try set.add(Array("new a".utf8), to: root + "/a.csv")
        try set.add(Array("new b".utf8), to: root + "/b.json")
        #expect(try read(root + "/a.csv") == "old")
        #expect(!fm.fileExists(atPath: root + "/b.json"))
        try set.commit()
        #expect(try read(root + "/a.csv") == "new a")
        #expect(try read(root + "/b.json") == "new b")
        #expect(try listing(root) == ["a.csv", "b.json"])
    }

    @Test func aRenameThatFailsPutsBackWhatEarlierRenamesReplaced() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        try write("old a", root + "/a.csv")
        var set = OutputSet()
        try set.add(Array("new a".utf8), to: root + "/a.csv")
        try set.add(Array("new b".utf8), to: root + "/b.json")
        // A folder takes b.json's place after the file was staged: its rename must fail.
        try fm.createDirectory(atPath: root + "/b.json/inside", withIntermediateDirectories: true)
        #expect(throws: FileWriteError.self) { try set.commit() }
        #expect(try read(root + "/a.csv") == "old a")
        #expect(try listing(root) == ["a.csv", "b.json"])
    }

    @Test func aDroppedSetLeavesNothing() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        var set = OutputSet()
        try set.add(Array("new".utf8), to: root + "/a.csv")
        set.discard()
        #expect(try listing(root) == [])
    }

    // MARK: Checks

    @Test func anOutputThatIsAnInputIsRefusedThroughLinksAndSpellings() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        try write("input", root + "/in.yaml")
        try fm.createSymbolicLink(atPath: root + "/link.yaml", withDestinationPath: "in.yaml")
        try fm.linkItem(atPath: root + "/in.yaml", toPath: root + "/hard.yaml")
        for output in [root + "/in.yaml", root + "/./in.yaml", root + "/link.yaml", root + "/hard.yaml"] {
            let error = #expect(throws: OutputReplacesInputError.self) {
                try OutputChecks.refuseReplacing(inputs: [root + "/in.yaml"], with: [output])
            }
            #expect(error?.description == "\(output): would replace the input \(root)/in.yaml; choose another output")
        }
        try OutputChecks.refuseReplacing(inputs: [root + "/in.yaml", "-"], with: ["-", "/dev/null", root + "/new.csv"])
    }

    @Test func twoOutputsOnOneFileAreRefused() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        #expect(throws: OutputGivenTwiceError.self) {
            try OutputChecks.refuseDuplicates([("-o", root + "/a.csv"), ("--summary", root + "/./a.csv")])
        }
        try OutputChecks.refuseDuplicates([("-o", "-"), ("--summary", "-")])
        try OutputChecks.refuseDuplicates([("-o", "/dev/null"), ("--summary", "/dev/null")])
    }
}
