import Foundation

/// The time that pacing, spacing, backoff, Retry-After, rate-limit resets and cache ages read.
///
/// Everything that waits or measures an interval takes one, so that tests drive time with a clock
/// of their own instead of sleeping: a suite that never waits on the wall clock can run in
/// parallel on a small machine. Production code uses `SystemClock`.
public protocol NetworkClock: Sendable {
    /// The current instant of a monotonic clock; intervals and deadlines are measured on it.
    var now: ContinuousClock.Instant { get }
    /// The calendar time, for HTTP dates (Retry-After, `x-ratelimit-reset`) and cache ages.
    var date: Date { get }
    /// Returns at `deadline`, or at once when it has passed. Throws `CancellationError` when the
    /// task is cancelled first.
    func sleep(until deadline: ContinuousClock.Instant) async throws
}

extension NetworkClock {
    /// Waits `duration` from now.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now.advanced(by: duration))
    }
}

/// The machine's clocks: `ContinuousClock` for intervals and `Date` for calendar time.
public struct SystemClock: NetworkClock {
    public init() {}

    public var now: ContinuousClock.Instant { .now }

    public var date: Date { Date() }

    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await Task.sleep(until: deadline, clock: .continuous)
    }
}

extension Duration {
    /// The duration as fractional seconds.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// A duration of `seconds`, with infinite and out-of-range values clamped to about 292 years and
    /// negative or NaN values to zero, so that a configured `.inf` can never trap.
    public static func clamped(seconds: Double) -> Duration {
        guard seconds > 0 else { return .zero }
        let limit = Double(Int64.max / 2)
        return .seconds(min(seconds, limit))
    }
}

/// A clock whose waits may not pass a deadline: the run's time budget (`--max-time`).
///
/// A wait that would end after the deadline is not begun: it throws `OutOfTime` at once, and the
/// caller stops there, with what it has, instead of sending anything early. The engine, given the
/// same deadline, sends nothing after it. So a Retry-After of an hour, a rate limit that resets
/// later or a silent API cannot hold a run past its budget, and one service's long wait does not
/// use up the time the others would have had.
public struct DeadlineClock: NetworkClock {
    public struct OutOfTime: Error {}

    public let base: any NetworkClock
    public let deadline: ContinuousClock.Instant

    public init(_ base: any NetworkClock, deadline: ContinuousClock.Instant) {
        self.base = base
        self.deadline = deadline
    }

    /// A clock of `base` whose deadline is `seconds` from now; `.inf` is clamped, never a trap.
    public init(_ base: any NetworkClock = SystemClock(), budget seconds: Double) {
        self.init(base, deadline: base.now + .clamped(seconds: seconds))
    }

    public var now: ContinuousClock.Instant { base.now }

    public var date: Date { base.date }

    public func sleep(until target: ContinuousClock.Instant) async throws {
        guard target <= deadline else { throw OutOfTime() }
        try await base.sleep(until: target)
    }
}
