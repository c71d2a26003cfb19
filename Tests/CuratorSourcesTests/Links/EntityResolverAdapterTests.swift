import CuratorCore
import CuratorHTTP
import CuratorSources
import CuratorTestSupport
import Foundation
import Testing

/// The adapters from the GitHub and arXiv clients to the checker's resolver protocols, on the
/// libcurl engine as in production, against the API doubles.
@Suite struct EntityResolverAdapterTests {
    static let engine = try! CurlEngine(configuration: EngineConfiguration(retry: RetryPolicy(maxAttempts: 1)))

    static func references(_ texts: [String]) -> [RepositoryName] {
        texts.map { RepositoryName(url: "https://github.com/\($0)")! }
    }

    @Test func graphQLResolvesAHundredRepositoriesAQuery() async throws {
        let double = try await GitHubFixtures.start(
            GitHubFixtures.many(150) + [GitHubFixtures.archived, GitHubFixtures.moved])
        defer { Task { await double.stop() } }
        let client = GitHubClient(
            http: Self.engine, configuration: await GitHubFixtures.configuration(double, token: GitHubFixtures.secret))
        let wanted = Self.references(
            (0..<150).map { "bulk/repo-\($0)" } + ["OldLab/old-llm", "OldOrg/old-name", "nobody/nothing", "Taken/down"])

        let resolution = await GitHubRepositoryResolver(client: client).resolve(wanted, validators: [:])

        let log = await double.requests()
        #expect(log.count == 2, "154 repositories in two GraphQL queries")
        #expect(log.allSatisfy { $0.path == "/graphql" })
        #expect(resolution.unresolved.isEmpty)
        #expect(resolution.facts["bulk/repo-7"]?.stars == 7)
        #expect(resolution.facts["oldlab/old-llm"]?.archived == true)
        #expect(resolution.facts["oldorg/old-name"]?.canonical?.description == "NewOrg/new-name")
        #expect(resolution.facts["oldorg/old-name"]?.isRenamed == true)
        #expect(resolution.facts["nobody/nothing"]?.state == .missing)
    }

    @Test func restUsesETagsAndReportsRenamesAndBlocks() async throws {
        let double = try await GitHubFixtures.start([GitHubFixtures.fast, GitHubFixtures.moved])
        defer { Task { await double.stop() } }
        let client = GitHubClient(
            http: Self.engine, configuration: await GitHubFixtures.configuration(double, token: nil))
        let resolver = GitHubRepositoryResolver(client: client)
        let wanted = Self.references(["FastLab/fast-llm", "OldOrg/old-name", "Taken/down", "nobody/nothing"])

        let first = await resolver.resolve(wanted, validators: [:])
        #expect(first.facts["fastlab/fast-llm"]?.stars == 4321)
        #expect(first.facts["oldorg/old-name"]?.canonical?.description == "NewOrg/new-name")
        #expect(first.facts["taken/down"]?.state == .blocked)
        #expect(first.facts["taken/down"]?.detail == "dmca")
        #expect(first.facts["nobody/nothing"]?.state == .missing)
        let etag = try #require(first.validators["fastlab/fast-llm"])

        let count = await double.requests().count
        let second = await resolver.resolve(
            Self.references(["FastLab/fast-llm"]), validators: ["fastlab/fast-llm": etag])
        #expect(second.unchanged == ["fastlab/fast-llm"])
        let conditional = await double.requests().dropFirst(count)
        #expect(conditional.map { $0.header("If-None-Match") } == [etag])
    }

    @Test func arxivResolvesAHundredIdsARequestSpacedApart() async throws {
        let papers = ArxivFixtures.many(120) + [ArxivFixtures.withdrawn]
        let double = ArxivDouble(papers: papers, spacing: .milliseconds(100))
        try await double.start()
        defer { Task { await double.stop() } }
        let client = ArxivClient(
            http: Self.engine,
            configuration: ArxivClientConfiguration(
                endpoint: await double.endpoint, spacing: .milliseconds(400), sleeper: { _ in }))
        let ids = papers.map(\.id) + ["2405.99999"]

        let resolution = await ArxivPaperResolver(client: client).resolve(ids)

        let log = await double.requests()
        #expect(log.count == 2, "122 ids in two requests")
        #expect(log.map { ($0.queryValue("id_list") ?? "").split(separator: ",").count } == [100, 22])
        #expect(await double.pacingViolations == 0)
        #expect(resolution.unresolved.isEmpty)
        #expect(resolution.facts["2405.00001"]?.state == .found)
        #expect(resolution.facts["2301.00001"]?.state == .withdrawn)
        #expect(resolution.facts["2405.99999"]?.state == .unknown)
    }
}
