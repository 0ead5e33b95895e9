import CordonCore
import Testing

/// The one number formatter at the edges of a double: beyond what fixed decimals can carry it
/// writes the shortest round-trip form, never traps (a stock of 1e19 once crashed `simulate`).
@Suite struct NumberTextLimitsTests {
    @Test func hugeTinyAndNonFiniteValuesAreWrittenNotTrapped() {
        #expect(NumberText.fixed(1e19) == "1e+19")
        #expect(NumberText.fixed(-1e19) == "-1e+19")
        #expect(NumberText.fixed(Double(Int64.max)) == "9.223372036854776e+18")
        #expect(NumberText.fixed(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(NumberText.fixed(1e15) == "1000000000000000")
        #expect(NumberText.fixed(1e15, places: 9) == "1000000000000000")
        #expect(NumberText.fixed(.leastNonzeroMagnitude) == "0")
        #expect(NumberText.fixed(.infinity) == "" && NumberText.fixed(.nan) == "")
        #expect(NumberText.grouped(1e300) == "1e+300")
        #expect(NumberText.grouped(1e15) == "1,000,000,000,000,000")
    }
}
