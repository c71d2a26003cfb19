import CuratorCore
import CuratorSources
import CuratorTestSupport

enum GitHubFixtures {
    static let secret = "ghp_TEST0nly5ecretValue0123456789abcdef"

    static let fast = GitHubDoubleRepository(
        id: 1001, fullName: "FastLab/fast-llm", stars: 4321, description: "Fast inference.")
    static let archived = GitHubDoubleRepository(
        id: 1002, fullName: "OldLab/old-llm", stars: 12, archived: true, description: nil,
        pushedAt: "2019-03-01T00:00:00Z", licenseSPDX: nil)
    static let moved = GitHubDoubleRepository(id: 1003, fullName: "NewOrg/new-name", stars: 99)

    static func many(_ count: Int) -> [GitHubDoubleRepository] {
        (0..<count).map { GitHubDoubleRepository(id: 5000 + $0, fullName: "bulk/repo-\($0)", stars: $0) }
    }

    static func names(_ texts: [String]) -> [RepositoryName] { texts.map { RepositoryName($0)! } }

    static func start(
        _ repositories: [GitHubDoubleRepository], restLimit: Int = 60, graphQLLimit: Int = 5000, resetIn: Double = 3600
    ) async throws -> GitHubDouble {
        let double = GitHubDouble(
            repositories: repositories, restLimit: restLimit, graphQLLimit: graphQLLimit, resetIn: resetIn)
        try await double.start()
        await double.rename("OldOrg/old-name", to: 1003)
        await double.block("Taken/down", status: 451, reason: "dmca")
        await double.block("Bad/actor", status: 403, reason: "tos")
        return double
    }

    static func configuration(
        _ double: GitHubDouble, token: String?, sleeper: Sleeper? = nil, threshold: Duration = .seconds(60)
    ) async -> GitHubConfiguration {
        GitHubConfiguration(
            apiURL: await double.apiURL, graphQLURL: await double.graphQLURL, token: token.flatMap(GitHubToken.init),
            rateLimitWaitThreshold: threshold, retry: TestTiming.quickRetry, sleeper: sleeper ?? { _ in })
    }
}
