import CordonCore
import Testing

/// CSV read in pieces (docs/design.md#evidence): the pieces must give the records, fields and
/// line numbers one reader gives, wherever the cuts fall. Every expected value is written out by
/// hand from the text of the file in the test.
@Suite struct CSVChunksTests {
    /// Reads `text` in `pieces` pieces on one thread: each record as its line and fields.
    static func read(_ text: String, pieces: Int) throws -> [[String]] {
        let (header, parts) = try CSVChunks.read(Array(text.utf8), file: "t.csv", pieces: pieces,
                                                 run: { n, body in for k in 0..<n { body(k) } },
                                                 body: { scanner -> [[String]] in
            var rows: [[String]] = []
            while try scanner.next() { rows.append(["\(scanner.recordLine)"] + scanner.strings) }
            return rows
        })
        return [header] + parts.flatMap { $0 }
    }

    /// A BOM, CRLF line ends, quoted commas, doubled quotes and quoted line breaks (CRLF ones
    /// too), a blank line: by hand, record by record, with the line each starts on.
    static let file = "\u{FEFF}id,text,n\r\n"
        + "1,\"a, b\",10\r\n"                       // line 2
        + "2,\"two\r\nlines\",20\r\n"               // lines 3-4
        + "3,\"say \"\"hi\"\"\",30\r\n"             // line 5
        + "\r\n"                                     // line 6, blank
        + "4,\"x\ny\nz\",40\r\n"                     // lines 7-9
        + "5,plain,50\r\n"                           // line 10
        + "6,\"\"\"\",60"                            // line 11, no line end at the end
    static let expected: [[String]] = [
        ["id", "text", "n"],
        ["2", "1", "a, b", "10"],
        ["3", "2", "two\r\nlines", "20"],
        ["5", "3", "say \"hi\"", "30"],
        ["7", "4", "x\ny\nz", "40"],
        ["10", "5", "plain", "50"],
        ["11", "6", "\"", "60"],
    ]

    @Test func everyNumberOfPiecesReadsTheSameRecords() throws {
        for pieces in 1...40 {
            #expect(try Self.read(Self.file, pieces: pieces) == Self.expected, "pieces: \(pieces)")
        }
        // The sequential table reads the same.
        let table = try CSVTable(bytes: Array(Self.file.utf8), file: "t.csv")
        #expect([table.header] + table.rows.map { ["\($0.line)"] + $0.fields } == Self.expected)
    }

    /// The cuts land just after a line feed outside quotes: never inside `"x\ny\nz"` nor between
    /// a carriage return and its line feed.
    @Test func cutsFallAfterALineFeedOutsideQuotes() throws {
        let bytes = Array(Self.file.utf8)
        // Line starts: the byte after each line feed (the BOM is 3 bytes, the header line 11).
        var starts: [Int] = []
        var i = 0
        for line in Self.file.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast() {
            i += line.count + 1
            starts.append(i)
        }
        // starts[k] is where line k + 2 starts. Line feeds inside quoted fields are not record
        // starts: lines 4 ("lines"), 8 ("y") and 9 ("z").
        let inside = Set([starts[2], starts[6], starts[7]])
        let allowed = Set(starts).subtracting(inside)
        for count in 1...40 {
            let plan = try bytes.withUnsafeBufferPointer { try CSVChunks($0, file: "t.csv", count: count) }
            #expect(plan.pieces.first?.start == 3 + 11)
            #expect(plan.pieces.last?.end == bytes.count)
            for (a, b) in zip(plan.pieces, plan.pieces.dropFirst()) {
                #expect(a.end == b.start)
                #expect(allowed.contains(b.start), "count \(count): a cut at \(b.start)")
                // The line a piece starts on is 1 + the line feeds before it.
                #expect(b.line == 1 + bytes[..<b.start].filter { $0 == UInt8(ascii: "\n") }.count)
            }
        }
    }

    /// A stray quote after a closing one (`"a"b"c`, kept as spreadsheets do) makes the quote
    /// count odd, and a lone carriage return ends a line without a line feed: the guessed cuts
    /// are then wrong, and the pieces after them are read again by one reader.
    @Test func wrongGuessesAreReadAgain() throws {
        // After line 2's three quotes, the line feed inside "x\ny" has an even count before it:
        // a cut there is wrong, and found wrong when the first piece reads past it.
        let stray = "k,v\n1,\"a\"b\"c\n2,\"x\ny\"\n3,z\n4,w\n"
        let expected = [["k", "v"], ["2", "1", "ab\"c"], ["3", "2", "x\ny"], ["5", "3", "z"], ["6", "4", "w"]]
        for pieces in 1...12 { #expect(try Self.read(stray, pieces: pieces) == expected, "pieces: \(pieces)") }
        let lone = "k,v\r1,a\r2,b\n3,c\n4,d\n"
        let loneExpected = [["k", "v"], ["2", "1", "a"], ["3", "2", "b"], ["4", "3", "c"], ["5", "4", "d"]]
        for pieces in 1...12 { #expect(try Self.read(lone, pieces: pieces) == loneExpected, "pieces: \(pieces)") }
    }

    /// Errors name the same line however the file is cut: the first in the file.
    @Test func errorsNameTheLineWhateverTheCuts() throws {
        func fault(_ text: String, _ pieces: Int) -> String {
            do { _ = try Self.read(text, pieces: pieces); return "no error" } catch { return "\(error)" }
        }
        // Line 5 has three fields; line 7 opens a quote it never closes.
        let text = "a,b\n1,2\n3,4\n5,6\n7,8,9\n10,11\n\"open,12\n13,14\n"
        for pieces in 1...10 {
            #expect(fault(text, pieces) == "t.csv: line 5: 3 fields, the header has 2 (a comma outside quotes?)", "pieces: \(pieces)")
        }
        let unclosed = "a,b\n1,2\n3,4\n5,6\n\"open,8\n9,10\n"
        for pieces in 1...10 {
            #expect(fault(unclosed, pieces) == "t.csv: line 5: a quoted field is never closed", "pieces: \(pieces)")
        }
        #expect(fault("\u{FEFF}\r\n\n", 2) == "t.csv: line 1: empty: no header line")
    }

    /// Random files of quotes, commas, line feeds and carriage returns: any number of pieces
    /// gives what one reader gives, records, lines and errors alike (a fixed seed, so the same
    /// files every run).
    @Test func randomFilesReadTheSameInPieces() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet: [Character] = ["a", "b", ",", "\"", "\n", "\r", "1"]
        func outcome(_ text: String, _ pieces: Int) -> String {
            do { return "\(try Self.read(text, pieces: pieces))" } catch { return "\(error)" }
        }
        for _ in 0..<1500 {
            let text = "h,i\n" + String((0..<(8 + next(56))).map { _ in alphabet[next(alphabet.count)] })
            let one = outcome(text, 1)
            for pieces in 2...6 { #expect(outcome(text, pieces) == one, "\(text.debugDescription), pieces: \(pieces)") }
        }
    }

    /// Plain decimals read from bytes give the Double that `Double(String)` gives; other forms
    /// are left to it (nil here).
    @Test func decimalsFromBytesAreTheDoublesOfTheirText() {
        let plain = ["0", "-0", "+3", "36.2", "-180", "37.15001", "0.1", "123456789.012345", "00042.50", "999999999999999",
                     "0.00000000000001", "12345.678901234"]
        for text in plain {
            let fast = Array(text.utf8).withUnsafeBufferPointer { CSVNumber.decimal($0) }
            #expect(fast != nil && fast == Double(text), "\(text)")
            #expect(fast?.sign == Double(text)?.sign, "\(text)")
        }
        // Too many digits for an exact integer, an exponent, no digit before or after the point.
        for text in ["1234567890123456", "1e5", ".5", "5.", "-", "", "1,5", "0x10", "inf", "1 "] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { CSVNumber.decimal($0) } == nil, "\(text)")
        }
    }
}
