import CuratorCore

/// The metadata file as the facts the network rules read, so that `refresh` runs the same rules
/// as `lint` over what it just fetched.
extension MetadataFile {
    public var facts: Facts {
        var papers: [String: PaperFacts] = [:]
        for (key, record) in self.papers {
            let state: PaperFacts.State =
                switch record.status {
                case .found: record.withdrawn ? .withdrawn : .found
                case .unknown, .malformed: .unknown
                }
            papers[key] = PaperFacts(
                id: key, state: state, version: ArxivID(record.id)?.version, title: record.title,
                authors: record.authors,
                comment: record.comment, journalRef: record.journalRef, published: record.published,
                citations: record.citationCount)
        }
        var repositories: [String: RepositoryFacts] = [:]
        for (key, record) in self.repositories {
            guard let requested = RepositoryName(key) else { continue }
            let canonical = record.canonicalName.flatMap { RepositoryName($0) }
            let state: RepositoryFacts.State =
                switch record.status {
                case .found, .renamed: .found
                case .missing: .missing
                case .blocked: .blocked
                }
            repositories[key] = RepositoryFacts(
                requested: requested, state: state, canonical: canonical,
                stars: record.stars, archived: record.archived ?? false, pushedAt: record.pushedAt,
                detail: record.blockReason)
        }
        return Facts(papers: papers, repositories: repositories)
    }
}
