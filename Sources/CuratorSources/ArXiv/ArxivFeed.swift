/// The useful content of one arXiv Atom feed.
public struct ArxivFeed: Sendable, Hashable {
    /// `opensearch:totalResults`; for an `id_list` query, the number of ids found.
    public var totalResults: Int?
    public var papers: [ArxivPaper]
    /// Error entries, which the API sends (with status 400) instead of papers.
    public var errors: [ArxivFeedError]

    public init(totalResults: Int? = nil, papers: [ArxivPaper] = [], errors: [ArxivFeedError] = []) {
        self.totalResults = totalResults
        self.papers = papers
        self.errors = errors
    }
}

/// An error entry of the API, e.g. `incorrect id format for abc`.
public struct ArxivFeedError: Sendable, Hashable {
    public var message: String
    /// The offending id, when the message names one (`incorrect id format for <id>`).
    public var offendingID: String?

    public init(message: String) {
        self.message = message
        let prefix = "incorrect id format for "
        offendingID = message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : nil
    }
}

/// Why a body could not be read as an arXiv feed.
public enum ArxivFeedParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The body is not an Atom feed at all, e.g. a plain-text error page that happens to be XML.
    case notAFeed(reason: String)
    /// The body is broken XML, or a feed cut off before its end: the request failed.
    case malformed(reason: String)

    public var description: String {
        switch self {
        case .notAFeed(let reason):
            "not an arXiv Atom feed: \(reason)"
        case .malformed(let reason):
            "a malformed or truncated arXiv feed: \(reason)"
        }
    }
}
