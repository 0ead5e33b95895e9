import CordonCore

/// How a snapshot's date is written in its file or layer name: strftime-style fields among
/// literal text, matched anywhere in the name (docs/design.md#history).
///
/// Fields: `%Y` four-digit year, `%m` two-digit month, `%d` two-digit day, `%j` three-digit
/// day of the year, `%b` English month abbreviation (`Jan`, any case), `%%` a percent sign.
public struct DatePattern: Sendable, CustomStringConvertible {
    private enum Token: Equatable {
        case literal(Character)
        case year, month, day, dayOfYear, monthName
    }

    private let tokens: [Token]
    /// The pattern as given.
    public let description: String

    /// Parses a pattern; nil with a reason when it names an unknown field or cannot fix a day.
    public init(_ text: String) throws {
        description = text
        var out: [Token] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            i = text.index(after: i)
            guard c == "%" else { out.append(.literal(c)); continue }
            guard i < text.endIndex else { throw DatePatternError(pattern: text, "ends with a lone %") }
            let f = text[i]
            i = text.index(after: i)
            switch f {
            case "Y": out.append(.year)
            case "m": out.append(.month)
            case "d": out.append(.day)
            case "j": out.append(.dayOfYear)
            case "b": out.append(.monthName)
            case "%": out.append(.literal("%"))
            default: throw DatePatternError(pattern: text, "%\(f) is not a field it knows (%Y %m %d %j %b %%)")
            }
        }
        let has = { (t: Token) in out.contains(t) }
        let monthDay = (has(.month) || has(.monthName)) && has(.day)
        guard has(.year), monthDay || has(.dayOfYear) else {
            throw DatePatternError(pattern: text, "needs %Y and either %m (or %b) with %d, or %j")
        }
        tokens = out
    }

    /// The date written in `name`: the leftmost place where the pattern matches and names a
    /// real day; nil when there is none.
    public func day(in name: String) -> Day? {
        let chars = Array(name)
        for start in chars.indices {
            if let d = match(chars, from: start) { return d }
        }
        return nil
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private func match(_ s: [Character], from start: Int) -> Day? {
        var i = start
        var year: Int?, month: Int?, day: Int?, ordinal: Int?
        func digits(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for c in s[i..<(i + n)] {
                guard let d = c.wholeNumberValue, c.isASCII else { return nil }
                v = v * 10 + d
            }
            i += n
            return v
        }
        for t in tokens {
            switch t {
            case .literal(let c):
                guard i < s.count, s[i] == c else { return nil }
                i += 1
            case .year: guard let v = digits(4) else { return nil }; year = v
            case .month: guard let v = digits(2) else { return nil }; month = v
            case .day: guard let v = digits(2) else { return nil }; day = v
            case .dayOfYear: guard let v = digits(3) else { return nil }; ordinal = v
            case .monthName:
                guard i + 3 <= s.count, let k = Self.months.firstIndex(of: String(s[i..<(i + 3)]).lowercased()) else { return nil }
                month = k + 1
                i += 3
            }
        }
        guard let year else { return nil }
        if let month, let day { return Day(year: year, month: month, day: day) }
        guard let ordinal, ordinal >= 1, let first = Day(year: year, month: 1, day: 1) else { return nil }
        let d = first + (ordinal - 1)
        return d.components.year == year ? d : nil
    }
}

/// A `--date-pattern` that cannot date anything.
public struct DatePatternError: Error, CustomStringConvertible, Sendable {
    /// The pattern as given.
    public let pattern: String
    /// What is wrong with it.
    public let reason: String

    init(pattern: String, _ reason: String) {
        self.pattern = pattern
        self.reason = reason
    }

    /// `date pattern '%Y-%q': %q is not a field it knows (...)`.
    public var description: String { "date pattern '\(pattern)': \(reason)" }
}
