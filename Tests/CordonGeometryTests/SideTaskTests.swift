import Dispatch
import Foundation
import Testing
@testable import CordonGeometry
import CordonCore

/// Side tasks within side tasks: every side thread busy with work that waits for work it
/// queued itself. Whoever waits for work no side thread has taken runs it, so this ends (with
/// the values in order) rather than every side thread waiting for a free one.
@Suite struct SideTaskTests {
    @Test func workWithinWorkOnEverySideThreadEnds() throws {
        let outer = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        let finished = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var value: [[Int]]? }
        let answer = Box()
        Thread {
            let tasks = (0..<outer).map { i in
                SideTask { () throws -> [Int] in
                    // Each holds its side thread until the work it queued is done.
                    let inner = (0..<8).map { j in SideTask { i * 100 + j } }
                    return try inner.map { try $0.value() }
                }
            }
            answer.value = try? tasks.map { try $0.value() }
            finished.signal()
        }.start()
        #expect(finished.wait(timeout: .now() + 60) == .success)
        #expect(answer.value == (0..<outer).map { i in (0..<8).map { i * 100 + $0 } })
    }

    @Test func piecesComeInOrderWithTheFirstError() throws {
        struct Odd: Error, Equatable { let k: Int }
        #expect(try SideTask<Int>.pieces(5) { $0 * $0 } == [0, 1, 4, 9, 16])
        #expect(throws: Odd(k: 1)) { try SideTask<Int>.pieces(6) { k in if k % 2 == 1 { throw Odd(k: k) }; return k } }
    }
}
