import CuratorHTTP
import CuratorSync
import Foundation

/// A `NetworkClock` that tests drive, so that no test waits on the wall clock.
///
/// Time starts at a fixed calendar date and moves only when the clock is told to. In the
/// `automatic` mode (the default) a sleep moves time forward to its deadline and returns at once:
/// the code under test decides when it would wake, and the test reads those decisions from
/// `sleeps` and from the instants its servers record with `now`. Time can jump while a request is
/// on its way, so an arrival is no earlier than its start, but two arrivals may be closer together
/// than their starts were: spacing is checked as "the k-th arrival comes at least k gaps after
/// `start`", which holds for starts and so for arrivals. In the `manual` mode a sleep
/// waits until `advance(by:)` reaches its deadline, for tests that must look at what happens while
/// something waits. Either way a cancelled sleep ends at once with `CancellationError`.
public final class TestClock: NetworkClock {
    public enum Mode: Sendable { case automatic, manual }

    private struct Sleeper {
        let id: UInt64
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var offset: Duration = .zero
        var sleeps: [Duration] = []
        var sleepers: [Sleeper] = []
        var nextID: UInt64 = 0
        var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    public let mode: Mode
    private let origin = ContinuousClock.now
    private let originDate: Date
    private let state = Mutex(State())

    public init(mode: Mode = .automatic, date: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        self.mode = mode
        originDate = date
    }

    public var now: ContinuousClock.Instant { origin + state.withLock { $0.offset } }

    public var date: Date { originDate.addingTimeInterval(state.withLock { $0.offset }.seconds) }

    /// The instant the clock was made at, from which `elapsed` counts.
    public var start: ContinuousClock.Instant { origin }

    /// How far time has moved since the clock was made.
    public var elapsed: Duration { state.withLock { $0.offset } }

    /// Every wait that was asked for and had not passed yet, in order.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        try Task.checkCancellation()
        switch mode {
        case .automatic:
            state.withLock { state in
                let wait = deadline - (origin + state.offset)
                guard wait > .zero else { return }
                state.sleeps.append(wait)
                state.offset += wait
            }
            // Lets the tasks that the jump woke run before this one goes on, as a real wait would.
            await Task.yield()
        case .manual:
            let id = state.withLock { state -> UInt64 in
                state.nextID += 1
                return state.nextID
            }
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                        return
                    }
                    let resumeNow = state.withLock { state -> Bool in
                        let wait = deadline - (origin + state.offset)
                        guard wait > .zero else { return true }
                        state.sleeps.append(wait)
                        state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                        notifyWatchers(&state)
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                let cancelled = state.withLock { state -> Sleeper? in
                    guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.sleepers.remove(at: index)
                }
                cancelled?.continuation.resume(throwing: CancellationError())
            }
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline it reaches.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.offset += duration
            let now = origin + state.offset
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Returns once at least `count` tasks are sleeping on this clock (manual mode).
    public func waitForSleepers(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.sleepers.count >= count { return true }
                state.watchers.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private func notifyWatchers(_ state: inout State) {
        let count = state.sleepers.count
        let ready = state.watchers.filter { $0.count <= count }
        state.watchers.removeAll { $0.count <= count }
        for watcher in ready { watcher.continuation.resume() }
    }
}
