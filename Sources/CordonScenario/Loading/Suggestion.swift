/// "Did you mean" for misspelt keys and names.
enum Suggestion {
    /// The closest of `candidates` to `word`, if it is close enough to be a likely typo:
    /// at most 2 edits, or a third of the word for long ones.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    /// Words the message can end with: ", did you mean stock?" or the list of what is allowed.
    static func hint(for word: String, in candidates: [String]) -> String {
        if let near = closest(to: word, in: candidates) { return "did you mean \(near)?" }
        return "expected one of: \(candidates.joined(separator: ", "))"
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost 1.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
