import Foundation

/// What the network said about a list, gathered before the network rules run.
///
/// The fetchers in CuratorSources fill it in; the rules in CuratorRules only read it, so rules
/// stay pure functions of the list and these facts and are tested without a network.
public struct Facts: Sendable {
    /// Verdicts on plain links, keyed by the URL as written in the list.
    public var links: [String: LinkVerdict]
    /// arXiv metadata keyed by identifier without version.
    public var papers: [String: PaperFacts]
    /// GitHub metadata keyed by `RepositoryName.key` (lowercased owner/name).
    public var repositories: [String: RepositoryFacts]

    public init(
        links: [String: LinkVerdict] = [:], papers: [String: PaperFacts] = [:],
        repositories: [String: RepositoryFacts] = [:]
    ) {
        self.links = links
        self.papers = papers
        self.repositories = repositories
    }
}

/// One hop of a redirect chain as evidence: the URL, the status it answered, where it pointed.
public struct RedirectHop: Sendable, Hashable, Codable {
    public var url: String
    public var status: Int
    public var location: String

    public init(url: String, status: Int, location: String) {
        self.url = url
        self.status = status
        self.location = location
    }
}

/// The outcome of checking one link. Only `dead` is an error: everything else that is not `ok`
/// says what was seen, so a pull request is never failed by a remote host's bad day.
public enum LinkVerdict: Sendable, Hashable, Codable {
    case ok(status: Int)
    /// A redirect chain ending in success; a permanent one is fixable to `target`.
    case redirected(permanent: Bool, target: String, chain: [RedirectHop])
    /// Definitive evidence that the target is gone: 404, 410, 451, no such host, repository or paper.
    case dead(reason: DeadReason, status: Int?, detail: String)
    /// A bot wall (Cloudflare challenge, 999, 403 from a known blocker).
    case blocked(status: Int, detail: String)
    case rateLimited(status: Int, retryAfter: Double?)
    case timeout(detail: String)
    /// Connection reset or refused, 5xx, TLS trouble: may work next time.
    case transient(status: Int?, curlCode: Int?, detail: String)
    case excluded(pattern: String)

    public enum DeadReason: String, Sendable, Hashable, Codable {
        case notFound, gone, unavailableForLegalReasons, noSuchHost, noSuchRepository, noSuchPaper
        /// The URL cannot be fetched by anyone: it does not parse, or names no host.
        case malformedURL
    }

    public var isDead: Bool {
        if case .dead = self { return true }
        return false
    }

    /// Whether the verdict is settled enough to reuse from a cache in a later run. Blocked,
    /// throttled, timed-out and transient outcomes say nothing lasting, so they are never reused.
    public var isCacheable: Bool {
        switch self {
        case .ok, .redirected, .dead: true
        case .blocked, .rateLimited, .timeout, .transient, .excluded: false
        }
    }
}

/// What arXiv says about a paper.
public struct PaperFacts: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable { case found, unknown, withdrawn }

    public var id: String
    public var state: State
    public var version: Int?
    public var title: String?
    public var authors: [String]
    public var comment: String?
    public var journalRef: String?
    public var published: Date?
    /// Citation count from Semantic Scholar, when fetched.
    public var citations: Int?

    public init(
        id: String, state: State, version: Int? = nil, title: String? = nil, authors: [String] = [],
        comment: String? = nil, journalRef: String? = nil, published: Date? = nil, citations: Int? = nil
    ) {
        self.id = id
        self.state = state
        self.version = version
        self.title = title
        self.authors = authors
        self.comment = comment
        self.journalRef = journalRef
        self.published = published
        self.citations = citations
    }
}

/// What GitHub says about a repository.
public struct RepositoryFacts: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable { case found, missing, blocked }

    /// As written in the list.
    public var requested: RepositoryName
    public var state: State
    /// GitHub's current owner/name; differs from `requested` when the repository was renamed
    /// or transferred.
    public var canonical: RepositoryName?
    public var stars: Int?
    public var archived: Bool
    public var pushedAt: Date?
    /// For `blocked`: GitHub's reason (dmca, tos).
    public var detail: String?

    public init(
        requested: RepositoryName, state: State, canonical: RepositoryName? = nil, stars: Int? = nil,
        archived: Bool = false, pushedAt: Date? = nil, detail: String? = nil
    ) {
        self.requested = requested
        self.state = state
        self.canonical = canonical
        self.stars = stars
        self.archived = archived
        self.pushedAt = pushedAt
        self.detail = detail
    }

    public var isRenamed: Bool {
        guard let canonical else { return false }
        return canonical.key != requested.key
    }
}
