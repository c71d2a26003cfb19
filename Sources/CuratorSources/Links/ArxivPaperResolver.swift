import CuratorCore

/// Resolves papers through `ArxivClient`: up to 100 ids a request, one request at a time, spaced
/// as arXiv asks.
public struct ArxivPaperResolver: PaperResolver {
    private let client: ArxivClient

    public init(client: ArxivClient) {
        self.client = client
    }

    public func resolve(_ ids: [String]) async -> PaperResolution {
        var resolution = PaperResolution()
        var parsed: [ArxivID] = []
        for id in ids {
            if let arxivID = ArxivID(id) {
                parsed.append(arxivID)
            } else {
                // The list's parser accepts a few shapes arXiv rejects as malformed (a month
                // above 12); such an id names no paper.
                resolution.facts[id] = PaperFacts(id: id, state: .unknown)
            }
        }
        let outcome = await client.lookup(parsed)
        for (id, lookup) in outcome.results {
            switch lookup {
            case .found(let paper):
                resolution.facts[id.base] = PaperFacts(
                    id: id.base, state: paper.isWithdrawn ? .withdrawn : .found, version: paper.id.version,
                    title: paper.title, authors: paper.authors.map(\.name), comment: paper.comment,
                    journalRef: paper.journalRef, published: paper.published)
            case .unknown, .malformed:
                resolution.facts[id.base] = PaperFacts(id: id.base, state: .unknown)
            }
        }
        let reason = outcome.stop?.description ?? "no answer from the arXiv API"
        for id in outcome.unfetched { resolution.unresolved[id.base] = reason }
        return resolution
    }
}
