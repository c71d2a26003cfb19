import CuratorSync
import Foundation

/// Holds server handlers until the test opens it: a server that must be slow for a test waits here
/// for as long as the test needs, instead of sleeping for a guessed time.
///
/// Handlers run on threads of their own, so `wait` blocks its thread; the test side is async.
public final class Gate: Sendable {
    private struct State {
        var open = false
        var waiting = 0
        var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())
    private let condition = NSCondition()

    public init() {}

    /// Blocks the calling handler's thread until `open` is called.
    public func wait() {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.waiting += 1
            let ready = state.watchers.filter { $0.count <= state.waiting }.map(\.continuation)
            state.watchers.removeAll { $0.count <= state.waiting }
            return ready
        }
        for continuation in ready { continuation.resume() }
        condition.lock()
        while !state.withLock({ $0.open }) { condition.wait() }
        condition.unlock()
    }

    /// Lets every waiting and every later handler through.
    public func open() {
        condition.lock()
        state.withLock { $0.open = true }
        condition.broadcast()
        condition.unlock()
    }

    /// How many handlers have reached the gate so far.
    public var arrivals: Int { state.withLock { $0.waiting } }

    /// Returns once at least `count` handlers have reached the gate.
    public func arrivals(atLeast count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.waiting >= count { return true }
                state.watchers.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
