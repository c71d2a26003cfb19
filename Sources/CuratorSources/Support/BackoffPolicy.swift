/// How often and how patiently an API client repeats a request that failed for a transient reason
/// (a 429 with no Retry-After, an empty page). The HTTP engine has its own `RetryPolicy` for
/// transport failures; this one paces whole API calls, above it.
///
/// The delay doubles after each attempt, up to `maximumDelay`, with a random spread of
/// `jitter` (a fraction of the delay) so that many clients do not retry in step.
public struct BackoffPolicy: Sendable, Hashable {
    /// Attempts in total, the first one included.
    public var maxAttempts: Int
    public var initialDelay: Duration
    public var maximumDelay: Duration
    public var jitter: Double

    public init(
        maxAttempts: Int = 4, initialDelay: Duration = .seconds(5), maximumDelay: Duration = .seconds(60),
        jitter: Double = 0.2
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.jitter = max(0, jitter)
    }

    /// The pause before attempt number `attempt + 1`, where `attempt` counts from 1.
    public func delay(after attempt: Int) -> Duration {
        let exponent = Double(max(0, attempt - 1))
        let base = min(initialDelay.seconds * pow2(exponent), maximumDelay.seconds)
        let spread = jitter > 0 ? Double.random(in: -jitter...jitter) : 0
        return .seconds(max(0, base * (1 + spread)))
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(exponent) { value *= 2 }
        return value
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
