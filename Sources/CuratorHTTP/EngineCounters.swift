/// How many transfers the engine started, for tests and benchmarks to assert on.
public struct EngineCounters: Sendable, Hashable {
    public struct Host: Sendable, Hashable {
        /// Transfers started, first tries and retries alike.
        public var attempts = 0
        /// Transfers that repeated an earlier one after a transient failure.
        public var retries = 0
    }

    public var attempts = 0
    public var retries = 0
    /// Keyed by lower-cased host name.
    public var hosts: [String: Host] = [:]

    mutating func recordAttempt(host: String, isRetry: Bool) {
        attempts += 1
        hosts[host, default: Host()].attempts += 1
        if isRetry {
            retries += 1
            hosts[host, default: Host()].retries += 1
        }
    }
}
