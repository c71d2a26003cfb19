import CuratorCore
import CuratorHTTP

/// Chooses the GitHub API by whether a token is configured: GraphQL batches with one, REST with
/// ETags without one (the GraphQL API refuses anonymous calls).
public struct GitHubClient: Sendable {
    private let http: any HTTPClient
    public let configuration: GitHubConfiguration

    public init(http: any HTTPClient, configuration: GitHubConfiguration) {
        self.http = http
        self.configuration = configuration
    }

    /// `etags` are used only on the REST path; GraphQL has no conditional requests.
    public func lookup(
        _ names: [RepositoryName], etags: [RepositoryName: String] = [:]
    ) async -> FetchOutcome<RepositoryName, RepositoryLookup> {
        if configuration.token != nil {
            await GitHubGraphQLClient(http: http, configuration: configuration).lookup(names)
        } else {
            await GitHubRESTClient(http: http, configuration: configuration).lookup(names, etags: etags)
        }
    }
}
