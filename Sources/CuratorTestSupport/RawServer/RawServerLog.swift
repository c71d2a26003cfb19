import CuratorHTTP
import CuratorSync

/// The thread-safe record of everything a raw server was asked, in arrival order.
final class RawServerLog: Sendable {
    private struct State {
        var requests: [RawRequest] = []
        var lastWrite: [Int: ContinuousClock.Instant] = [:]
        var finished: Set<Int> = []
        var connections = 0
    }

    private let state = Mutex(State())
    private let clock: any NetworkClock

    init(clock: any NetworkClock) {
        self.clock = clock
    }

    func nextConnectionID() -> Int {
        state.withLock { state in
            state.connections += 1
            return state.connections
        }
    }

    /// Stores the request, numbering it, and returns it with its number.
    func append(_ parsed: RawRequestParser.Parsed, connectionID: Int) -> RawRequest {
        state.withLock { state in
            let parts = parsed.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            let request = RawRequest(
                method: parsed.method,
                target: parsed.target,
                path: String(parts[0]),
                query: parts.count > 1 ? String(parts[1]) : nil,
                headers: parsed.headers,
                body: parsed.body,
                arrival: clock.now,
                connectionID: connectionID,
                sequence: state.requests.count
            )
            state.requests.append(request)
            return request
        }
    }

    func markWrite(_ sequence: Int) {
        let now = clock.now
        state.withLock { $0.lastWrite[sequence] = now }
    }

    /// Records that the handler returned; an exchange with no write ends here.
    func finish(_ sequence: Int) {
        let now = clock.now
        state.withLock { state in
            if state.lastWrite[sequence] == nil { state.lastWrite[sequence] = now }
            state.finished.insert(sequence)
        }
    }

    var requests: [RawRequest] {
        state.withLock { $0.requests }
    }

    /// Exchanges so far; one whose handler is still running ends now.
    var exchanges: [RawExchange] {
        let now = clock.now
        return state.withLock { state in
            state.requests.map { request in
                let open = !state.finished.contains(request.sequence)
                let end = open ? now : state.lastWrite[request.sequence] ?? now
                return RawExchange(request: request, end: end)
            }
        }
    }
}
