import CuratorHTTP

/// Lets one request run at a time and keeps a minimum gap between the end of one request and the
/// start of the next to the same service.
///
/// arXiv asks clients for a single connection and three seconds between calls, and answers
/// `429 Rate exceeded.` to anything faster. The server measures arrivals, and a request can reach
/// it late (a slow connection set-up) while the next one arrives quickly; measuring the gap from
/// the end of the previous response guarantees that arrivals are at least `spacing` apart, where
/// measuring from start to start does not. Callers queue in arrival order. Every request of a run
/// to one service (retries, the link resolver, the metadata lookups) goes through one pacer, so
/// the gap holds across all of them; a server's Retry-After pushes the next start back further.
public actor RequestPacer {
    public let spacing: Duration
    private let clock: any NetworkClock
    private var nextStart: ContinuousClock.Instant?
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(spacing: Duration, clock: any NetworkClock = SystemClock()) {
        self.spacing = spacing
        self.clock = clock
    }

    /// Runs `operation` once no other paced operation is running and the spacing has elapsed.
    /// `holdOff` reads the answer for a further wait (a Retry-After) that every later request must
    /// keep; it is applied before the next request may start, so none can slip in before it. When
    /// the wait cannot be kept (the clock's time budget does not reach its end), `instead` is
    /// called rather than `operation`: nothing is sent early.
    public func run<T: Sendable, E: Error>(
        _ operation: @Sendable () async throws(E) -> T,
        holdOff: @Sendable (T) -> Duration? = { _ in nil },
        instead: @Sendable () throws(E) -> T
    ) async throws(E) -> T {
        await acquire()
        var waited = true
        while waited, let nextStart, nextStart > clock.now {
            do {
                try await clock.sleep(until: nextStart)
            } catch is CancellationError {
                // Cancellation only shortens the wait; the request itself still honours the caller's task.
                break
            } catch {
                waited = false
            }
        }
        let result: Result<T, E>
        do throws(E) {
            result = .success(waited ? try await operation() : try instead())
        } catch {
            result = .failure(error)
        }
        var due = clock.now.advanced(by: spacing)
        if case .success(let value) = result, let extra = holdOff(value) {
            due = max(due, clock.now.advanced(by: extra))
        }
        nextStart = max(nextStart ?? due, due)
        release()
        return try result.get()
    }

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
