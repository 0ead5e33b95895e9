/// A comma-separated table read whole, as RFC 4180 writes it and as spreadsheets export it:
/// fields in double quotes may hold commas, doubled quotes and line breaks; a UTF-8 byte-order
/// mark is skipped; lines end in LF or CRLF; blank lines are skipped.
///
/// Price files (WFP VAM) are read through it; event files, much larger, through
/// ``CSVChunks`` and ``CSVScanner``, which it shares its rules with (it reads through one
/// scanner). Each row keeps the line on which it starts, so a bad value can be named by line
/// and column.
public struct CSVTable: Sendable {
    /// One record: the file line on which it starts (the first line is 1) and its fields.
    public struct Row: Sendable {
        /// The line on which the record starts.
        public let line: Int
        /// Its fields, as many as the header has (short rows are padded with empty fields).
        public let fields: [String]
    }

    /// The column names of the first record, trimmed of spaces.
    public let header: [String]
    /// Every record after the header, in file order.
    public var rows: [Row]

    /// Parses `bytes`.
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - file: The file's name, for messages.
    ///   - maxRows: The most records accepted (bounds memory before it is spent).
    /// - Throws: ``CSVError`` for an empty file, an unclosed quote, a row with more fields than the
    ///   header, or more than `maxRows` records.
    public init(bytes: [UInt8], file: String, maxRows: Int = 20_000_000) throws {
        var records: [Row] = []
        let header = try bytes.withUnsafeBufferPointer { buf -> [String] in
            var scanner = CSVScanner(buf, file: file)
            guard try scanner.next() else { throw CSVError(file: file, line: 1, column: nil, "empty: no header line") }
            let header = scanner.strings.map(\.trimmingSpaces)
            scanner.width = header.count
            while try scanner.next() {
                guard records.count < maxRows else {
                    throw CSVError(file: file, line: scanner.recordLine, column: nil, "more than \(maxRows) rows")
                }
                var fields = scanner.strings
                while fields.count < header.count { fields.append("") }
                records.append(Row(line: scanner.recordLine, fields: fields))
            }
            return header
        }
        self.header = header
        rows = records
    }

    /// The position of the first column named any of `names`, compared without case; nil when none is.
    public func column(_ names: String...) -> Int? { column(anyOf: names) }

    /// The position of the first column named any of `names`, compared without case.
    public func column(anyOf names: [String]) -> Int? { Self.column(anyOf: names, in: header) }

    /// The position in `header` of the first column named any of `names`, compared without
    /// case; nil when none is. For readers that scan a file themselves, with its header alone.
    public static func column(anyOf names: [String], in header: [String]) -> Int? {
        let lowered = header.map { $0.lowercased() }
        for name in names { if let k = lowered.firstIndex(of: name.lowercased()) { return k } }
        return nil
    }
}

extension CSVTable {
    /// The error naming `file`, the line `row` starts on and column `col`.
    public func error(in file: String, row: Row, column col: Int, _ reason: String) -> CSVError {
        CSVError(file: file, line: row.line, column: header[col], reason)
    }

    /// `row`'s field in column `col` as a finite number within `range`; otherwise an error naming
    /// the file, line and column.
    public func number(in file: String, row: Row, column col: Int, within range: ClosedRange<Double>) throws -> Double {
        let text = row.fields[col].trimmingSpaces
        guard let v = Double(text), v.isFinite, range.contains(v) else {
            throw error(in: file, row: row, column: col, "`\(text)` is not a number in [\(range.lowerBound), \(range.upperBound)]")
        }
        return v
    }
}

/// A fault in a CSV file, named by line and, when it is one value's, by column.
public struct CSVError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file as the user named it.
    public let file: String
    /// The line on which the faulty record starts (the first line is 1).
    public let line: Int
    /// The column's name, when one value is at fault.
    public let column: String?
    /// What is wrong.
    public let reason: String

    /// A fault at `line` (and `column`) of `file`.
    public init(file: String, line: Int, column: String?, _ reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `FILE: line N, column C: REASON`.
    public var description: String {
        "\(file): line \(line)" + (column.map { ", column `\($0)`" } ?? "") + ": \(reason)"
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line ends.
    public var trimmingSpaces: String {
        func space(_ c: UInt8?) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
        // Most fields have nothing to trim: answer without copying them.
        if !space(utf8.first), !space(utf8.last) { return self }
        let u = Array(utf8)
        var a = 0, b = u.count
        while a < b, space(u[a]) { a += 1 }
        while b > a, space(u[b - 1]) { b -= 1 }
        return a == 0 && b == u.count ? self : String(decoding: u[a..<b], as: UTF8.self)
    }
}
