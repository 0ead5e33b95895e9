import Testing
import CordonSupply

@Suite struct RandomTests {
    // Expected values from a separate Python implementation of the published algorithms.
    @Test func splitMixMatchesReferenceOutputs() {
        var mix = SplitMix64(state: 0)
        #expect([mix.next(), mix.next(), mix.next(), mix.next()]
                == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC])
    }

    @Test func xoshiroMatchesReferenceOutputs() {
        var zero = Xoshiro256StarStar(seed: 0)
        #expect([zero.next(), zero.next(), zero.next()] == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var answer = Xoshiro256StarStar(seed: 42)
        #expect([answer.next(), answer.next(), answer.next()] == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    }

    @Test func distributionsStayInTheirSupportAndCentre() {
        var rng = Xoshiro256StarStar(seed: 7)
        let n = 200_000
        func mean(_ d: Distribution, check: (Double) -> Bool) -> Double {
            var sum = 0.0
            for _ in 0..<n {
                let x = d.draw(&rng)
                #expect(check(x))
                sum += x
            }
            return sum / Double(n)
        }
        #expect(abs(mean(.uniform(2, 4)) { (2..<4).contains($0) } - 3) < 0.01)
        #expect(abs(mean(.triangular(0, 1, 5)) { (0...5).contains($0) } - 2) < 0.02)
        // Far from 0 the truncation is invisible: the mean stays 10.
        #expect(abs(mean(.normal(mean: 10, sd: 1)) { $0 >= 0 } - 10) < 0.01)
        // Truncated at 0 from a mean of 0: the half-normal, mean sd·√(2/π) ≈ 0.797 88.
        #expect(abs(mean(.normal(mean: 0, sd: 1)) { $0 >= 0 } - 0.797_88) < 0.01)
        // Lognormal mean exp(mu + sigma²/2) = exp(0.125) ≈ 1.133 15.
        #expect(abs(mean(.lognormal(mu: 0, sigma: 0.5)) { $0 > 0 } - 1.133_15) < 0.01)
    }
}
