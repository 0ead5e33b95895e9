import CordonCore
import CordonSources
import CordonSupply
import Foundation
import Yams

/// A copy of a scenario file with the calibrated inputs' ranges narrowed, written line by line
/// so every other line (comments included) stays as the author wrote it.
public enum CalibratedCopy {
    /// The copy's text: each calibrated `uncertainty.vary` entry becomes `uniform: [P5, P95]` of the
    /// accepted runs, under a comment saying where it came from and what it was; the siege's
    /// `map`, `routes` and `districts` paths point at the original's files. Nil when no run was
    /// accepted (nothing to narrow to).
    ///
    /// - Parameters:
    ///   - text: The original file's text.
    ///   - report: The calibration of that file.
    public static func text(_ text: String, report: CalibrationReport) -> String? {
        let calibration = report.calibration
        guard calibration.accepted > 0 else { return nil }
        let scenario = report.observed.scenario
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let keyLines = varyKeyLines(text)
        let vary = scenario.supply.uncertainty?.vary ?? []
        let against = report.observed.model.scenario.observations.enumerated()
            .filter { o, _ in calibration.checks.contains { $0.index == o && $0.compared } }
            .map { "\($0.element.what.spelling) \(OutcomeText.observed($0.element)) (\($0.element.source))" }
        // From the last entry up, so earlier line numbers stay right.
        var edits: [(line: Int, input: AcceptedRange)] = []
        for input in calibration.inputs {
            guard let j = vary.firstIndex(of: input.variation), j < keyLines.count else { continue }
            edits.append((keyLines[j], input))
        }
        for (line, input) in edits.sorted(by: { $0.line > $1.line }) {
            guard let p5 = input.p5, let p50 = input.p50, let p95 = input.p95, line - 1 < lines.count else { continue }
            let first = line - 1
            let original = lines[first]
            let indent = original.prefix { $0 == " " }.count
            var last = first
            while last + 1 < lines.count {
                let next = lines[last + 1]
                let nextIndent = next.prefix { $0 == " " }.count
                guard !next.trimmingCharacters(in: .whitespaces).isEmpty, nextIndent > indent else { break }
                last += 1
            }
            let was = lines[first...last].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let pad = String(repeating: " ", count: indent)
            let key = keyText(original, indent: indent)
            let n = CalibrationReport.number
            lines.replaceSubrange(first...last, with: [
                "\(pad)# cordon calibrate: P5-P95 of the \(calibration.accepted) of \(calibration.runs) runs (seed \(calibration.seed)) "
                    + "that agree with \(against.joined(separator: "; ")), \(report.ruleText); median \(n(p50)).",
                "\(pad)# was: \(was)",
                "\(pad)\(key): {uniform: [\(n(p5)), \(n(p95))]}",
            ])
        }
        lines = lines.map { absolutePath($0, scenario: scenario) }
        let header = ["# Calibrated copy of \(scenario.file), written by cordon calibrate: the ranges marked",
                      "# 'cordon calibrate' are narrowed to the values that agreed with the observations;",
                      "# everything else is as in the original. A fit to observations, not a measurement."]
        return (header + lines).joined(separator: "\n")
    }

    /// The line (from 1) of each key of `uncertainty.vary`, in file order (the order of `Uncertainty.vary`).
    static func varyKeyLines(_ text: String) -> [Int] {
        guard let node = try? Yams.compose(yaml: text), case .mapping(let top) = node,
              let uncertainty = top.first(where: { $0.key.string == "uncertainty" })?.value, case .mapping(let u) = uncertainty,
              let vary = u.first(where: { $0.key.string == "vary" })?.value, case .mapping(let entries) = vary else { return [] }
        return entries.compactMap { $0.key.mark?.line }
    }

    /// The key as written at the start of a line: plain up to its colon, or quoted.
    static func keyText(_ line: String, indent: Int) -> String {
        let rest = line.dropFirst(indent)
        if let quote = rest.first, quote == "\"" || quote == "'",
           let close = rest.dropFirst().firstIndex(of: quote) { return String(rest[...close]) }
        if let colon = rest.range(of: ": ")?.lowerBound ?? (rest.hasSuffix(":") ? rest.index(before: rest.endIndex) : nil) {
            return String(rest[..<colon])
        }
        return String(rest)
    }

    /// A top-level line naming one of the files a scenario reads (`map:`, `routes:`, `districts:`,
    /// `roads:`, `events:`, `prices:`) by a relative path, pointing at the original's file.
    static func absolutePath(_ line: String, scenario: Scenario) -> String {
        for key in ["map", "routes", "districts", "roads", "events", "prices"] where line.hasPrefix(key + ":") {
            let value = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
            let path = value.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !path.isEmpty, !path.hasPrefix("{"), !path.hasPrefix("\""), !path.hasPrefix("'") else { return line }
            let resolved = scenario.resolve(path)
            let absolute = resolved.hasPrefix("/") || SourceName(resolved).isDatabase
                ? resolved : FileManager.default.currentDirectoryPath + "/" + resolved
            return "\(key): \(absolute)   # the original's file"
        }
        return line
    }
}
