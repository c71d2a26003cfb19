import CuratorCore
import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorSources

@Suite struct GitHubRESTClientTests {
    @Test func withoutATokenEachRepositoryIsAskedOverRESTWithTheRightHeaders() async throws {
        let double = try await GitHubFixtures.start([
            GitHubFixtures.fast, GitHubFixtures.archived, GitHubFixtures.moved,
        ])
        defer { Task { await double.stop() } }
        let client = GitHubClient(
            http: URLSessionTestClient(), configuration: await GitHubFixtures.configuration(double, token: nil))

        let outcome = await client.lookup(
            GitHubFixtures.names([
                "FastLab/fast-llm", "oldlab/old-llm", "OldOrg/old-name", "nobody/nothing", "Taken/down", "Bad/actor",
            ]))

        #expect(outcome.stop == nil)
        guard case .found(let archived)? = outcome.results[RepositoryName("OldLab/old-llm")!] else {
            Issue.record("expected found")
            return
        }
        #expect(archived.isArchived)
        #expect(archived.description == nil)
        #expect(archived.etag?.hasPrefix("W/\"") == true)
        #expect(archived.nameWithOwner.description == "OldLab/old-llm")
        guard case .renamed(_, let to)? = outcome.results[RepositoryName("OldOrg/old-name")!] else {
            Issue.record("expected renamed")
            return
        }
        #expect(to.nameWithOwner.description == "NewOrg/new-name")
        #expect(outcome.results[RepositoryName("nobody/nothing")!] == .missing)
        #expect(outcome.results[RepositoryName("Taken/down")!] == .blocked(reason: "dmca"))
        #expect(outcome.results[RepositoryName("Bad/actor")!] == .blocked(reason: "tos"))

        let log = await double.requests()
        #expect(
            log.map(\.path) == [
                "/repos/FastLab/fast-llm", "/repos/oldlab/old-llm", "/repos/OldOrg/old-name", "/repositories/1003",
                "/repos/nobody/nothing", "/repos/Taken/down", "/repos/Bad/actor",
            ])
        #expect(log.map(\.status) == [200, 200, 301, 200, 404, 451, 403])
        #expect(log.allSatisfy { $0.header("Authorization") == nil })
        #expect(
            log.allSatisfy {
                $0.header("X-GitHub-Api-Version") == "2022-11-28"
                    && $0.header("Accept") == "application/vnd.github+json"
            })
    }

    @Test func aKnownETagIsSentAndA304ReusesTheRecord() async throws {
        let double = try await GitHubFixtures.start([GitHubFixtures.fast])
        defer { Task { await double.stop() } }
        let client = GitHubRESTClient(
            http: URLSessionTestClient(), configuration: await GitHubFixtures.configuration(double, token: nil))
        let name = RepositoryName("FastLab/fast-llm")!
        let first = await client.lookup([name])
        guard case .found(let info)? = first.results[name], let etag = info.etag else {
            Issue.record("expected a record with an ETag")
            return
        }

        let second = await client.lookup([name], etags: [name: etag])
        await double.setStars(5000, id: 1001)
        let third = await client.lookup([name], etags: [name: etag])

        #expect(second.results[name] == .notModified)
        guard case .found(let changed)? = third.results[name] else {
            Issue.record("a changed repository must be fetched again")
            return
        }
        #expect(changed.stars == 5000)
        let log = await double.requests()
        #expect(log.map { $0.header("If-None-Match") } == [nil, etag, etag])
        #expect(log.map(\.status) == [200, 304, 200])
    }

    @Test(arguments: [403, 429])
    func anExhaustedLimitFarFromResetStopsCleanlyAndCountsWhatIsLeft(status: Int) async throws {
        let repositories = GitHubFixtures.many(5)
        let double = try await GitHubFixtures.start(repositories, restLimit: 3, resetIn: 3600)
        defer { Task { await double.stop() } }
        await double.setRESTExhaustedStatus(status)
        let client = GitHubRESTClient(
            http: URLSessionTestClient(), configuration: await GitHubFixtures.configuration(double, token: nil))

        let outcome = await client.lookup(repositories.map { RepositoryName($0.fullName)! })

        #expect(outcome.results.count == 3)
        #expect(outcome.unfetched.map(\.description) == ["bulk/repo-3", "bulk/repo-4"])
        guard case .rateLimited? = outcome.stop else {
            Issue.record("expected a rate-limit stop, got \(String(describing: outcome.stop))")
            return
        }
    }

    @Test func aResetThatIsNearIsWaitedFor() async throws {
        let repositories = GitHubFixtures.many(2)
        let double = try await GitHubFixtures.start(repositories, restLimit: 1, resetIn: 5)
        defer { Task { await double.stop() } }
        let recorder = SleepRecorder()
        // The sleeper does not really wait, so the double is told the budget refilled.
        let refill: Sleeper = { duration in
            await recorder.record(duration)
            await double.setLimits(rest: 10)
        }
        let client = GitHubRESTClient(
            http: URLSessionTestClient(),
            configuration: await GitHubFixtures.configuration(double, token: nil, sleeper: refill))

        let outcome = await client.lookup(repositories.map { RepositoryName($0.fullName)! })

        #expect(outcome.stop == nil)
        #expect(outcome.results.count == 2)
        let waits = await recorder.waits
        #expect(waits.count == 1)
        // The wait runs to the reset, five seconds after the double started; the test itself may have
        // used some of them on a loaded machine, so only the order of magnitude is fixed.
        #expect(waits.allSatisfy { $0 > .zero && $0 <= .seconds(7) })
    }

    @Test func aSecondaryLimitWithoutRetryAfterStopsWhenTheMinuteIsTooLong() async throws {
        let double = try await GitHubFixtures.start([GitHubFixtures.fast])
        defer { Task { await double.stop() } }
        await double.enqueue(.secondaryLimit(status: 429, retryAfter: nil))
        let client = GitHubRESTClient(
            http: URLSessionTestClient(),
            configuration: await GitHubFixtures.configuration(double, token: nil, threshold: .seconds(30)))

        let outcome = await client.lookup(GitHubFixtures.names(["FastLab/fast-llm"]))

        #expect(outcome.stop == .secondaryRateLimited(retryAfterSeconds: nil))
        #expect(outcome.unfetched.count == 1)
    }

    @Test func theDoubleRefusesRequestsWithoutAUserAgent() async throws {
        let double = try await GitHubFixtures.start([GitHubFixtures.fast])
        defer { Task { await double.stop() } }
        // URLSession adds a default User-Agent unless the header is set, so it is set empty here.
        let response = try await URLSessionTestClient().send(
            .init(url: "\(await double.apiURL)/repos/FastLab/fast-llm", headers: ["User-Agent": ""]))
        #expect(response.status == 403)
        #expect(response.text.hasPrefix("Request forbidden by administrative rules."))
    }
}
