import CuratorSources

/// Short waits so the suite runs in seconds while the doubles still enforce their spacing.
enum TestTiming {
    /// The spacing the arXiv double demands.
    static let arxivSpacing: Duration = .milliseconds(200)
    /// The client keeps exactly the spacing the double demands: it measures the gap from the end of
    /// one response, so arrivals can never come closer together than that.
    static let arxivClientSpacing: Duration = .milliseconds(200)
    static let quickRetry = BackoffPolicy(
        maxAttempts: 3, initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200), jitter: 0)
}
