import CuratorCore
import Foundation

/// One author as arXiv lists them; affiliations appear only when the submitter entered them.
public struct ArxivAuthor: Sendable, Hashable, Codable {
    public var name: String
    public var affiliations: [String]

    public init(name: String, affiliations: [String] = []) {
        self.name = name
        self.affiliations = affiliations
    }
}

/// A paper's metadata as the arXiv API reports its latest (or requested) version.
public struct ArxivPaper: Sendable, Hashable {
    /// The id with the version the feed reported, e.g. `2409.13652v2`.
    public var id: ArxivID
    public var title: String
    public var authors: [ArxivAuthor]
    public var summary: String
    /// When version 1 was submitted.
    public var published: Date?
    /// When the reported version was submitted.
    public var updated: Date?
    public var comment: String?
    public var journalRef: String?
    public var doi: String?
    public var primaryCategory: String?
    public var categories: [String]

    public init(
        id: ArxivID, title: String, authors: [ArxivAuthor], summary: String, published: Date?, updated: Date?,
        comment: String? = nil, journalRef: String? = nil, doi: String? = nil, primaryCategory: String? = nil,
        categories: [String] = []
    ) {
        self.id = id
        self.title = title
        self.authors = authors
        self.summary = summary
        self.published = published
        self.updated = updated
        self.comment = comment
        self.journalRef = journalRef
        self.doi = doi
        self.primaryCategory = primaryCategory
        self.categories = categories
    }

    /// Whether the authors withdrew the paper.
    ///
    /// arXiv keeps a withdrawn paper's record and replaces its latest version with a notice; the
    /// API has no field for that, so the only signal is the comment, which reads like "This paper
    /// has been withdrawn by the author" or "Withdrawn due to ...".
    public var isWithdrawn: Bool {
        guard let comment else { return false }
        return comment.range(of: "withdrawn", options: .caseInsensitive) != nil
    }
}

/// What a lookup by id found.
public enum PaperLookup: Sendable, Hashable {
    case found(ArxivPaper)
    /// The id is well-formed but arXiv has no such paper (it is absent from the feed).
    case unknown
    /// The id cannot be an arXiv id; arXiv itself answers such ids with `400 incorrect id format`.
    case malformed(reason: String)

    public var paper: ArxivPaper? {
        if case .found(let paper) = self { paper } else { nil }
    }
}
