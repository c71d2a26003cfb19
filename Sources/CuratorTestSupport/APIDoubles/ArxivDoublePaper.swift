/// A paper the arXiv double knows, described in the API's own terms.
public struct ArxivDoublePaper: Sendable {
    public struct Author: Sendable {
        public var name: String
        public var affiliations: [String]

        public init(_ name: String, affiliations: [String] = []) {
            self.name = name
            self.affiliations = affiliations
        }
    }

    /// The id without version, e.g. `2409.13652` or `hep-th/9901001`.
    public var id: String
    /// The latest version; every version from 1 up to it exists.
    public var latestVersion: Int
    public var title: String
    public var authors: [Author]
    public var summary: String
    /// ISO 8601 instants as the API writes them, e.g. `2024-09-20T16:07:14Z`.
    public var published: String
    public var updated: String
    public var comment: String?
    public var journalRef: String?
    public var doi: String?
    public var primaryCategory: String
    public var categories: [String]

    public init(
        id: String, latestVersion: Int = 1, title: String, authors: [Author], summary: String,
        published: String = "2024-09-20T16:07:14Z", updated: String? = nil, comment: String? = nil,
        journalRef: String? = nil, doi: String? = nil, primaryCategory: String = "cs.CL", categories: [String]? = nil
    ) {
        self.id = id
        self.latestVersion = latestVersion
        self.title = title
        self.authors = authors
        self.summary = summary
        self.published = published
        self.updated = updated ?? published
        self.comment = comment
        self.journalRef = journalRef
        self.doi = doi
        self.primaryCategory = primaryCategory
        self.categories = categories ?? [primaryCategory]
    }
}
