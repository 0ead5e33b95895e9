/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit counter passed through a mixing function.
/// Used only to turn a seed into xoshiro state, as xoshiro's authors recommend.
package struct SplitMix64: Sendable {
    /// The counter, advanced by each draw.
    package private(set) var state: UInt64

    /// A generator starting from `state`.
    package init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    @inline(__always)
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna, 2018): the generator behind every Monte Carlo draw.
///
/// Fixed and written out here, so a seed gives the same numbers on every platform and Swift version
/// (the standard library's generators promise neither).
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// State from four successive SplitMix64 outputs starting at `seed`.
    public init(seed: UInt64) {
        var mix = SplitMix64(state: seed)
        s0 = mix.next(); s1 = mix.next(); s2 = mix.next(); s3 = mix.next()
    }

    /// The generator of Monte Carlo run `run`: seeded with `seed + run × 0xD1B54A32D192ED03` (wrapping).
    /// Each run has its own stream, so results do not depend on how runs are spread over cores.
    public init(seed: UInt64, run: Int) {
        self.init(seed: seed &+ UInt64(truncatingIfNeeded: run) &* 0xD1B5_4A32_D192_ED03)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1): the top 53 bits over 2^53.
    @inline(__always)
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
