import CuratorCore

/// Resolves repositories through `GitHubClient`: GraphQL batches of 100 with a token, REST with
/// ETag conditional requests without one.
public struct GitHubRepositoryResolver: RepositoryResolver {
    private let client: GitHubClient

    public init(client: GitHubClient) {
        self.client = client
    }

    public func resolve(_ references: [RepositoryName], validators: [String: String]) async -> RepositoryResolution {
        var names: [RepositoryName] = []
        var requested: [RepositoryName: RepositoryName] = [:]
        var resolution = RepositoryResolution()
        for name in references where requested[name] == nil {
            names.append(name)
            requested[name] = name
        }
        var etags: [RepositoryName: String] = [:]
        for name in names {
            if let reference = requested[name], let etag = validators[reference.key] { etags[name] = etag }
        }
        let outcome = await client.lookup(names, etags: etags)
        for (name, lookup) in outcome.results {
            guard let reference = requested[name] else { continue }
            switch lookup {
            case .found(let info), .renamed(_, let info):
                resolution.facts[reference.key] = Self.facts(reference, info)
                if let etag = info.etag { resolution.validators[reference.key] = etag }
            case .missing:
                resolution.facts[reference.key] = RepositoryFacts(requested: reference, state: .missing)
            case .blocked(let reason):
                resolution.facts[reference.key] = RepositoryFacts(requested: reference, state: .blocked, detail: reason)
            case .notModified:
                resolution.unchanged.insert(reference.key)
                if let etag = etags[name] { resolution.validators[reference.key] = etag }
            }
        }
        let reason = outcome.stop?.description ?? "no answer from the GitHub API"
        for name in outcome.unfetched {
            if let reference = requested[name] { resolution.unresolved[reference.key] = reason }
        }
        for name in names where outcome.results[name] == nil {
            if let reference = requested[name], resolution.unresolved[reference.key] == nil {
                resolution.unresolved[reference.key] = reason
            }
        }
        return resolution
    }

    static func facts(_ requested: RepositoryName, _ info: RepositoryInfo) -> RepositoryFacts {
        RepositoryFacts(
            requested: requested, state: .found,
            canonical: info.nameWithOwner,
            stars: info.stars, archived: info.isArchived, pushedAt: info.pushedAt)
    }
}
