import CuratorSync
import Foundation

/// Holds each request until `size` of them are being served at once (or all `total` have come),
/// so that a limit of `size` concurrent requests is certainly reached, and a client that sends
/// more at once is seen with more in flight.
public final class Batcher: Sendable {
    private let size: Int
    private let total: Int
    private let arrived = Mutex(0)
    private let condition = NSCondition()

    public init(size: Int, total: Int) {
        self.size = size
        self.total = total
    }

    /// Called by a handler: waits until its batch is complete.
    public func hold() {
        condition.lock()
        let number = arrived.withLock { count in
            count += 1
            return count
        }
        let batchEnd = min(total, ((number - 1) / size + 1) * size)
        condition.broadcast()
        while arrived.withLock({ $0 }) < batchEnd { condition.wait() }
        condition.unlock()
    }
}
