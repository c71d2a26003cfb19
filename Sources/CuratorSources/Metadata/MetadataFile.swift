import CuratorCore
import Foundation

/// The contents of `.curator/metadata.json`: what the last refreshes learned about every paper and
/// repository in the list.
///
/// Records are keyed by the arXiv id without version and by the repository's `owner/name` in lower
/// case, and the file is written with sorted keys, so a scheduled run's commit shows only the
/// values that changed.
public struct MetadataFile: Codable, Sendable, Equatable {
    public static let currentFormat = 1

    public var format: Int
    public var papers: [String: PaperRecord]
    public var repositories: [String: RepositoryRecord]

    public init(papers: [String: PaperRecord] = [:], repositories: [String: RepositoryRecord] = [:]) {
        self.format = Self.currentFormat
        self.papers = papers
        self.repositories = repositories
    }

    public func paper(_ id: ArxivID) -> PaperRecord? { papers[id.base] }

    public func repository(_ name: RepositoryName) -> RepositoryRecord? { repositories[Self.key(name)] }

    static func key(_ name: RepositoryName) -> String { name.description.lowercased() }
}

/// What is known about one paper.
public struct PaperRecord: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case found, unknown, malformed }

    public var status: Status
    /// The id with the version last seen, e.g. `2409.13652v2`.
    public var id: String
    public var title: String?
    public var authors: [String]
    public var published: Date?
    public var updated: Date?
    public var comment: String?
    public var journalRef: String?
    public var doi: String?
    public var primaryCategory: String?
    /// Venue names found in the comment and journal reference, e.g. `ICLR 2025`.
    public var venueHints: [String]
    public var withdrawn: Bool
    public var citationCount: Int?
    public var influentialCitationCount: Int?
    /// The venue Semantic Scholar gives the paper, with its year (`NeurIPS 2023`); a candidate for
    /// the report only, since it lags behind acceptance and names venues in its own spelling.
    public var scholarVenue: String?
    public var fetchedAt: Date
    public var citationsFetchedAt: Date?

    public init(status: Status, id: String, fetchedAt: Date) {
        self.status = status
        self.id = id
        self.authors = []
        self.venueHints = []
        self.withdrawn = false
        self.fetchedAt = fetchedAt
    }
}

/// What is known about one repository.
public struct RepositoryRecord: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case found, renamed, missing, blocked }

    public var status: Status
    /// The `owner/name` GitHub reports, which differs from the key after a rename.
    public var canonicalName: String?
    public var url: String?
    public var stars: Int?
    public var archived: Bool?
    public var disabled: Bool?
    public var pushedAt: Date?
    public var description: String?
    public var blockReason: String?
    /// The REST validator for the next conditional request.
    public var etag: String?
    public var fetchedAt: Date

    public init(status: Status, fetchedAt: Date) {
        self.status = status
        self.fetchedAt = fetchedAt
    }
}
