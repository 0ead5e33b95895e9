extension SupplyScenario {
    /// The values run `run` draws for `vary`, in order, from the same stream as ``monteCarlo(runs:seed:jobs:access:progress:)``
    /// gives that run: `Xoshiro256StarStar(seed: seed, run: run)`.
    ///
    /// - Parameters:
    ///   - vary: The uncertain parameters, in the order they are drawn.
    ///   - seed: The Monte Carlo seed.
    ///   - run: The run's number, from 0.
    public static func draws(of vary: [Variation], seed: UInt64, run: Int) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed, run: run)
        return vary.map { $0.distribution.draw(&rng) }
    }

    /// This scenario with each parameter of `vary` set to the value at the same position in
    /// `values` (through ``set(_:to:)``, so spoilage stays at most 1): "the model with these
    /// values of the uncertain inputs". Extra values or parameters are ignored.
    ///
    /// - Parameters:
    ///   - vary: The parameters to set.
    ///   - values: Their values, in the parameters' own units.
    public func with(_ vary: [Variation], values: [Double]) -> SupplyScenario {
        with(vary.map(\.parameter), values: values)
    }

    /// This scenario with each of `parameters` set to the value at the same position in `values`
    /// (through ``set(_:to:)``). Extra values or parameters are ignored.
    ///
    /// - Parameters:
    ///   - parameters: The numbers to replace.
    ///   - values: Their values, in the parameters' own units.
    public func with(_ parameters: [Parameter], values: [Double]) -> SupplyScenario {
        var variant = self
        for (p, x) in zip(parameters, values) { variant.set(p, to: x) }
        return variant
    }
}
