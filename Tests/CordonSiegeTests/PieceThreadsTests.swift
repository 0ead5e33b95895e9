@testable import CordonSiege
import Foundation
import Testing

/// `--jobs` caps the threads an event file is read on (`PieceThreads.run(onThreads:)`): the pieces
/// are all read, once each, and never more at once than the threads allowed.
@Suite struct PieceThreadsTests {
    /// Runs 16 pieces that each hold for a moment; returns how many ran at once at most, and
    /// how often each ran.
    private func busiest(threads: Int) -> (atOnce: Int, runs: [Int]) {
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var now = 0, most = 0
            var runs = [Int](repeating: 0, count: 16)
        }
        let tally = Tally()
        PieceThreads.run(onThreads: threads)(16) { k in
            tally.lock.withLock {
                tally.now += 1
                tally.most = max(tally.most, tally.now)
                tally.runs[k] += 1
            }
            usleep(2_000)
            tally.lock.withLock { tally.now -= 1 }
        }
        return (tally.most, tally.runs)
    }

    @Test func oneThreadReadsEveryPieceAlone() {
        let (atOnce, runs) = busiest(threads: 1)
        #expect(atOnce == 1)
        #expect(runs == Array(repeating: 1, count: 16))
    }

    @Test func twoThreadsNeverReadMoreThanTwoAtOnce() {
        let (atOnce, runs) = busiest(threads: 2)
        #expect(atOnce <= 2)
        #expect(runs == Array(repeating: 1, count: 16))
    }
}
