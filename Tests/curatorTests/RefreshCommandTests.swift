import CuratorTestSupport
import Foundation
import Testing

/// `curator refresh` as a user runs it, against loopback doubles of arXiv and GitHub that enforce
/// the real limits; every assertion about batching, pacing, headers and conditional requests is
/// read from the doubles' own request logs.
@Suite(.serialized) struct RefreshCommandTests {
    static let token = "ghp_REFRESHtest0nly0123456789abcdef"
    /// The command runs in a child process on the real clock, so it is told to leave no gap between
    /// arXiv requests and the double demands none; the spacing itself is tested on a test clock
    /// with the client.
    static let spacing = 0.0

    static func id(_ index: Int) -> String { String(format: "2401.%05d", 10000 + index) }

    /// A topic file of `count` rows, each with a paper and a repository; rows 0–4 carry the cases.
    static func list(_ count: Int) -> String {
        var text = "## Network Pruning\n| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
        for index in 0..<count {
            let repository = index == 0 ? "OldOrg/old-name" : index == 5 ? "gone/repo" : "bulk/repo-\(index)"
            let authors = index == 1 ? "" : " <br> Ann Lee, Bo Chen"
            text +=
                "|[![Star](https://img.shields.io/github/stars/\(repository).svg?style=social&label=Star)](https://github.com/\(repository))<br>[Paper \(index)](https://arxiv.org/abs/\(id(index)))\(authors) |<img width=\"1002\" alt=\"image\" src=\"https://arxiv.org/html/\(id(index))v1/x1.png\"> |[Github](https://github.com/\(repository)) <br> [Paper](https://arxiv.org/abs/\(id(index)))|[//]: #01/02\n"
        }
        return text
    }

    static func papers(_ count: Int) -> [ArxivDoublePaper] {
        (0..<count).map { index in
            ArxivDoublePaper(
                id: id(index), title: index == 3 ? "A Renamed Paper" : "Paper \(index)",
                authors: [.init("Ann Lee"), .init("Bo Chen")], summary: "About pruning.",
                comment: index == 2 ? "Accepted at ICML 2024. 12 pages" : nil)
        }
    }

    static func repositories(_ count: Int) -> [GitHubDoubleRepository] {
        (0..<count).map { index in
            GitHubDoubleRepository(
                id: 7000 + index, fullName: index == 0 ? "NewOrg/new-name" : "bulk/repo-\(index)",
                stars: index == 4 ? 5000 : 10 + index)
        }
    }

    struct Setup {
        var directory: URL
        var arxiv: ArxivDouble
        var gitHub: GitHubDouble
        var environment: [String: String]

        func refresh(_ extra: [String] = [], token: Bool = true) async throws -> CLI.Result {
            var environment = environment
            if !token { environment["GITHUB_TOKEN"] = "" }
            return try await RefreshCLI.run(
                [
                    "refresh", "--ruleset", "awesome-efficient-llm", "--arxiv-spacing",
                    String(RefreshCommandTests.spacing),
                ] + extra + [directory.path],
                environment: environment)
        }

        func stop() async {
            await arxiv.stop()
            await gitHub.stop()
        }
    }

    static func start(rows: Int, graphQLLimit: Int = 5000) async throws -> Setup {
        let directory = try CLI.temporaryDirectory()
        try list(rows).write(to: directory.appendingPathComponent("pruning.md"), atomically: true, encoding: .utf8)
        let arxiv = ArxivDouble(papers: papers(rows), spacing: .milliseconds(Int(spacing * 1000)))
        try await arxiv.start()
        let gitHub = GitHubDouble(repositories: repositories(rows), graphQLLimit: graphQLLimit)
        try await gitHub.start()
        await gitHub.rename("OldOrg/old-name", to: 7000)
        let environment = [
            "ARXIV_API_URL": await arxiv.endpoint, "GITHUB_API_URL": await gitHub.apiURL,
            "GITHUB_GRAPHQL_URL": await gitHub.graphQLURL,
            "GITHUB_TOKEN": token, "SEMANTIC_SCHOLAR_API_URL": "http://127.0.0.1:9/graph/v1",
        ]
        return Setup(directory: directory, arxiv: arxiv, gitHub: gitHub, environment: environment)
    }

    /// The repositories a GraphQL request asked for, read from the query inside the JSON body.
    static func aliases(_ body: String) -> [String] {
        let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        let query = object?["query"] as? String ?? ""
        return query.matches(of: /repository\(\s*owner:\s*"([^"]*)"\s*,\s*name:\s*"([^"]*)"/).map {
            "\($0.1)/\($0.2)".lowercased()
        }
    }

    @Test func batchesPacesWritesTheSafeEditsAndAgreesWithItselfOnTheSecondRun() async throws {
        let setup = try await Self.start(rows: 150)
        defer { Task { await setup.stop() } }

        let first = try await setup.refresh(["--write"])

        #expect(first.status == 0, "\(first.stderr)")
        let arxivLog = await setup.arxiv.requests()
        #expect(arxivLog.count == 2)
        #expect(arxivLog.map { $0.queryValue("id_list")?.split(separator: ",").count ?? 0 } == [100, 50])
        #expect(
            arxivLog.allSatisfy {
                $0.queryValue("max_results") == String($0.queryValue("id_list")?.split(separator: ",").count ?? 0)
            })
        #expect(arxivLog.allSatisfy { $0.header("User-Agent")?.hasPrefix("curator/") == true })
        #expect(await setup.arxiv.pacingViolations == 0)
        let gitHubLog = await setup.gitHub.requests()
        #expect(gitHubLog.count == 2)
        #expect(
            gitHubLog.allSatisfy {
                $0.method == "POST" && $0.path == "/graphql" && $0.header("Authorization") == "Bearer \(Self.token)"
            })
        #expect(gitHubLog.map { Self.aliases($0.bodyText).count } == [100, 50])
        #expect(!first.stdout.contains(Self.token) && !first.stderr.contains(Self.token))

        let text = try String(contentsOf: setup.directory.appendingPathComponent("pruning.md"), encoding: .utf8)
        #expect(
            text.contains("stars/NewOrg/new-name.svg?style=social&label=Star)](https://github.com/NewOrg/new-name)"))
        #expect(text.contains("[Github](https://github.com/NewOrg/new-name)"))
        #expect(!text.contains("OldOrg/old-name"))
        #expect(text.contains("[![Publish](https://img.shields.io/badge/Conference-ICML'24-blue)]()<br>[Paper 2]"))
        #expect(text.contains("[Paper 1](https://arxiv.org/abs/\(Self.id(1))) <br> Ann Lee, Bo Chen |"))
        #expect(first.stdout.contains("### ⭐ candidates (1)"))
        #expect(first.stdout.contains("5000 stars: a candidate for :star:"))
        #expect(first.stdout.contains("`gone/repo` gone"))
        #expect(first.stdout.contains("`oldorg/old-name` renamed → `NewOrg/new-name`"))
        #expect(first.stdout.contains("title differs from arXiv's latest title \"A Renamed Paper\""))

        let metadataURL = setup.directory.appendingPathComponent(".curator/metadata.json")
        let metadata = try String(contentsOf: metadataURL, encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(metadata.utf8)) as? [String: Any])
        #expect((object["papers"] as? [String: Any])?.count == 150)
        let keys = metadata.matches(of: /\n    "(\d{4}\.\d{5})" : \{/).map { String($0.1) }
        #expect(keys == keys.sorted() && keys.count == 150)

        let second = try await setup.refresh(["--write"])
        #expect(second.status == 0)
        #expect(try String(contentsOf: setup.directory.appendingPathComponent("pruning.md"), encoding: .utf8) == text)
        #expect(second.stdout.contains("None: the files already agree with the metadata."))
    }

    @Test func aSpentLimitKeepsWhatWasFetchedAndTheNextRunStartsWithTheRest() async throws {
        let setup = try await Self.start(rows: 150, graphQLLimit: 1)
        defer { Task { await setup.stop() } }

        let first = try await setup.refresh()

        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("GitHub stopped early:** rate limit exhausted"))
        let saved = try Data(contentsOf: setup.directory.appendingPathComponent(".curator/metadata.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        #expect((object["repositories"] as? [String: Any])?.count == 100)
        let firstAsked = Set(Self.aliases(await setup.gitHub.requests()[0].bodyText))

        let firstRunRequests = await setup.gitHub.requests().count
        await setup.gitHub.setLimits(graphQL: 5000)
        let second = try await setup.refresh()

        #expect(second.status == 0)
        let secondRun = await setup.gitHub.requests().dropFirst(firstRunRequests)
        let resumed = Set(Self.aliases(try #require(secondRun.first).bodyText))
        let listed = (0..<150).map { $0 == 0 ? "oldorg/old-name" : $0 == 5 ? "gone/repo" : "bulk/repo-\($0)" }
        let neverFetched = Set(listed).subtracting(firstAsked)
        #expect(neverFetched.count == 50)
        #expect(neverFetched.isSubset(of: resumed))
    }

    @Test func withoutATokenRepositoriesAreAskedConditionallyAndA304CostsNothing() async throws {
        let setup = try await Self.start(rows: 3)
        defer { Task { await setup.stop() } }

        #expect(try await setup.refresh(token: false).status == 0)
        let second = try await setup.refresh(token: false)

        #expect(second.status == 0, "\(second.stderr)")
        let log = await setup.gitHub.requests()
        let firstRun = log.prefix { $0.header("If-None-Match") == nil }
        #expect(firstRun.allSatisfy { $0.path.hasPrefix("/repos/") || $0.path.hasPrefix("/repositories/") })
        #expect(
            firstRun.allSatisfy {
                $0.header("Authorization") == nil && $0.header("X-GitHub-Api-Version") == "2022-11-28"
            })
        // The renamed repository answers 301 under its old name whatever the validator says.
        let conditional = log.filter { $0.header("If-None-Match") != nil && !$0.path.contains("old-name") }
        #expect(conditional.count == 2)
        #expect(conditional.allSatisfy { $0.status == 304 && $0.header("If-None-Match")?.hasPrefix("W/\"") == true })
    }

    /// With every API unreachable a refresh learns nothing: it says why, exits non-zero and
    /// leaves the markdown as it was, instead of reporting that the files agree.
    /// Semantic Scholar's venue lags behind acceptance and is spelled its own way, so the report
    /// shows it as a candidate for the papers arXiv and the entry say nothing about, and nothing
    /// of it is written.
    @Test func semanticScholarVenuesAreCandidatesAndNeverWritten() async throws {
        let setup = try await Self.start(rows: 8)
        defer { Task { await setup.stop() } }
        try "extends: awesome-efficient-llm\nstar:\n  mark: \":star:\"\n  min-stars: 1000\n  min-citations: 500\n"
            .write(to: setup.directory.appendingPathComponent(".curator.yml"), atomically: true, encoding: .utf8)
        let scholar = SemanticScholarDouble(papers: [
            .init(
                paperId: "s2-6", arxivID: Self.id(6), corpusId: 6, title: "Paper 6",
                venue: "Neural Information Processing Systems", year: 2023, citationCount: 3),
            .init(
                paperId: "s2-2", arxivID: Self.id(2), corpusId: 2, title: "Paper 2", venue: "ICML", year: 2024,
                citationCount: 4),
        ])
        try await scholar.start()
        defer { Task { await scholar.stop() } }
        var environment = setup.environment
        environment["SEMANTIC_SCHOLAR_API_URL"] = await scholar.baseURL
        let result = try await RefreshCLI.run(
            [
                "refresh", "--config", setup.directory.appendingPathComponent(".curator.yml").path, "--write",
                "--arxiv-spacing", String(Self.spacing), setup.directory.path,
            ],
            environment: environment)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "\(Self.id(6)): Semantic Scholar lists Neural Information Processing Systems 2023 (a candidate, not written)"
            ), "\(result.stdout)")
        #expect(!result.stdout.contains("\(Self.id(2)): Semantic Scholar"), "arXiv's own statement comes first")
        let text = try String(contentsOf: setup.directory.appendingPathComponent("pruning.md"), encoding: .utf8)
        #expect(!text.contains("NeurIPS"))
    }

    @Test func withTheAPIsDownNothingIsClaimedAndNothingWritten() async throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("pruning.md")
        try Self.list(3).write(to: file, atomically: true, encoding: .utf8)
        let port = try RawServer.unusedPort()
        let result = try await RefreshCLI.run(
            ["refresh", "--ruleset", "awesome-efficient-llm", "--write", "--max-time", "1", directory.path],
            environment: [
                "ARXIV_API_URL": "http://127.0.0.1:\(port)/api/query", "GITHUB_API_URL": "http://127.0.0.1:\(port)",
                "GITHUB_GRAPHQL_URL": "http://127.0.0.1:\(port)/graphql", "GITHUB_TOKEN": Self.token,
            ])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("refresh fetched nothing; the markdown is unchanged"), "\(result.stderr)")
        #expect(result.stderr.contains("arXiv: "), "\(result.stderr)")
        #expect(result.stderr.contains("connectionRefused"), "\(result.stderr)")
        #expect(!result.stdout.contains("already agree"))
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.list(3))
        #expect(!result.stderr.contains("\r"), "no status line off a terminal")
    }

    /// An API that answers 429 with a Retry-After of a day, and one that echoes the token in a 401:
    /// the run ends within its budget, and the token appears in no output.
    @Test func aHugeRetryAfterEndsAtTheBudgetAndAnEchoedTokenIsNeverPrinted() async throws {
        let arxiv = try RawServer { request, connection in
            connection.respond(status: 429, headers: [("Retry-After", "86400")], body: "Rate exceeded.", for: request)
        }
        defer { arxiv.stop() }
        let gitHub = try Self.echoingGitHub()
        defer { gitHub.stop() }
        let result = try await Self.refreshThreeRows(
            ["--max-time", "1"], arxiv: arxiv.url("/api/query"), gitHub: gitHub)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("time budget (--max-time) ran out"), "\(result.stderr)")
        #expect(arxiv.requests.count == 1, "nothing more was sent before the Retry-After")
        #expect(gitHub.requests.first?.header("Authorization") == "Bearer \(Self.token)")
        #expect(result.stderr.contains("Bad credentials"), "\(result.stderr)")
        #expect(!result.stdout.contains(Self.token) && !result.stderr.contains(Self.token))
        #expect(!result.stderr.contains("REFRESHtest"), "\(result.stderr)")
    }

    /// The report (a pull-request body) quotes what GitHub said when it refused, without the token
    /// that GitHub echoed back.
    @Test func theReportQuotesARefusalWithoutTheEchoedToken() async throws {
        let arxiv = ArxivDouble(papers: Self.papers(3), spacing: .zero)
        try await arxiv.start()
        let gitHub = try Self.echoingGitHub()
        defer {
            gitHub.stop()
            Task { await arxiv.stop() }
        }
        let result = try await Self.refreshThreeRows(
            ["--arxiv-spacing", "0"], arxiv: await arxiv.endpoint, gitHub: gitHub)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Bad credentials: Bearer [redacted]"), "\(result.stdout)")
        #expect(!result.stdout.contains(Self.token) && !result.stderr.contains(Self.token))
    }

    /// A GitHub API that refuses every request with 401 and quotes the Authorization it got. It
    /// listens on another loopback address, because the engine holds a throttled host (the arXiv
    /// stand-in's 127.0.0.1) back as a whole.
    static func echoingGitHub() throws -> RawServer {
        try RawServer(host: "127.0.0.2") { request, connection in
            let echoed = request.header("Authorization") ?? ""
            connection.respond(
                status: 401, headers: [("Content-Type", "application/json")],
                body: #"{"message": "Bad credentials: \#(echoed)"}"#, for: request)
        }
    }

    /// `curator refresh` of a three-row list in a folder of its own, against the given endpoints.
    static func refreshThreeRows(_ options: [String], arxiv: String, gitHub: RawServer) async throws -> CLI.Result {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try list(3).write(to: directory.appendingPathComponent("pruning.md"), atomically: true, encoding: .utf8)
        return try await RefreshCLI.run(
            ["refresh", "--ruleset", "awesome-efficient-llm"] + options + [directory.path],
            environment: [
                "ARXIV_API_URL": arxiv, "GITHUB_API_URL": gitHub.baseURL, "GITHUB_GRAPHQL_URL": gitHub.url("/graphql"),
                "GITHUB_TOKEN": token,
            ])
    }
}
