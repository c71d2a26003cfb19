/// Lets one request run at a time and keeps a minimum gap between the end of one request and the
/// start of the next to the same service.
///
/// arXiv asks clients for a single connection and three seconds between calls, and answers
/// `429 Rate exceeded.` to anything faster. The server measures arrivals, and a request can reach
/// it late (a slow connection set-up) while the next one arrives quickly; measuring the gap from
/// the end of the previous response guarantees that arrivals are at least `spacing` apart, where
/// measuring from start to start does not. Callers queue in arrival order.
public actor RequestPacer {
    public let spacing: Duration
    private let clock = ContinuousClock()
    private var lastEnd: ContinuousClock.Instant?
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(spacing: Duration) {
        self.spacing = spacing
    }

    /// Runs `operation` once no other paced operation is running and the spacing has elapsed.
    public func run<T: Sendable, E: Error>(
        _ operation: @Sendable () async throws(E) -> T
    ) async throws(E) -> T {
        await acquire()
        defer {
            lastEnd = clock.now
            release()
        }
        if let lastEnd {
            let due = lastEnd.advanced(by: spacing)
            if due > clock.now {
                // Cancellation only shortens the wait; the request itself still honours the caller's task.
                try? await Task.sleep(until: due, clock: clock)
            }
        }
        return try await operation()
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
