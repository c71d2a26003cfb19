import CuratorSync
import Foundation
import Testing

@testable import CuratorCore

/// `concurrentMap` gives results in input order, runs every item exactly once, and does not
/// deadlock when it is called from several threads at once or from inside its own work.
struct ConcurrentMapTests {
    @Test func resultsComeBackInInputOrder() {
        for count in [0, 1, 2, 3, 17, 1000] {
            #expect(concurrentMap(count) { $0 * $0 } == (0..<count).map { $0 * $0 })
        }
    }

    @Test func everyItemRunsExactlyOnce() {
        let runs = Mutex([Int](repeating: 0, count: 5000))
        _ = concurrentMap(5000) { index in runs.withLock { $0[index] += 1 } }
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: 5000))
    }

    @Test func aMapInsideAMapGetsItsOwnResults() {
        let nested = concurrentMap(4) { outer in concurrentMap(50) { outer * 100 + $0 }.reduce(0, +) }
        #expect(nested == (0..<4).map { outer in (0..<50).map { outer * 100 + $0 }.reduce(0, +) })
    }

    @Test func callersOnSeveralThreadsAtOnceEachGetTheirOwnResults() {
        let callers = 6
        let results = Mutex([[Int]](repeating: [], count: callers))
        let group = DispatchGroup()
        for caller in 0..<callers {
            DispatchQueue.global().async(group: group) {
                let mapped = concurrentMap(300) { $0 + caller * 1000 }
                results.withLock { $0[caller] = mapped }
            }
        }
        group.wait()
        for caller in 0..<callers {
            #expect(results.withLock { $0[caller] } == (0..<300).map { $0 + caller * 1000 })
        }
    }
}
