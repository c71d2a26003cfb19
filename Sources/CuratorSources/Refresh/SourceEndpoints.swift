import CuratorHTTP
import Foundation

/// The API endpoints and credentials from the environment, with the documented defaults. The
/// token and key are held in types that never print their value.
public struct SourceEndpoints: Sendable {
    public var arxiv: String
    public var gitHub: GitHubConfiguration
    public var semanticScholar: SemanticScholarClient.Configuration

    public init(environment: [String: String]) {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        arxiv = value("ARXIV_API_URL") ?? ArxivClientConfiguration.defaultEndpoint
        gitHub = GitHubConfiguration(environment: environment)
        semanticScholar = SemanticScholarClient.Configuration(
            baseURL: value("SEMANTIC_SCHOLAR_API_URL") ?? SemanticScholarClient.Configuration.defaultBaseURL,
            apiKey: value("SEMANTIC_SCHOLAR_API_KEY").flatMap(SemanticScholarAPIKey.init))
    }

    /// The services by endpoint, for counting requests.
    public var services: [(prefix: String, name: String)] {
        [
            (arxiv, "arXiv"), (gitHub.graphQLURL, "GitHub"), (gitHub.apiURL, "GitHub"),
            (semanticScholar.baseURL, "Semantic Scholar"),
        ]
    }
}
