import CuratorCore
import CuratorHTTP
import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorSources

/// The token must reach the `Authorization` header and nowhere else a person could read.
@Suite struct TokenRedactionTests {
    private func assertHidden(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!text.contains(GitHubFixtures.secret), sourceLocation: sourceLocation)
        #expect(!text.contains("5ecretValue"), sourceLocation: sourceLocation)
    }

    @Test func theTokenIsHiddenFromDescriptionsAndDumps() {
        let token = GitHubToken(GitHubFixtures.secret)!
        let configuration = GitHubConfiguration(token: token)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [
            "\(token)", String(reflecting: token), dumped, String(describing: configuration),
            String(reflecting: configuration),
        ] {
            assertHidden(text)
        }
        #expect(GitHubConfiguration(environment: ["GITHUB_TOKEN": GitHubFixtures.secret]).token != nil)
    }

    @Test func theTokenIsSentButNeverAppearsInOutcomesOrStops() async throws {
        let double = try await GitHubFixtures.start(GitHubFixtures.many(3), graphQLLimit: 1)
        defer { Task { await double.stop() } }
        let configuration = await GitHubFixtures.configuration(double, token: GitHubFixtures.secret)
        let client = GitHubGraphQLClient(http: URLSessionTestClient(), configuration: configuration, batchSize: 2)
        await double.enqueue(.serverError(status: 502), .serverError(status: 502), .serverError(status: 502))

        let failed = await client.lookup(GitHubFixtures.many(3).map { RepositoryName($0.fullName)! })
        let limited = await client.lookup(GitHubFixtures.many(3).map { RepositoryName($0.fullName)! })

        var texts = [String(describing: failed), String(describing: limited)]
        texts += [failed.stop, limited.stop].compactMap { $0.map { "\($0)" } }
        var dumped = ""
        dump(limited, to: &dumped)
        texts.append(dumped)
        texts.forEach { assertHidden($0) }
        #expect(failed.stop == .serviceUnavailable(status: 502, attempts: 3))
        #expect(limited.stop != nil)
        #expect(await double.requests().contains { $0.header("Authorization") == "Bearer \(GitHubFixtures.secret)" })
    }

    @Test func transportFailuresDoNotCarryTheToken() async throws {
        let refused = HTTPFailure(.connectionRefused, curlCode: 7, message: "Failed to connect to 127.0.0.1 port 9")
        let scripted = ScriptedClient(
            steps: [.fail(refused), .fail(refused), .fail(refused)], then: URLSessionTestClient())
        let configuration = GitHubConfiguration(
            apiURL: "http://127.0.0.1:9", graphQLURL: "http://127.0.0.1:9/graphql",
            token: GitHubToken(GitHubFixtures.secret),
            retry: TestTiming.quickRetry, sleeper: { _ in })

        let outcome = await GitHubClient(http: scripted, configuration: configuration).lookup(
            GitHubFixtures.names(["a/b"]))

        #expect(outcome.stop == .transport(kind: "connectionRefused", attempts: 3))
        assertHidden(String(describing: outcome))
    }
}
