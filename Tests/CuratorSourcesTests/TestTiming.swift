import CuratorSources

/// Short waits so the suite runs in seconds while the doubles still enforce their spacing.
enum TestTiming {
    /// The spacing the arXiv double demands.
    static let arxivSpacing: Duration = .milliseconds(200)
    /// The spacing the client keeps: a margin above the double's, as in production (3.25 s for 3 s).
    static let arxivClientSpacing: Duration = .milliseconds(250)
    static let quickRetry = RetryPolicy(maxAttempts: 3, initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200), jitter: 0)
}
