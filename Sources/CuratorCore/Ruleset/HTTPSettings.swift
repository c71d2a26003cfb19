/// The `http:` key of a config: how hard the link checker may press remote hosts.
///
///     http:
///       concurrency: 64          # requests in flight across all hosts
///       timeout: 20              # seconds for one link, redirects included
///       retries: 2               # extra attempts after a transient failure
///       per-host: {concurrency: 8, spacing: 0}
///       hosts:
///         openreview.net: {concurrency: 2, spacing: 1.5}
public struct HTTPSettings: Sendable {
    public var concurrency: Int?
    public var timeout: Double?
    public var retries: Int?
    /// The limits of a host that `hosts` does not name.
    public var perHost: HostSettings?
    /// Limits keyed by host name, compared case-insensitively.
    public var hosts: [String: HostSettings]?

    public init(
        concurrency: Int? = nil, timeout: Double? = nil, retries: Int? = nil, perHost: HostSettings? = nil,
        hosts: [String: HostSettings]? = nil
    ) {
        self.concurrency = concurrency
        self.timeout = timeout
        self.retries = retries
        self.perHost = perHost
        self.hosts = hosts
    }
}

extension HTTPSettings {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        concurrency = try fields.optional("concurrency")?.int()
        timeout = try fields.optional("timeout")?.double()
        retries = try fields.optional("retries")?.int()
        perHost = try fields.optional("per-host").map(HostSettings.init)
        hosts = try fields.optional("hosts")?.dictionary(HostSettings.init)
    }
}

/// Limits for one host: requests in flight and seconds between the starts of two requests.
public struct HostSettings: Sendable {
    public var concurrency: Int?
    public var spacing: Double?

    public init(concurrency: Int? = nil, spacing: Double? = nil) {
        self.concurrency = concurrency
        self.spacing = spacing
    }
}

extension HostSettings {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        concurrency = try fields.optional("concurrency")?.int()
        spacing = try fields.optional("spacing")?.double()
    }
}

/// The `cache:` key: where link verdicts are kept between runs and for how long they hold.
public struct CacheSettings: Sendable {
    /// Relative to the list's root; `.curator/links.json` when unset.
    public var path: String?
    /// A duration such as `36h`, `2d`, `90m` or seconds.
    public var maxAge: String?
}

extension CacheSettings {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        path = try fields.optional("path")?.string()
        maxAge = try fields.optional("max-age")?.string()
    }
}
