import CuratorHTTP
import CuratorSources

/// The waits the clients are configured with in tests. They run on a `TestClock`, so their length
/// costs no time; the client spacing equals what the double demands, because the client measures
/// the gap from the end of one response, so arrivals can never come closer together than that.
enum TestTiming {
    /// The spacing the arXiv double demands.
    static let arxivSpacing: Duration = .seconds(3)
    static let arxivClientSpacing: Duration = .seconds(3)
    static let quickRetry = RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2, jitter: 0)
}
