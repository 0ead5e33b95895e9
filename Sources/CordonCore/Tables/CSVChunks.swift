/// A CSV file's records cut into pieces that can be read at the same time, one ``CSVScanner``
/// each, with the same records, fields and line numbers as one scanner reading them all.
///
/// A piece starts just after a line feed that an even number of quotes precedes (outside any
/// quoted field in a well-formed file), so a quoted line break never splits a record. Each
/// piece's first line is counted from the line feeds before it. A file where that guess could
/// be wrong (a stray quote after a closing one, a lone carriage return ending a line) is caught
/// by ``read(_:file:pieces:run:header:body:)``: a piece must end exactly where the next begins, on the
/// line it was given, or everything from that piece on is read again by one scanner.
public struct CSVChunks {
    /// One piece: records starting in `start..<end`, the first on `line`.
    public struct Piece: Sendable, Equatable {
        /// The first byte of its first record.
        public var start: Int
        /// Where the next piece starts.
        public var end: Int
        /// The line its first record starts on.
        public var line: Int
    }

    /// The header's fields, trimmed of spaces.
    public let header: [String]
    /// The pieces after the header, in file order.
    public let pieces: [Piece]

    /// Reads the header and cuts the records after it into at most `count` pieces of about
    /// equal size.
    /// - Throws: ``CSVError`` for an empty file or a header whose quote is never closed.
    public init(_ buf: UnsafeBufferPointer<UInt8>, file: String, count: Int) throws {
        var scanner = CSVScanner(buf, file: file)
        guard try scanner.next() else { throw CSVError(file: file, line: 1, column: nil, "empty: no header line") }
        header = scanner.strings.map(\.trimmingSpaces)
        let n = buf.count
        var start = scanner.position, line = scanner.line
        var pieces: [Piece] = []
        // Quotes and line feeds are counted from the end of the header on.
        var i = start, quotes = 0, feeds = 0
        let parts = max(1, count)
        for k in 1..<parts {
            let target = start + (n - start) / (parts - k + 1)
            guard target > i else { continue }
            // Eight bytes at a time (this pass runs before the pieces, on one thread).
            while i + 8 <= target {
                let word = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                quotes += Self.count(of: 0x22, in: word)
                feeds += Self.count(of: 0x0A, in: word)
                i += 8
            }
            while i < target {
                let b = buf[i]
                if b == UInt8(ascii: "\"") { quotes += 1 } else if b == UInt8(ascii: "\n") { feeds += 1 }
                i += 1
            }
            // On to a line feed outside quotes.
            while i < n {
                let b = buf[i]
                i += 1
                if b == UInt8(ascii: "\"") { quotes += 1 } else if b == UInt8(ascii: "\n") {
                    feeds += 1
                    if quotes % 2 == 0 { break }
                }
            }
            guard i < n else { break }
            pieces.append(Piece(start: start, end: i, line: line))
            start = i
            line = scanner.line + feeds
        }
        pieces.append(Piece(start: start, end: n, line: line))
        self.pieces = pieces
    }

    /// How many of the eight bytes of `word` are `byte`: a byte is zero in `word ^ pattern`
    /// exactly when the high bit of `~((x & 0x7F…) + 0x7F… | x | 0x7F…)` is set for it.
    static func count(of byte: UInt8, in word: UInt64) -> Int {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        let zero = ~(((x & low) &+ low) | x | low)
        return zero.nonzeroBitCount
    }

    /// Reads every record of `bytes` after the header, piece by piece, and returns what `body`
    /// made of each piece, in file order.
    /// - Parameters:
    ///   - bytes: The file.
    ///   - file: The file's name, for messages.
    ///   - pieces: How many pieces to cut the file into (the threads `run` may use).
    ///   - run: Calls its second argument once for each number below its first, on any threads
    ///     (`DispatchQueue.concurrentPerform`, or a plain loop).
    ///   - header: Called with the header before any piece is read (to find the columns, or
    ///     to refuse the file).
    ///   - body: Reads one piece's records with the scanner it is given (its ``CSVScanner/width``
    ///     set to the header's) and returns what it made of them; it may run on several threads
    ///     at once, each with its own scanner.
    /// - Returns: The header and one result per piece. Results and errors do not depend on
    ///   `pieces`: the first error in the file is the one thrown.
    public static func read<Part>(
        _ bytes: [UInt8], file: String, pieces: Int,
        run: (Int, @escaping @Sendable (Int) -> Void) -> Void,
        header: ([String]) throws -> Void = { _ in },
        body: (inout CSVScanner) throws -> Part
    ) throws -> (header: [String], parts: [Part]) {
        // `run` calls back into `body` on other threads; it never keeps either past its return.
        try withoutActuallyEscaping(body) { body in try bytes.withUnsafeBufferPointer { buf in
            let plan = try CSVChunks(buf, file: file, count: pieces)
            try header(plan.header)
            let width = plan.header.count
            func read(_ piece: Piece) -> (Result<Part, Error>, position: Int, line: Int) {
                var scanner = CSVScanner(buf, file: file, start: piece.start, end: piece.end, line: piece.line)
                scanner.width = width
                let result = Result { try body(&scanner) }
                return (result, scanner.position, scanner.line)
            }
            let results = Slots<(Result<Part, Error>, position: Int, line: Int)>(count: plan.pieces.count)
            // Each piece is read by one thread, through the file's bytes that none writes to.
            let reader = Unchecked(read)
            let planned = plan.pieces
            run(planned.count) { k in results.put(reader.value(planned[k]), at: k) }
            var parts: [Part] = []
            for (k, piece) in plan.pieces.enumerated() {
                let (result, position, line) = results.take(k)
                let part = try result.get()
                // The piece must end where the next begins, on the line it was given; if not,
                // the rest of the file is read again by one scanner.
                if k + 1 < plan.pieces.count, position != piece.end || line != plan.pieces[k + 1].line {
                    let rest = read(Piece(start: piece.start, end: buf.count, line: piece.line))
                    parts.append(try rest.0.get())
                    return (plan.header, parts)
                }
                parts.append(part)
            }
            return (plan.header, parts)
        } }
    }
}

/// One result per piece, written by whichever thread reads the piece (each slot by one thread
/// only, and read after every thread is done).
private final class Slots<T>: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
    }
    deinit {
        _ = values.deinitialize()
        values.deallocate()
    }
    func put(_ value: T, at k: Int) { values[k] = value }
    func take(_ k: Int) -> T { values[k]! }
}
