import Yams

/// Limits that keep a hostile scenario file from crashing or stalling the loader.
/// libyaml and Yams build nested lists and mappings by recursion, so a file nested
/// 100,000 deep would overflow the stack; aliases can multiply a few lines into
/// billions of values (the "billion laughs").
package enum YAMLLimits {
    /// Scenario files are small: larger ones are refused before they are read.
    package static let maxBytes = 16 << 20
    /// A scenario nests about 5 deep; see `firstTooDeepLine` for how depth is bounded.
    package static let maxDepth = 256
    /// Values in the file once every alias is expanded.
    package static let maxValues = 1_000_000

    /// The first line whose nesting may exceed `maxDepth`, checked on the text before any
    /// YAML parser sees it. The bound is deliberately generous (never below the real depth):
    /// open brackets, plus indentation columns, plus the `- `, `? ` and `: ` indicators that
    /// start the line.
    package static func firstTooDeepLine(_ text: String) -> Int? {
        let b = Array(text.utf8)
        var i = 0, line = 1, flow = 0
        while i < b.count {
            // The start of a line: indentation, then indicators that each open a level.
            var levels = 0
            while i < b.count, b[i] == .space { levels += 1; i += 1 }
            while i < b.count, [.dash, .question, .colon].contains(b[i]), i + 1 == b.count || [.space, .newline].contains(b[i + 1]) {
                levels += 1; i += 1
                while i < b.count, b[i] == .space { i += 1 }
            }
            // The rest of the line: brackets outside quotes and comments.
            var previous = UInt8.space
            while i < b.count, b[i] != .newline {
                let c = b[i]
                if (c == .doubleQuote || c == .singleQuote), [.space, .openBracket, .openBrace, .comma, .colon].contains(previous) {
                    i = endOfQuote(b, from: i, line: &line)
                    previous = c
                    continue
                }
                if c == .hash, previous == .space { while i < b.count, b[i] != .newline { i += 1 }; break }
                if c == .openBracket || c == .openBrace { flow += 1 }
                if c == .closeBracket || c == .closeBrace { flow = max(0, flow - 1) }
                if levels + flow > maxDepth { return line }
                previous = c
                i += 1
            }
            if levels + flow > maxDepth { return line }
            i += 1
            line += 1
        }
        return nil
    }

    /// The index just past a quoted scalar that opens at `start` (which may span lines).
    private static func endOfQuote(_ b: [UInt8], from start: Int, line: inout Int) -> Int {
        let quote = b[start]
        var i = start + 1
        while i < b.count {
            if b[i] == .newline { line += 1 }
            if quote == .doubleQuote, b[i] == .backslash { i += 2; continue }
            if b[i] == quote { return i + 1 }
            i += 1
        }
        return i
    }

    /// Whether `node`, with its aliases expanded, holds more than `maxValues` values.
    /// Stops counting at the limit, so a bomb costs no more than a file at the limit.
    package static func exceedsValues(_ node: Node) -> Bool {
        var budget = maxValues
        var stack = [node]
        while let n = stack.popLast() {
            budget -= 1
            if budget < 0 { return true }
            switch n {
            case .scalar: break
            case .sequence(let items): stack.append(contentsOf: items)
            case .mapping(let pairs):
                for pair in pairs { stack.append(pair.key); stack.append(pair.value) }
            }
        }
        return false
    }
}

private extension UInt8 {
    static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), dash = UInt8(ascii: "-")
    static let question = UInt8(ascii: "?"), colon = UInt8(ascii: ":"), hash = UInt8(ascii: "#")
    static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ","), openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
}
