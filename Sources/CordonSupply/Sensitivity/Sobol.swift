/// Variance-based sensitivity: first-order and total Sobol indices of any function of independent
/// inputs, from Saltelli's sampling scheme, with bootstrap confidence intervals.
///
/// The scheme (Saltelli et al. 2010, *Computer Physics Communications* 181, 259–270): two
/// independent samples A and B of N rows, one column per input, and for each input i the matrix
/// A_B⁽ⁱ⁾, A with its column i taken from B. The function is evaluated on A, B and every A_B⁽ⁱ⁾:
/// N·(k + 2) evaluations for k inputs. With V the variance of f over A and B together,
///
/// - first order (Saltelli 2010, table 2 (b)): Sᵢ = mean((f(B) − m)·(f(A_B⁽ⁱ⁾) − f(A))) / V, with m
///   the mean of f over all N·(k + 2) evaluations (in the bootstrap too), as SALib takes it. Taking m off changes nothing in expectation (f(A_B⁽ⁱ⁾) − f(A) has
///   mean 0) but much in spread when f is far from 0, as a depletion day of 80 ± 10 is (SALib
///   centres its outputs likewise);
/// - total (Jansen 1999, table 2 (f)): STᵢ = mean((f(A) − f(A_B⁽ⁱ⁾))²) / (2V).
///
/// Confidence intervals come from the bootstrap: rows resampled with replacement, the indices
/// worked out again, and the interval taken between nearest-rank percentiles of the replicates.
///
///     let design = SaltelliDesign(inputs: 3, samples: 4096, seed: 1) { _, rng in -Double.pi + 2 * Double.pi * rng.nextUnit() }
///     let y = design.points.map(ishigami)
///     let indices = SobolIndices(design: design, values: y, bootstrap: 1000, seed: 1)
public struct SaltelliDesign: Sendable {
    /// Inputs, k.
    public let inputs: Int
    /// Base sample, N: rows of A and of B.
    public let samples: Int
    /// `a[j * inputs + i]`: input i of row j of A.
    public let a: [Double]
    /// `b[j * inputs + i]`: input i of row j of B.
    public let b: [Double]

    /// Draws A and B. Row j takes its numbers from `Xoshiro256StarStar(seed: seed, run: j)`, A's
    /// inputs first, then B's, in input order, so a seed gives the same design on every machine.
    ///
    /// - Parameters:
    ///   - inputs: Inputs, k, at least 1.
    ///   - samples: Base sample, N, at least 2.
    ///   - seed: The seed.
    ///   - draw: Draws input i (first argument) from its distribution with the generator given.
    public init(inputs: Int, samples: Int, seed: UInt64,
                draw: (Int, inout Xoshiro256StarStar) -> Double) {
        self.inputs = inputs
        self.samples = samples
        var a = [Double](), b = [Double]()
        a.reserveCapacity(inputs * samples)
        b.reserveCapacity(inputs * samples)
        for j in 0..<samples {
            var rng = Xoshiro256StarStar(seed: seed, run: j)
            for i in 0..<inputs { a.append(draw(i, &rng)) }
            for i in 0..<inputs { b.append(draw(i, &rng)) }
        }
        self.a = a
        self.b = b
    }

    /// Evaluations the design needs: N·(k + 2).
    public var count: Int { samples * (inputs + 2) }

    /// Point `n` of the N·(k + 2): rows of A, then of B, then of A_B⁽⁰⁾, A_B⁽¹⁾, …
    public func point(_ n: Int) -> [Double] {
        let block = n / samples, j = n % samples
        let row = j * inputs
        switch block {
        case 0: return Array(a[row..<row + inputs])
        case 1: return Array(b[row..<row + inputs])
        default:
            var x = Array(a[row..<row + inputs])
            x[block - 2] = b[row + block - 2]
            return x
        }
    }

    /// Every point, in the order of ``point(_:)``.
    public var points: [[Double]] { (0..<count).map(point) }
}

/// One input's Sobol indices, with bootstrap confidence intervals.
public struct SobolIndex: Sendable, Equatable {
    /// The share of the output's variance due to this input alone.
    public var first: Double
    /// Bootstrap interval of ``first``.
    public var firstInterval: ClosedRange<Double>
    /// The share due to this input, alone and with others: 1 − (share without it).
    public var total: Double
    /// Bootstrap interval of ``total``.
    public var totalInterval: ClosedRange<Double>
}

/// The Sobol indices of one output from a ``SaltelliDesign``'s evaluations.
public struct SobolIndices: Sendable, Equatable {
    /// The output's variance over A and B together (population variance); 0 when it does not vary.
    public var variance: Double
    /// One per input; empty when the output does not vary (no share of nothing).
    public var inputs: [SobolIndex]
    /// Bootstrap replicates behind the intervals.
    public var bootstrap: Int
    /// The intervals' coverage, 0.95.
    public static let confidence = 0.95

    /// Estimates the indices.
    ///
    /// Replicate r resamples rows with `Xoshiro256StarStar(seed: seed ^ 0xB00757A9, run: r)`,
    /// row index = high 64 bits of (next() × N), and the interval runs between the nearest-rank
    /// 2.5th and 97.5th percentiles of the replicates.
    ///
    /// - Parameters:
    ///   - design: The design evaluated.
    ///   - values: f at each of `design`'s points, in the order of ``SaltelliDesign/point(_:)``.
    ///   - bootstrap: Replicates for the intervals; 0 gives intervals of the estimate alone.
    ///   The intervals are percentile intervals: they need not hold the estimate itself.
    ///   - seed: The seed of the resampling.
    public init(design: SaltelliDesign, values: [Double], bootstrap: Int, seed: UInt64) {
        let n = design.samples, k = design.inputs
        precondition(values.count == design.count, "one value per point of the design")
        self.bootstrap = bootstrap
        let centre = values.reduce(0, +) / Double(values.count)
        let estimate = Self.estimate(values, n: n, k: k, rows: Array(0..<n), centre: centre)
        variance = estimate.variance
        guard variance > 0, variance.isFinite else { inputs = []; return }
        var firsts = Array(repeating: [Double](), count: k), totals = firsts
        var rows = [Int](repeating: 0, count: n)
        for r in 0..<bootstrap {
            var rng = Xoshiro256StarStar(seed: seed ^ 0xB007_57A9, run: r)
            for j in 0..<n { rows[j] = Int(rng.next().multipliedFullWidth(by: UInt64(n)).high) }
            let replicate = Self.estimate(values, n: n, k: k, rows: rows, centre: centre)
            for i in 0..<k {
                // A replicate whose rows all give one value has no variance: it says nothing.
                if replicate.variance > 0 {
                    firsts[i].append(replicate.first[i])
                    totals[i].append(replicate.total[i])
                }
            }
        }
        func interval(_ xs: [Double], _ x: Double) -> ClosedRange<Double> {
            guard !xs.isEmpty else { return x...x }
            let sorted = xs.sorted()
            return sorted[Self.rank(0.025, sorted.count)]...sorted[Self.rank(0.975, sorted.count)]
        }
        inputs = (0..<k).map { i in
            SobolIndex(first: estimate.first[i], firstInterval: interval(firsts[i], estimate.first[i]),
                       total: estimate.total[i], totalInterval: interval(totals[i], estimate.total[i]))
        }
    }

    /// 0-based index of the nearest-rank percentile p (0…1) among `count` sorted values: ⌈p·count⌉ − 1.
    static func rank(_ p: Double, _ count: Int) -> Int {
        min(count - 1, max(0, Int((p * Double(count)).rounded(.up)) - 1))
    }

    /// The indices from rows `rows` (the same row of A, B and every A_B⁽ⁱ⁾ taken together).
    /// `centre` is the mean of all N·(k + 2) values, taken once for the sample and every replicate, as SALib does.
    static func estimate(_ f: [Double], n: Int, k: Int, rows: [Int], centre: Double) -> (variance: Double, first: [Double], total: [Double]) {
        let m = Double(rows.count)
        var sum = 0.0
        for j in rows { sum += f[j] + f[n + j] }
        let mean = sum / (2 * m)
        var squares = 0.0
        for j in rows {
            let da = f[j] - mean, db = f[n + j] - mean
            squares += da * da + db * db
        }
        let variance = squares / (2 * m)
        var first = [Double](repeating: .nan, count: k), total = first
        guard variance > 0 else { return (variance, first, total) }
        for i in 0..<k {
            let base = (i + 2) * n
            var s = 0.0, t = 0.0
            for j in rows {
                let fa = f[j], fab = f[base + j]
                s += (f[n + j] - centre) * (fab - fa)
                t += (fa - fab) * (fa - fab)
            }
            first[i] = s / m / variance
            total[i] = t / (2 * m) / variance
        }
        return (variance, first, total)
    }
}
