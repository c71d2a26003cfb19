import CuratorCore
import CuratorHTTP
import CuratorSources
import CuratorTestSupport
import Foundation
import Testing

/// The checker's order of work: cache, then entity APIs, then HTTP for the rest.
@Suite struct LinkCheckerTests {
    /// A world on loopback where every github.com, arxiv.org and example.org URL lands.
    static func world(_ handler: @escaping RawServer.Handler) throws -> (RawServer, [String]) {
        let server = try RawServer(handler: handler)
        return (server, ["^https?://([^/]+)/(.*)$ \(server.baseURL)/$1/$2"])
    }

    static let rows = [
        row("https://arxiv.org/abs/2401.00001", "[Github](https://github.com/live/repo)"),
        row("https://arxiv.org/abs/2401.99999", "[Github](https://github.com/gone/repo)"),
        row("https://example.org/ok", "[Github](https://github.com/old/name)"),
    ]

    @Test func entitiesGoThroughTheirResolversAndTheRestByHTTP() async throws {
        let (server, remap) = try Self.world { request, connection in connection.respond(status: 200, for: request) }
        defer { server.stop() }
        let repositories = ScriptedRepositoryResolver([
            "live/repo": RepositoryFacts(requested: RepositoryName(owner: "live", name: "repo")!, state: .found),
            "old/name": RepositoryFacts(
                requested: RepositoryName(owner: "old", name: "name")!, state: .found,
                canonical: RepositoryName(owner: "new", name: "name")!),
        ])
        let papers = ScriptedPaperResolver(["2401.00001": .found])
        let checker = LinkChecker(prober: try makeProber(remap: remap), repositories: repositories, papers: papers)
        var cache = LinkCache()
        let (facts, statistics) = await checker.check(
            LinkInventory(workspace: try paperWorkspace(Self.rows)), cache: &cache)

        #expect(facts.links["https://github.com/live/repo"] == .ok(status: 200))
        #expect(
            {
                if case .dead(.noSuchRepository, _, _) = facts.links["https://github.com/gone/repo"] {
                    true
                } else {
                    false
                }
            }())
        #expect(
            {
                if case .dead(.noSuchPaper, _, _) = facts.links["https://arxiv.org/abs/2401.99999"] {
                    true
                } else {
                    false
                }
            }())
        guard case .redirected(true, let target, _)? = facts.links["https://github.com/old/name"] else {
            Issue.record(
                "rename not a permanent redirect: \(String(describing: facts.links["https://github.com/old/name"]))")
            return
        }
        #expect(target == "https://github.com/new/name")
        #expect(facts.links["https://example.org/ok"] == .ok(status: 200))
        // One call per API for the whole list, and HTTP only for the plain link.
        #expect(await repositories.calls.count == 1)
        #expect(await papers.calls == [["2401.00001", "2401.99999"]])
        #expect(server.requests.map(\.path) == ["/example.org/ok"])
        #expect(statistics.byHTTP == 1 && statistics.byRepositoryAPI == 3 && statistics.byPaperAPI == 2)
    }

    @Test func withoutResolversEverythingIsCheckedByHTTP() async throws {
        let (server, remap) = try Self.world { request, connection in
            connection.respond(
                status: request.path.contains("gone") || request.path.contains("99999") ? 404 : 200, for: request)
        }
        defer { server.stop() }
        var cache = LinkCache()
        let (facts, _) = await LinkChecker(prober: try makeProber(remap: remap))
            .check(LinkInventory(workspace: try paperWorkspace(Self.rows)), cache: &cache)
        #expect(facts.links.values.filter(\.isDead).count == 2)
        #expect(server.requests.filter { $0.method == "HEAD" }.count == 6)
        #expect(Set(server.requests.map(\.path)).count == 6)
    }

    @Test func repositoriesTheAPICouldNotAnswerFallBackToHTTP() async throws {
        let (server, remap) = try Self.world { request, connection in connection.respond(status: 200, for: request) }
        defer { server.stop() }
        let repositories = ScriptedRepositoryResolver(unresolved: ["live/repo"])
        var cache = LinkCache()
        let (facts, _) = await LinkChecker(prober: try makeProber(remap: remap), repositories: repositories)
            .check(LinkInventory(workspace: try paperWorkspace([Self.rows[0]])), cache: &cache)
        #expect(facts.links["https://github.com/live/repo"] == .ok(status: 200))
        #expect(server.requests.map(\.path).contains("/github.com/live/repo"))
    }

    @Test func theCacheAnswersTheNextRunButNeverForFailuresOrDeadLinks() async throws {
        let (server, remap) = try Self.world { request, connection in
            switch request.path {
            case "/example.org/dead": connection.respond(status: 404, for: request)
            case "/example.org/flaky": connection.respond(status: 503, for: request)
            default: connection.respond(status: 200, for: request)
            }
        }
        defer { server.stop() }
        let workspace = try paperWorkspace([
            row("https://example.org/ok"), row("https://example.org/dead"), row("https://example.org/flaky"),
        ])
        let checker = LinkChecker(prober: try makeProber(retry: RetryPolicy(maxAttempts: 1), remap: remap))
        var cache = LinkCache()
        _ = await checker.check(LinkInventory(workspace: workspace), cache: &cache)
        #expect(cache.links["https://example.org/ok"]?.value == .ok(status: 200))
        #expect(cache.links["https://example.org/flaky"] == nil)

        // Saved and read back, as a CI cache step would restore it.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "curator-cache-\(UUID().uuidString)/links.json")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try cache.save(to: file)
        var restored = LinkCache.load(from: file)
        let before = server.requests.count
        let (facts, statistics) = await checker.check(LinkInventory(workspace: workspace), cache: &restored)
        let asked = server.requests.dropFirst(before).map(\.path)
        #expect(statistics.cached == 1)
        #expect(Set(asked) == ["/example.org/dead", "/example.org/flaky"], "a cached dead link is asked again")
        #expect(facts.links["https://example.org/dead"]?.isDead == true)

        // Past the maximum age, even the good verdict is asked again.
        let later = LinkChecker(prober: checker.prober, maxCacheAge: 60, now: { Date().addingTimeInterval(3600) })
        let count = server.requests.count
        _ = await later.check(LinkInventory(workspace: workspace), cache: &restored)
        #expect(server.requests.dropFirst(count).map(\.path).contains("/example.org/ok"))
    }

    @Test func aSuccessThatTurnsIntoAFailureIsNotLeftInTheCache() async throws {
        var cache = LinkCache()
        cache.links["https://example.org/x"] = LinkCache.Record(
            value: .ok(status: 200), checkedAt: Date(timeIntervalSince1970: 0))
        let (server, remap) = try Self.world { request, connection in connection.respond(status: 503, for: request) }
        defer { server.stop() }
        _ = await LinkChecker(prober: try makeProber(retry: RetryPolicy(maxAttempts: 1), remap: remap))
            .check(LinkInventory(workspace: try paperWorkspace([row("https://example.org/x")])), cache: &cache)
        #expect(cache.links["https://example.org/x"] == nil)
    }

    @Test func repositoryValidatorsAreSentAgainAndAMatchReusesTheRecord() async throws {
        let reference = RepositoryName(owner: "live", name: "repo")!
        var cache = LinkCache()
        cache.repositories["live/repo"] = LinkCache.Record(
            value: RepositoryFacts(requested: reference, state: .found, stars: 42, archived: true),
            checkedAt: Date(timeIntervalSince1970: 0), etag: "\"v1\"")
        let repositories = ScriptedRepositoryResolver()
        await repositories.setNotModified(["live/repo"])
        let (facts, _) = await LinkChecker(prober: try makeProber(), repositories: repositories)
            .check(LinkInventory(workspace: try paperWorkspace([row("https://github.com/live/repo")])), cache: &cache)
        #expect(await repositories.validatorsSeen == ["live/repo": "\"v1\""])
        #expect(facts.repositories["live/repo"]?.archived == true)
        #expect(facts.links["https://github.com/live/repo"] == .ok(status: 200))
        #expect(cache.repositories["live/repo"].map { Date().timeIntervalSince($0.checkedAt) < 60 } == true)
    }

    /// A repository deleted since the last run is found even though its link's verdict is cached:
    /// with an API at hand, entity links take their verdicts from the entity's facts.
    @Test func cachedLinkVerdictsDoNotHideAnEntityThatIsGone() async throws {
        var cache = LinkCache()
        cache.links["https://github.com/gone/repo"] = LinkCache.Record(value: .ok(status: 200), checkedAt: Date())
        let repositories = ScriptedRepositoryResolver()
        let (facts, _) = await LinkChecker(prober: try makeProber(), repositories: repositories)
            .check(LinkInventory(workspace: try paperWorkspace([row("https://github.com/gone/repo")])), cache: &cache)
        #expect(facts.links["https://github.com/gone/repo"]?.isDead == true)
        #expect(await repositories.calls == [["gone/repo"]])
    }
}
