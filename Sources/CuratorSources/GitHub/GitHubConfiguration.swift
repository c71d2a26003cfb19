import CuratorHTTP
import Foundation

/// How the GitHub clients reach the API and how patient they are with its limits.
public struct GitHubConfiguration: Sendable {
    /// REST base (`GITHUB_API_URL`), without a trailing slash.
    public var apiURL: String
    /// GraphQL endpoint (`GITHUB_GRAPHQL_URL`).
    public var graphQLURL: String
    /// With a token the GraphQL API is used (100 repositories a query); without one, REST with ETags.
    public var token: GitHubToken?
    public var userAgent: String
    public var apiVersion: String
    /// A limit that resets within this time is waited for; a later reset stops the run cleanly.
    public var rateLimitWaitThreshold: Duration
    /// How many limit waits one run may take before it stops anyway.
    public var maxRateLimitWaits: Int
    /// For 5xx answers and transport failures.
    public var retry: RetryPolicy
    /// What retry and rate-limit waits, and the reset times they are measured against, read.
    public var clock: any NetworkClock

    public static let defaultAPIURL = "https://api.github.com"
    public static let defaultGraphQLURL = "https://api.github.com/graphql"

    public init(
        apiURL: String = GitHubConfiguration.defaultAPIURL,
        graphQLURL: String = GitHubConfiguration.defaultGraphQLURL,
        token: GitHubToken? = nil,
        userAgent: String = CuratorIdentity.userAgent,
        apiVersion: String = "2022-11-28",
        rateLimitWaitThreshold: Duration = .seconds(60),
        maxRateLimitWaits: Int = 3,
        retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: 2, maxDelay: 30),
        clock: any NetworkClock = SystemClock()
    ) {
        self.apiURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        self.graphQLURL = graphQLURL
        self.token = token
        self.userAgent = userAgent
        self.apiVersion = apiVersion
        self.rateLimitWaitThreshold = rateLimitWaitThreshold
        self.maxRateLimitWaits = maxRateLimitWaits
        self.retry = retry
        self.clock = clock
    }

    /// Reads `GITHUB_API_URL`, `GITHUB_GRAPHQL_URL` and `GITHUB_TOKEN`; the token is never echoed.
    public init(environment: [String: String], clock: any NetworkClock = SystemClock()) {
        self.init(
            apiURL: environment["GITHUB_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultAPIURL,
            graphQLURL: environment["GITHUB_GRAPHQL_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultGraphQLURL,
            token: environment["GITHUB_TOKEN"].flatMap(GitHubToken.init),
            clock: clock
        )
    }

    /// The headers every GitHub request carries; `Authorization` only when a token is set.
    func headers() -> [(String, String)] {
        var headers = [
            ("User-Agent", userAgent),
            ("Accept", "application/vnd.github+json"),
            ("X-GitHub-Api-Version", apiVersion),
        ]
        if let token { headers.append(("Authorization", token.authorizationValue)) }
        return headers
    }
}
