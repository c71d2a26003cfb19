/// When and how long to wait before sending a failed request again: the one retry policy, used by
/// the engine for plain links and by the API clients, which know their APIs' limits and retry on
/// an engine that does not (so a request is never retried by two layers at once).
///
/// Only transient outcomes are retried: transport failures that `HTTPFailure.isTransient` calls
/// temporary, and the statuses in `retryableStatuses`. A 404 is an answer, not a failure, so it
/// is returned at once. The wait doubles after each attempt, up to `maxDelay`, with a random spread
/// of `jitter` so that many requests that failed together do not come back together.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per hop, the first one included; 1 disables retries.
    public var maxAttempts: Int
    /// The wait, in seconds, before the first retry; each later retry doubles it.
    public var baseDelay: Double
    /// No computed backoff waits longer than this many seconds.
    public var maxDelay: Double
    /// The fraction (0...1) by which a backoff is randomly stretched or shrunk, so that many
    /// requests that failed together do not come back together.
    public var jitter: Double
    /// The longest wait, in seconds, that a server's Retry-After can impose on one retry.
    public var retryAfterCap: Double
    /// Statuses worth asking again for. 501 and 505 are left out because they say the server
    /// will never support the request, not that it is busy.
    public var retryableStatuses: Set<Int>

    public static let defaultRetryableStatuses: Set<Int> = Set([429] + Array(500...599)).subtracting([501, 505])

    public init(
        maxAttempts: Int = 3,
        baseDelay: Double = 0.5,
        maxDelay: Double = 30,
        jitter: Double = 0.2,
        retryAfterCap: Double = 60,
        retryableStatuses: Set<Int> = RetryPolicy.defaultRetryableStatuses
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.jitter = min(1, max(0, jitter))
        self.retryAfterCap = max(0, retryAfterCap)
        self.retryableStatuses = retryableStatuses
    }

    /// The pause after failed attempt number `attempt` (counted from 1), before the next one.
    public func delay(after attempt: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return .clamped(seconds: backoff(afterAttempt: attempt, using: &generator))
    }

    /// The exponential backoff, in seconds, after the given failed attempt (1 for the first).
    func backoff<G: RandomNumberGenerator>(afterAttempt attempt: Int, using generator: inout G) -> Double {
        let exponent = Double(max(0, attempt - 1))
        let nominal = min(maxDelay, baseDelay * pow2(exponent))
        guard jitter > 0, nominal > 0 else { return nominal }
        let factor = Double.random(in: (1 - jitter)...(1 + jitter), using: &generator)
        return min(maxDelay, nominal * factor)
    }

    /// The wait a server asked for, clamped so that one host cannot stall a run indefinitely.
    public func clampedRetryAfter(_ seconds: Double) -> Double {
        min(retryAfterCap, max(0, seconds))
    }

    public func isRetryable(status: Int) -> Bool {
        retryableStatuses.contains(status)
    }

    func isRetryable(_ failure: HTTPFailure) -> Bool {
        failure.isTransient
    }

    private func pow2(_ exponent: Double) -> Double {
        exponent >= 62 ? .greatestFiniteMagnitude : Double(UInt64(1) << UInt64(exponent))
    }
}
