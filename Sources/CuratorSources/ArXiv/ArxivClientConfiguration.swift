import CuratorHTTP

/// Everything about how the arXiv client talks to the API that a caller or a test may change.
public struct ArxivClientConfiguration: Sendable {
    /// The query endpoint (`ARXIV_API_URL`).
    public var endpoint: String
    /// Ids per request. arXiv's guidance is at most 100 ids a call.
    public var batchSize: Int
    /// Minimum gap between the starts of two requests. arXiv asks for 3 seconds; the default adds a
    /// quarter second because the server measures arrivals, and a request can reach it sooner after
    /// the previous one than it left the client (the first one also paid for connection setup).
    public var spacing: Duration
    public var retry: RetryPolicy
    /// How often a batch that came back with no entries at all is asked again before its ids
    /// are believed unknown. The API sometimes answers a valid query with an empty feed.
    public var emptyFeedRetries: Int
    public var userAgent: String
    /// What the spacing and the retry waits read.
    public var clock: any NetworkClock

    public static let defaultEndpoint = "https://export.arxiv.org/api/query"

    public init(
        endpoint: String = ArxivClientConfiguration.defaultEndpoint,
        batchSize: Int = 100,
        spacing: Duration = .seconds(3),
        retry: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: 5, maxDelay: 60),
        emptyFeedRetries: Int = 1,
        userAgent: String = CuratorIdentity.userAgent,
        clock: any NetworkClock = SystemClock()
    ) {
        self.endpoint = endpoint
        self.batchSize = min(max(1, batchSize), 100)
        self.spacing = spacing
        self.retry = retry
        self.emptyFeedRetries = max(0, emptyFeedRetries)
        self.userAgent = userAgent
        self.clock = clock
    }
}
