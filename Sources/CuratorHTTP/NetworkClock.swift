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
