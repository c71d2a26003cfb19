import Foundation
import Synchronization
import Testing

@testable import CuratorCore

/// `concurrentMap` runs on the process's own worker threads: results in input order, every item
/// exactly once, work really spread over the workers, and no deadlock when it is called from
/// several threads at once or from inside its own work. One test at a time: a caller that finds
/// the pool busy with another's job runs its work alone, which `workIsSharedWithTheWorkers`
/// would take for a pool that shares nothing.
@Suite(.serialized)
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

    /// On a machine with more than one core, items run on more than one thread: the pool is not
    /// a serial loop in disguise. Each item waits until some item on another thread has started
    /// (or a second has passed), so one thread alone cannot take every item. On one core there is
    /// no worker to share with, and the test is skipped.
    @Test(.enabled(if: WorkerPool.shared.workers > 0, "one core: there is no worker to share with"))
    func workIsSharedWithTheWorkers() throws {
        let threads = Mutex(Set<ObjectIdentifier>())
        _ = concurrentMap(8) { _ in
            let me = ObjectIdentifier(Thread.current)
            threads.withLock { _ = $0.insert(me) }
            let deadline = Date().addingTimeInterval(1)
            while threads.withLock({ $0.count }) < 2, Date() < deadline { usleep(100) }
        }
        #expect(threads.withLock { $0.count } >= 2)
    }

    @Test func aMapInsideAMapRunsOnItsOwnThread() {
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
