/// Limits that apply to every request sent to one host name.
public struct HostPolicy: Sendable, Hashable {
    /// How many requests to the host may be in flight at once.
    public var maxConcurrent: Int
    /// The least time, in seconds, between the starts of two requests to the host.
    public var minimumSpacing: Double

    public init(maxConcurrent: Int = 10, minimumSpacing: Double = 0) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.minimumSpacing = max(0, minimumSpacing)
    }
}

/// Everything about `CurlEngine` that is fixed for its lifetime. Per-call policy (timeouts,
/// redirects, body cap) lives in `HTTPRequest` instead.
public struct EngineConfiguration: Sendable {
    /// How many transfers may be in flight at once across all hosts.
    public var maxConcurrentRequests: Int
    /// The policy for hosts without an entry in `hostPolicies`.
    public var defaultHostPolicy: HostPolicy
    /// Overrides keyed by lower-cased host name, e.g. `"export.arxiv.org"`.
    public var hostPolicies: [String: HostPolicy]
    public var retry: RetryPolicy
    /// The response headers of one transfer may not exceed this many bytes in total.
    public var maxHeaderBytes: Int
    public var userAgent: String
    /// What pacing, backoff and Retry-After waits read; tests pass a clock they drive.
    public var clock: any NetworkClock
    /// No attempt starts after this instant, and no transfer runs past it: the run's time budget
    /// (`--max-time`), shared by every engine of a run. Nil for no budget.
    public var deadline: ContinuousClock.Instant?
    /// Decides which hosts a redirect may lead to; see `AddressPolicy`.
    public var addressPolicy: AddressPolicy

    public init(
        maxConcurrentRequests: Int = 128,
        defaultHostPolicy: HostPolicy = HostPolicy(),
        hostPolicies: [String: HostPolicy] = [:],
        retry: RetryPolicy = RetryPolicy(),
        maxHeaderBytes: Int = 256 << 10,
        userAgent: String = CuratorIdentity.userAgent,
        clock: any NetworkClock = SystemClock(),
        deadline: ContinuousClock.Instant? = nil,
        addressPolicy: AddressPolicy = AddressPolicy()
    ) {
        self.maxConcurrentRequests = max(1, maxConcurrentRequests)
        self.defaultHostPolicy = defaultHostPolicy
        self.hostPolicies = Dictionary(
            hostPolicies.map { ($0.key.lowercased(), $0.value) },
            uniquingKeysWith: { _, last in last }
        )
        self.retry = retry
        self.maxHeaderBytes = maxHeaderBytes
        self.userAgent = userAgent
        self.clock = clock
        // A clock with a budget brings its deadline, so that the engine never waits for a start
        // that the clock would refuse to wait for.
        self.deadline = deadline ?? (clock as? DeadlineClock)?.deadline
        self.addressPolicy = addressPolicy
    }

    func policy(forHost host: String) -> HostPolicy {
        hostPolicies[host] ?? defaultHostPolicy
    }
}
