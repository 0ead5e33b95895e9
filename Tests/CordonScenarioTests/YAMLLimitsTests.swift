import CordonTestSupport
import Foundation
import Testing
@testable import CordonScenario

/// The checks that run before and after libyaml: nesting bound on the text, value count after aliases.
@Suite("YAML limits")
struct YAMLLimitsTests {
    @Test func realScenariosAreWellWithinTheNestingBound() throws {
        let aleppo = try String(contentsOf: Repository.aleppo.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        #expect(YAMLLimits.firstTooDeepLine(aleppo) == nil)
        // Pretty-printed JSON counts indentation and brackets together: still far from 256.
        let json = String(data: try JSONSerialization.data(withJSONObject: ["a": [["b": [["c": [1]]]]]],
                                                           options: .prettyPrinted), encoding: .utf8)!
        #expect(YAMLLimits.firstTooDeepLine(json) == nil)
    }

    @Test func deepNestingIsFoundOnItsLine() {
        #expect(YAMLLimits.firstTooDeepLine("start: 2016-07-01\nx: " + String(repeating: "[", count: 300)) == 2)
        #expect(YAMLLimits.firstTooDeepLine("a: 1\nb: 2\n" + String(repeating: "- ", count: 300) + "x") == 3)
        #expect(YAMLLimits.firstTooDeepLine(String(repeating: " ", count: 300) + "x: 1") == 1)
    }

    @Test func bracketsInQuotesAndCommentsDoNotCount() {
        let many = String(repeating: "[", count: 300)
        #expect(YAMLLimits.firstTooDeepLine("name: \"\(many)\"\nnote: '\(many)'\n# \(many)\nx: 1 # \(many)") == nil)
        #expect(YAMLLimits.firstTooDeepLine("name: \"a \\\" \(many)\"") == nil)
    }

    /// 10^7 values from seven lines: refused; a few aliases are fine.
    @Test func aliasesCountEveryTimeTheyAreUsed() throws {
        let levels = "abcdefg".map(String.init)
        let laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + zip(levels, levels.dropFirst()).map { prev, name in
            "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 10).joined(separator: ", ") + "]"
        }.joined(separator: "\n")
        let bomb = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(laughs, file: "bomb.yaml", for: .simulate) }
        #expect(bomb?.message.contains("once its aliases are expanded") == true)
        // Under the limit the loader goes on, to the keys it does not know.
        let small = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parse("a: &a [1, 2]\nb: [*a, *a]", file: "small.yaml", for: .simulate)
        }
        #expect(small?.message.contains("unknown key") == true)
    }
}
