import CuratorCore

/// What a URL stands for, which decides how it is checked: entities through their APIs, the rest
/// by HTTP.
public enum LinkTarget: Sendable, Hashable {
    /// A github.com repository page (or a page inside it), or a star badge showing one.
    case repository(RepositoryName)
    /// An arXiv abstract, PDF or HTML page, by identifier without version.
    case paper(String)
    case web

    /// First path components of github.com that are GitHub's own pages, not repository owners.
    static let reservedGitHubOwners: Set<String> = [
        "orgs", "users", "sponsors", "features", "topics", "marketplace", "settings", "apps", "collections",
        "explore", "login", "about", "pricing", "enterprise", "search", "trending", "notifications",
    ]

    public init(url: String, kind: LinkOccurrence.Kind) {
        if kind == .starBadge, let repository = RepositoryName(starBadgeURL: url) {
            self = .repository(repository)
        } else if let repository = RepositoryName(url: url),
            !Self.reservedGitHubOwners.contains(repository.owner.lowercased())
        {
            self = .repository(repository)
        } else if let paper = ArxivID(url: url) {
            self = .paper(paper.base)
        } else {
            self = .web
        }
    }
}
