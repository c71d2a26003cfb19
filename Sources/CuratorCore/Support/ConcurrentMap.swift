import CuratorSync
import Dispatch

/// Runs `body` for `0..<count` on all cores and returns the results in order.
///
/// Parsing files and running rules are independent pure functions of immutable inputs, so the
/// linter spreads them over the machine's cores; results come back in input order, so output does
/// not depend on scheduling. `concurrentPerform` hands the indexes out in increasing order, so a
/// caller that puts its longest items first keeps every core busy to the end.
public func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    // The items are few and long (files, rules, parts of a report), so one lock around storing
    // each result costs nothing that shows.
    let results = Mutex([T?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let result = body(index)
        results.withLock { $0[index] = result }
    }
    return results.withLock { $0.map { $0! } }
}
