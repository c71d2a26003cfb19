import CuratorCore
import CuratorHTTP
import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorSources

@Suite struct GitHubGraphQLClientTests {
    @Test func batchesOneHundredAliasesAQueryAndMapsEachBack() async throws {
        let double = try await GitHubFixtures.start(
            GitHubFixtures.many(148) + [GitHubFixtures.fast, GitHubFixtures.moved])
        defer { Task { await double.stop() } }
        let client = GitHubClient(
            http: URLSessionTestClient(),
            configuration: await GitHubFixtures.configuration(double, token: GitHubFixtures.secret))
        var names = GitHubFixtures.many(147).map { RepositoryName($0.fullName)! }
        names += GitHubFixtures.names(["fastlab/FAST-LLM", "OldOrg/old-name", "nobody/nothing"])

        let outcome = await client.lookup(names)

        #expect(outcome.stop == nil)
        #expect(outcome.unfetched.isEmpty)
        #expect(outcome.results.count == 150)
        let log = await double.requests()
        #expect(log.count == 2)
        #expect(log.map { GraphQLBody.aliasCount($0.bodyText) } == [100, 50])
        #expect(log.allSatisfy { $0.method == "POST" && $0.path == "/graphql" })
        #expect(log.allSatisfy { $0.header("Authorization") == "Bearer \(GitHubFixtures.secret)" })
        #expect(
            log.allSatisfy {
                $0.header("Accept") == "application/vnd.github+json"
                    && $0.header("X-GitHub-Api-Version") == "2022-11-28"
            })
        #expect(log.allSatisfy { $0.header("User-Agent") == CuratorIdentity.userAgent })
        #expect(log.allSatisfy { $0.bodyText.contains("rateLimit") })

        guard case .found(let fast)? = outcome.results[RepositoryName("FastLab/fast-llm")!] else {
            Issue.record("expected found")
            return
        }
        #expect(fast.stars == 4321)
        #expect(fast.nameWithOwner.description == "FastLab/fast-llm")
        #expect(outcome.results[RepositoryName("nobody/nothing")!] == .missing)
        guard case .renamed(let from, let to)? = outcome.results[RepositoryName("OldOrg/old-name")!] else {
            Issue.record("expected renamed")
            return
        }
        #expect(from.description == "OldOrg/old-name")
        #expect(to.nameWithOwner.description == "NewOrg/new-name")
        #expect(
            outcome.results[RepositoryName("bulk/repo-5")!].map {
                if case .found(let info) = $0 { info.stars } else { -1 }
            } == 5)
    }

    @Test(arguments: [GitHubDouble.GraphQLLimitStyle.rateLimited, .rateLimit])
    func aSpentBudgetStopsCleanlyWithWhatWasFetched(style: GitHubDouble.GraphQLLimitStyle) async throws {
        let double = try await GitHubFixtures.start(GitHubFixtures.many(150), graphQLLimit: 1)
        defer { Task { await double.stop() } }
        await double.setGraphQLLimitStyle(style)
        let client = GitHubGraphQLClient(
            http: URLSessionTestClient(),
            configuration: await GitHubFixtures.configuration(double, token: GitHubFixtures.secret))

        let outcome = await client.lookup(GitHubFixtures.many(150).map { RepositoryName($0.fullName)! })

        #expect(outcome.results.count == 100)
        #expect(outcome.unfetched.count == 50)
        guard case .rateLimited(let resetAt)? = outcome.stop else {
            Issue.record("expected a primary rate-limit stop, got \(String(describing: outcome.stop))")
            return
        }
        #expect(resetAt.map { $0.timeIntervalSinceNow > 3000 } == true)
    }

    @Test func aNearSecondaryLimitIsWaitedOut() async throws {
        let double = try await GitHubFixtures.start([GitHubFixtures.fast])
        defer { Task { await double.stop() } }
        await double.enqueue(.secondaryLimit(status: 403, retryAfter: 2))
        let recorder = SleepRecorder()
        let client = GitHubGraphQLClient(
            http: URLSessionTestClient(),
            configuration: await GitHubFixtures.configuration(
                double, token: GitHubFixtures.secret, sleeper: recorder.sleeper))

        let outcome = await client.lookup(GitHubFixtures.names(["FastLab/fast-llm"]))

        #expect(outcome.stop == nil)
        #expect(await recorder.waits == [.seconds(2)])
    }

    @Test func emptyDataIsAskedAgainOnce() async throws {
        let double = try await GitHubFixtures.start([GitHubFixtures.fast])
        defer { Task { await double.stop() } }
        await double.enqueue(.emptyData)
        let client = GitHubGraphQLClient(
            http: URLSessionTestClient(),
            configuration: await GitHubFixtures.configuration(double, token: GitHubFixtures.secret))

        let outcome = await client.lookup(GitHubFixtures.names(["FastLab/fast-llm"]))

        #expect(outcome.results.count == 1)
        #expect(await double.requests().count == 2)
    }
}

/// Reads the query text out of a GraphQL request body.
enum GraphQLBody {
    static func aliasCount(_ body: String) -> Int {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let query = object["query"] as? String
        else { return -1 }
        return query.components(separatedBy: ": repository(").count - 1
    }
}
