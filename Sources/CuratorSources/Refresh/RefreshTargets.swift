import CuratorCore

/// The papers and repositories a list names, each once, in document order.
public struct RefreshTargets: Sendable {
    public var papers: [ArxivID]
    public var repositories: [RepositoryName]

    public init(papers: [ArxivID], repositories: [RepositoryName]) {
        self.papers = papers
        self.repositories = repositories
    }

    /// Every arXiv id and every repository of the code links and star badges. The README's copies
    /// name the same papers again; identity (without version, without case) keeps them once.
    public init(catalog: Catalog) {
        var papers: [ArxivID] = []
        var seenPapers = Set<ArxivID>()
        var repositories: [RepositoryName] = []
        var seenRepositories = Set<RepositoryName>()
        for entry in catalog.entries {
            if let id = entry.arxivID, seenPapers.insert(id).inserted { papers.append(id) }
            for name in [entry.repository, entry.starRepository].compactMap({ $0 })
            where seenRepositories.insert(name).inserted {
                repositories.append(name)
            }
        }
        self.papers = papers
        self.repositories = repositories
    }
}
