/// Citation figures for one paper from Semantic Scholar.
public struct PaperCitations: Sendable, Hashable, Decodable {
    public var paperId: String
    public var citationCount: Int?
    public var influentialCitationCount: Int?
    /// Often an empty string when Semantic Scholar has no venue; kept as sent.
    public var venue: String?
    public var year: Int?

    public init(
        paperId: String, citationCount: Int?, influentialCitationCount: Int? = nil, venue: String? = nil,
        year: Int? = nil
    ) {
        self.paperId = paperId
        self.citationCount = citationCount
        self.influentialCitationCount = influentialCitationCount
        self.venue = venue
        self.year = year
    }
}

public enum CitationLookup: Sendable, Hashable {
    case found(PaperCitations)
    /// Semantic Scholar has no paper for this arXiv id (its batch answer holds `null`).
    case unknown
}
