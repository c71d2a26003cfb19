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
    public var retry: BackoffPolicy
    public var sleeper: Sleeper
    public var now: @Sendable () -> Date

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
        retry: BackoffPolicy = BackoffPolicy(maxAttempts: 3, initialDelay: .seconds(2), maximumDelay: .seconds(30)),
        sleeper: @escaping Sleeper = taskSleeper,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.apiURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        self.graphQLURL = graphQLURL
        self.token = token
        self.userAgent = userAgent
        self.apiVersion = apiVersion
        self.rateLimitWaitThreshold = rateLimitWaitThreshold
        self.maxRateLimitWaits = maxRateLimitWaits
        self.retry = retry
        self.sleeper = sleeper
        self.now = now
    }

    /// Reads `GITHUB_API_URL`, `GITHUB_GRAPHQL_URL` and `GITHUB_TOKEN`; the token is never echoed.
    public init(environment: [String: String]) {
        self.init(
            apiURL: environment["GITHUB_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultAPIURL,
            graphQLURL: environment["GITHUB_GRAPHQL_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultGraphQLURL,
            token: environment["GITHUB_TOKEN"].flatMap(GitHubToken.init)
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
