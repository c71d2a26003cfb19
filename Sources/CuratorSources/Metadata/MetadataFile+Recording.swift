import CuratorCore
import Foundation

/// Folding fetch results into the file. Only keys that were answered change; keys a run could not
/// fetch keep their old record, so an interrupted refresh loses nothing and the next run picks up
/// the oldest records first (`refreshOrder`).
extension MetadataFile {
    public mutating func record(_ outcome: FetchOutcome<ArxivID, PaperLookup>, at date: Date) {
        for (id, lookup) in outcome.results {
            let old = papers[id.base]
            var record: PaperRecord
            switch lookup {
            case .found(let paper):
                record = PaperRecord(status: .found, id: paper.id.description, fetchedAt: date)
                record.title = paper.title
                record.authors = paper.authors.map(\.name)
                record.published = paper.published
                record.updated = paper.updated
                record.comment = paper.comment
                record.journalRef = paper.journalRef
                record.doi = paper.doi
                record.primaryCategory = paper.primaryCategory
                record.venueHints = VenueHints.extract(from: [paper.comment, paper.journalRef])
                record.withdrawn = paper.isWithdrawn
            case .unknown:
                record = PaperRecord(status: .unknown, id: id.base, fetchedAt: date)
            case .malformed:
                record = PaperRecord(status: .malformed, id: id.base, fetchedAt: date)
            }
            // Citation counts come from another service on another schedule; keep them.
            record.citationCount = old?.citationCount
            record.influentialCitationCount = old?.influentialCitationCount
            record.citationsFetchedAt = old?.citationsFetchedAt
            record.scholarVenue = old?.scholarVenue
            papers[id.base] = record
        }
    }

    public mutating func record(_ outcome: FetchOutcome<ArxivID, CitationLookup>, at date: Date) {
        for (id, lookup) in outcome.results {
            guard var record = papers[id.base] else { continue }
            if case .found(let citations) = lookup {
                record.citationCount = citations.citationCount
                record.influentialCitationCount = citations.influentialCitationCount
                let venue = citations.venue?.trimmingCharacters(in: .whitespaces) ?? ""
                record.scholarVenue =
                    venue.isEmpty
                    ? nil : [venue, citations.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            }
            record.citationsFetchedAt = date
            papers[id.base] = record
        }
    }

    public mutating func record(_ outcome: FetchOutcome<RepositoryName, RepositoryLookup>, at date: Date) {
        for (name, lookup) in outcome.results {
            let key = Self.key(name)
            switch lookup {
            case .notModified:
                // The stored record is still right; only its age changes.
                repositories[key]?.fetchedAt = date
            case .found(let info):
                repositories[key] = Self.record(info, status: .found, at: date)
            case .renamed(_, let info):
                repositories[key] = Self.record(info, status: .renamed, at: date)
            case .missing:
                repositories[key] = RepositoryRecord(status: .missing, fetchedAt: date)
            case .blocked(let reason):
                var record = RepositoryRecord(status: .blocked, fetchedAt: date)
                record.blockReason = reason
                repositories[key] = record
            }
        }
    }

    /// ETags to send on the next REST run.
    public var etags: [RepositoryName: String] {
        var etags: [RepositoryName: String] = [:]
        for (key, record) in repositories {
            if let etag = record.etag, let name = RepositoryName(key) { etags[name] = etag }
        }
        return etags
    }

    /// Orders ids so that those never fetched come first, then the least recently fetched; an
    /// interrupted run therefore resumes where it stopped.
    public func refreshOrder(_ ids: [ArxivID]) -> [ArxivID] {
        ids.enumerated().sorted { lhs, rhs in
            let left = papers[lhs.element.base]?.fetchedAt ?? .distantPast
            let right = papers[rhs.element.base]?.fetchedAt ?? .distantPast
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }

    public func refreshOrder(_ names: [RepositoryName]) -> [RepositoryName] {
        names.enumerated().sorted { lhs, rhs in
            let left = repositories[Self.key(lhs.element)]?.fetchedAt ?? .distantPast
            let right = repositories[Self.key(rhs.element)]?.fetchedAt ?? .distantPast
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }

    private static func record(_ info: RepositoryInfo, status: RepositoryRecord.Status, at date: Date)
        -> RepositoryRecord
    {
        var record = RepositoryRecord(status: status, fetchedAt: date)
        record.canonicalName = info.nameWithOwner.description
        record.url = info.url
        record.stars = info.stars
        record.archived = info.isArchived
        record.disabled = info.isDisabled
        record.pushedAt = info.pushedAt
        record.description = info.description
        record.etag = info.etag
        return record
    }
}
