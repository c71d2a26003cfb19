import CuratorCore
import Foundation

/// What the GitHub API says about a repository, in the fields the list needs.
public struct RepositoryInfo: Sendable, Hashable {
    /// The canonical `owner/name`, which differs from the request after a rename or transfer.
    public var nameWithOwner: RepositoryName
    public var url: String
    public var stars: Int
    public var isArchived: Bool
    public var isDisabled: Bool
    public var pushedAt: Date?
    public var description: String?
    /// The REST validator to send as `If-None-Match` next time; GraphQL has none.
    public var etag: String?

    public init(
        nameWithOwner: RepositoryName, url: String, stars: Int, isArchived: Bool, isDisabled: Bool = false,
        pushedAt: Date? = nil, description: String? = nil, etag: String? = nil
    ) {
        self.nameWithOwner = nameWithOwner
        self.url = url
        self.stars = stars
        self.isArchived = isArchived
        self.isDisabled = isDisabled
        self.pushedAt = pushedAt
        self.description = description
        self.etag = etag
    }
}

/// What a repository lookup found.
public enum RepositoryLookup: Sendable, Hashable {
    case found(RepositoryInfo)
    /// The repository answers under another name (renamed or transferred); links should follow.
    case renamed(from: RepositoryName, to: RepositoryInfo)
    /// Deleted, never existed, or private: GitHub answers all three the same way.
    case missing
    /// Access is blocked, with GitHub's `block.reason` (`dmca`, `tos`, …).
    case blocked(reason: String)
    /// The ETag still matches: the stored record is current.
    case notModified
}
