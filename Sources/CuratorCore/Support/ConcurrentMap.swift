import Dispatch
import Synchronization

/// Runs `body` for `0..<count` on all cores and returns the results in order.
///
/// Parsing files and running rules are independent pure functions of immutable inputs, so the
/// linter spreads them over the machine's cores; results come back in input order, so output does
/// not depend on scheduling.
public func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = Mutex<[T?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let value = body(index)
        results.withLock { $0[index] = value }
    }
    return results.withLock { $0.map { $0! } }
}
