/// What the supply model can carry, and how large a simulation may grow before it is refused
/// (docs/design.md#limits). The scenario loader holds a file to these; `simulate` and
/// `monteCarlo` check them again for scenarios built in Swift.
public enum SupplyLimits {
    /// The largest stock, need, amount, count of people or number of days a scenario may give.
    /// Below 2^53, so whole numbers are exact; times 1,000 still below 2^63, so every such
    /// value prints with three decimals in plain digits.
    public static let maxAmount = 1e15

    /// Monte Carlo runs. At a million runs a nearest-rank percentile is already one of the
    /// million values; more runs only take longer.
    public static let maxRuns = 1_000_000

    /// Memory a simulation may hold, by `SimulationSize.bytes`: the central run's timeline,
    /// each run's depletion days and the stock bands.
    public static let maxMemory = 1 << 30

    /// Simulated steps: (runs + 1) × days × (commodities + inflows + evacuation rules). About
    /// 30 ns each on one core of a 2020s laptop, so the limit is a few minutes of work.
    public static let maxSteps = 10_000_000_000

    /// Monte Carlo keeps the end-of-day stocks of every run for a stretch of days at a time, then
    /// reduces them to percentiles; the stretch is as many days as fit in this many bytes.
    static let stockBuffer = 64 << 20
}
