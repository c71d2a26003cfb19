/// Decides when each request may start: at most `maxConcurrentRequests` in flight overall, at
/// most the host's `maxConcurrent` per host, starts to one host at least `minimumSpacing` apart,
/// and none to a host while it has asked the engine to back off.
///
/// Waiters are served first come, first served; a waiter whose host is full or must still wait
/// does not hold up waiters for other hosts.
actor HostLimiter {
    private struct HostState {
        var active = 0
        /// The earliest start that spacing and backoff allow.
        var notBefore: ContinuousClock.Instant?
        /// Extra spacing learnt from 429 and 503 answers; it doubles on each and halves on each
        /// other answer, so a throttled host slows down and recovers gradually.
        var penalty: Duration = .zero
    }

    private struct Waiter {
        let id: UInt64
        let host: String
        let continuation: CheckedContinuation<Grant, Never>
    }

    private let configuration: EngineConfiguration
    private let clock: any NetworkClock
    private var hosts: [String: HostState] = [:]
    private var globalActive = 0
    private var waiters: [Waiter] = []
    private var nextWaiterID: UInt64 = 0
    private var wakeAt: ContinuousClock.Instant?
    private var wakeTask: Task<Void, Never>?

    init(configuration: EngineConfiguration) {
        self.configuration = configuration
        clock = configuration.clock
    }

    /// The answer to `acquire`; only `.granted` holds a slot.
    enum Grant {
        case granted
        case cancelled
        /// The host may not be asked again before the engine's deadline.
        case outOfTime
    }

    /// Waits for a slot for `host`.
    func acquire(host: String) async -> Grant {
        nextWaiterID += 1
        let id = nextWaiterID
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                guard !Task.isCancelled else {
                    continuation.resume(returning: .cancelled)
                    return
                }
                waiters.append(Waiter(id: id, host: host, continuation: continuation))
                pump()
            }
        } onCancel: {
            Task { await self.abandon(id) }
        }
    }

    /// What the host's answer says about how hard it may be pressed.
    enum Feedback {
        /// 429 or 503: nobody starts a request to the host for this many seconds, and later
        /// starts are spaced further apart.
        case throttled(seconds: Double)
        /// Any other answer, which lets a learnt penalty decay.
        case answered
        /// No answer at all, which says nothing about the host's load.
        case failed
    }

    /// Gives back the slot that a successful `acquire` handed out. The feedback is applied in
    /// the same step, so no waiter can slip in between a 429 and the backoff it imposes.
    func release(host: String, feedback: Feedback) {
        var state = hosts[host, default: HostState()]
        state.active -= 1
        switch feedback {
        case .throttled(let seconds):
            let retry = configuration.retry
            let doubled = state.penalty == .zero ? Duration.clamped(seconds: retry.baseDelay) : state.penalty * 2
            state.penalty = min(doubled, Duration.clamped(seconds: retry.retryAfterCap))
            let until = clock.now + .clamped(seconds: seconds)
            state.notBefore = max(state.notBefore ?? until, until)
        case .answered where state.penalty > .zero:
            state.penalty = state.penalty / 2
            if state.penalty < .milliseconds(10) { state.penalty = .zero }
        case .answered, .failed:
            break
        }
        hosts[host] = state
        globalActive -= 1
        pump()
    }

    private func abandon(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: .cancelled)
    }

    /// Starts every waiter that may start now, and arranges to look again when the earliest
    /// time-blocked waiter becomes free.
    private func pump() {
        let now = clock.now
        var earliest: ContinuousClock.Instant?
        var index = 0
        while index < waiters.count, globalActive < configuration.maxConcurrentRequests {
            let waiter = waiters[index]
            var state = hosts[waiter.host, default: HostState()]
            let policy = configuration.policy(forHost: waiter.host)
            if state.active >= policy.maxConcurrent {
                index += 1
                continue
            }
            if let notBefore = state.notBefore, notBefore > now {
                if let deadline = configuration.deadline, notBefore > deadline {
                    // Waiting would outlast the run's budget: the request is not sent at all.
                    waiters.remove(at: index).continuation.resume(returning: .outOfTime)
                    continue
                }
                earliest = min(earliest ?? notBefore, notBefore)
                index += 1
                continue
            }
            state.active += 1
            globalActive += 1
            let spacing = max(Duration.clamped(seconds: policy.minimumSpacing), state.penalty)
            state.notBefore = spacing > .zero ? now + spacing : nil
            hosts[waiter.host] = state
            waiters.remove(at: index)
            waiter.continuation.resume(returning: .granted)
        }
        if let earliest { scheduleWake(at: earliest) }
    }

    private func scheduleWake(at instant: ContinuousClock.Instant) {
        if let wakeAt, wakeAt <= instant { return }
        wakeTask?.cancel()
        wakeAt = instant
        wakeTask = Task { [clock] in
            do {
                try await clock.sleep(until: instant)
            } catch is CancellationError {
                // A sooner wake replaced this one.
                return
            } catch {
                // The clock refused the wait; looking again fails the waiters it concerned.
            }
            wake()
        }
    }

    private func wake() {
        wakeAt = nil
        wakeTask = nil
        pump()
    }
}
