import CuratorCore

/// Looks repositories up through an API instead of fetching their pages.
///
/// The link checker knows only this protocol; `GitHubRepositoryResolver` adapts the GitHub
/// clients to it, and tests substitute their own.
public protocol RepositoryResolver: Sendable {
    /// - Parameter validators: ETags from an earlier run, keyed by `RepositoryName.key`; a
    ///   resolver that cannot use them ignores them.
    func resolve(_ references: [RepositoryName], validators: [String: String]) async -> RepositoryResolution
}

/// What a repository lookup found, keyed by `RepositoryName.key`.
public struct RepositoryResolution: Sendable {
    public var facts: [String: RepositoryFacts]
    /// Validators to send next time.
    public var validators: [String: String]
    /// Repositories whose validator still matched: what the cache holds about them is current.
    public var unchanged: Set<String>
    /// Repositories the API did not answer for, with the reason (a spent rate limit, an outage).
    /// The checker falls back to HTTP for their links.
    public var unresolved: [String: String]

    public init(
        facts: [String: RepositoryFacts] = [:], validators: [String: String] = [:], unchanged: Set<String> = [],
        unresolved: [String: String] = [:]
    ) {
        self.facts = facts
        self.validators = validators
        self.unchanged = unchanged
        self.unresolved = unresolved
    }
}

/// Looks papers up by arXiv identifier (without version) through an API.
public protocol PaperResolver: Sendable {
    func resolve(_ ids: [String]) async -> PaperResolution
}

/// What a paper lookup found, keyed by identifier without version.
public struct PaperResolution: Sendable {
    public var facts: [String: PaperFacts]
    /// Identifiers the API did not answer for, with the reason; their links are checked by HTTP.
    public var unresolved: [String: String]

    public init(facts: [String: PaperFacts] = [:], unresolved: [String: String] = [:]) {
        self.facts = facts
        self.unresolved = unresolved
    }
}
