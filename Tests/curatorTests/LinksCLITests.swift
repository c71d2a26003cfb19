import CuratorTestSupport
import Foundation
import Testing

/// `curator lint` online, end to end: a scripted loopback world behind `--remap`, and the GitHub
/// and arXiv doubles behind the environment's API URLs.
@Suite struct LinksCLITests {
    static let header = "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"

    /// A paper row titled after its URL, so that no two rows trip the duplicate rules.
    static func row(_ title: String, _ links: String = "", badges: String = "") -> String {
        "|\(badges)[Paper at \(title.split(separator: "/").last ?? "")](\(title)) <br> A. Author | | \(links) |\n"
    }

    /// The world behind `https://example.org/`: one path per behaviour.
    static func world() throws -> RawServer {
        try RawServer { request, connection in
            switch request.path {
            case "/ok", "/new", "/after": connection.respond(status: 200, for: request)
            case "/dead": connection.respond(status: 404, for: request)
            case "/gone": connection.respond(status: 410, for: request)
            case "/moved": connection.respond(status: 301, headers: [("Location", "/new")], for: request)
            case "/elsewhere": connection.respond(status: 302, headers: [("Location", "/after")], for: request)
            case "/blocked": connection.respond(status: 999, reason: "Request denied", for: request)
            case "/challenge":
                connection.respond(
                    status: 403, headers: [("Server", "cloudflare"), ("cf-mitigated", "challenge")],
                    body: "Just a moment...",
                    for: request)
            case "/flaky":
                // The first two tries fail; the engine's retries get through.
                if FlakyCounter.shared.next("flaky") < 2 {
                    connection.reset()
                } else {
                    connection.respond(status: 200, for: request)
                }
            case "/throttled":
                if FlakyCounter.shared.next("throttled") < 1 {
                    connection.respond(status: 429, headers: [("Retry-After", "0")], for: request)
                } else {
                    connection.respond(status: 200, for: request)
                }
            case "/down": connection.respond(status: 503, for: request)
            case "/slow":
                guard request.method == "GET" else { return connection.respond(status: 405, for: request) }
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
                connection.holdUntilClientCloses()
            case "/loop": connection.respond(status: 301, headers: [("Location", "/loop2")], for: request)
            case "/loop2": connection.respond(status: 301, headers: [("Location", "/loop")], for: request)
            case "/garbage": connection.write("NOT HTTP AT ALL\r\n\r\n")
            case "/huge":
                connection.write(
                    "HTTP/1.1 200 OK\r\nX-Huge: \(String(repeating: "h", count: 400_000))\r\nContent-Length: 0\r\n\r\n")
            default: connection.respond(status: 404, for: request)
            }
        }
    }

    static func makeList(_ rows: [String], http: String = "{retries: 2, timeout: 1}", config: String = "") throws -> URL
    {
        let directory = try CLI.temporaryDirectory()
        try (header + rows.joined()).write(
            to: directory.appendingPathComponent("pruning.md"), atomically: true, encoding: .utf8)
        try ("extends: awesome-efficient-llm\nhttp: \(http)\n" + config)
            .write(to: directory.appendingPathComponent(".curator.yml"), atomically: true, encoding: .utf8)
        return directory
    }

    static func findings(_ json: String) throws -> [(rule: String, line: Int, message: String)] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object?["findings"] as? [[String: Any]] ?? []).map {
            ($0["rule"] as? String ?? "", $0["line"] as? Int ?? 0, $0["message"] as? String ?? "")
        }
    }

    static let networkRules: Set<String> = [
        "dead-link", "moved-link", "renamed-repository", "archived-repository", "withdrawn-paper", "unreachable-link",
    ]

    static func remap(_ server: RawServer) -> String { "^https://example\\.org/(.*)$ \(server.baseURL)/$1" }

    @Test func everyBehaviourEndsInItsVerdictAndOnlyDeadLinksFailTheRun() async throws {
        FlakyCounter.shared.reset()
        let server = try Self.world()
        defer { server.stop() }
        let paths = [
            "ok", "dead", "gone", "moved", "elsewhere", "blocked", "challenge", "flaky", "throttled", "down", "slow",
            "loop", "garbage", "huge",
        ]
        var rows = paths.map { Self.row("https://example.org/\($0)") }
        rows.append(Self.row("http://no-such-host.invalid/paper"))
        rows.append(Self.row("https://example.org/dead"))
        let list = try Self.makeList(rows)
        defer { try? FileManager.default.removeItem(at: list) }
        let result = try await CLI.runDetached(
            ["lint", "--format", "json", "--no-cache", "--no-entity-apis", "--remap", Self.remap(server), "."],
            in: list,
            environment: ["CI": "true"])
        #expect(result.status == 1, "\(result.stderr)")
        // The list repeats a row on purpose (one link, two places); only the network rules count here.
        let found = try Self.findings(result.stdout).filter { Self.networkRules.contains($0.rule) }
        func rules(onLine line: Int) -> [String] { found.filter { $0.line == line }.map(\.rule).sorted() }
        // Rows start at line 3, in the order of `paths`.
        let line = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0 + 3) })
        #expect(rules(onLine: line["ok"]!).isEmpty)
        #expect(rules(onLine: line["dead"]!) == ["dead-link"])
        #expect(rules(onLine: line["gone"]!) == ["dead-link"])
        #expect(rules(onLine: line["moved"]!) == ["moved-link"])
        #expect(
            found.first { $0.rule == "moved-link" }?.message.contains("https://example.org/new") == true,
            "the target is named at the original address")
        #expect(rules(onLine: line["elsewhere"]!).isEmpty, "a temporary redirect is fine")
        for warning in ["blocked", "challenge", "down", "slow", "loop", "garbage", "huge"] {
            #expect(
                rules(onLine: line[warning]!) == ["unreachable-link"],
                "\(warning): \(found.filter { $0.line == line[warning]! })")
        }
        #expect(rules(onLine: line["flaky"]!).isEmpty, "retries got through the resets")
        #expect(rules(onLine: line["throttled"]!).isEmpty, "the throttled link was asked again")
        #expect(rules(onLine: paths.count + 3) == ["dead-link"], "no such host")
        #expect(found.filter { $0.rule == "dead-link" }.count == 4)
        #expect(found.first { $0.line == line["slow"]! }?.message.contains("timed out") == true)
        #expect(found.first { $0.line == line["blocked"]! }?.message.contains("999") == true)

        // Checked once however often it appears; the throttled link was retried (how long the engine
        // waits for a Retry-After is tested on a test clock).
        let requests = server.requests
        #expect(requests.filter { $0.path == "/dead" && $0.method == "HEAD" }.count == 1)
        #expect(requests.filter { $0.path == "/throttled" }.count == 2)
        // Not a terminal and CI: plain progress lines, no bar; 16 rows, 15 distinct links.
        #expect(result.stderr.contains("curator: checking 15 links"), "\(result.stderr)")
        #expect(!result.stderr.contains("\r"))
    }

    @Test func warningsAloneDoNotFailTheRun() async throws {
        let server = try Self.world()
        defer { server.stop() }
        let list = try Self.makeList([Self.row("https://example.org/blocked"), Self.row("https://example.org/down")])
        defer { try? FileManager.default.removeItem(at: list) }
        let result = try await CLI.runDetached(
            [
                "lint", "--format", "json", "--no-cache", "--no-entity-apis", "--progress", "off", "--remap",
                Self.remap(server), ".",
            ],
            in: list)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try Self.findings(result.stdout).filter { $0.rule == "unreachable-link" }.count == 2)
        #expect(result.stderr.isEmpty)
    }

    /// The config's `http.hosts` limits reach the engine: the server never sees two requests at
    /// once. (Spacing is tested on a test clock with the engine; this child process runs on the
    /// real one.)
    @Test func perHostLimitsFromTheConfigAreHonoured() async throws {
        let server = try RawServer(host: "127.0.0.5") { request, connection in
            connection.respond(status: 200, for: request)
        }
        defer { server.stop() }
        let list = try Self.makeList(
            (0..<6).map { Self.row("https://example.org/ok?n=\($0)") },
            http: "{hosts: {'127.0.0.5': {concurrency: 1}}}")
        defer { try? FileManager.default.removeItem(at: list) }
        let result = try await CLI.runDetached(
            [
                "lint", "--format", "json", "--no-cache", "--no-entity-apis", "--progress", "bar", "--remap",
                Self.remap(server), ".",
            ], in: list)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(server.requests.count == 6)
        #expect(server.maxConcurrency == 1)
        // Asked for explicitly, the bar is drawn in place even without a terminal.
        #expect(result.stderr.contains("\r[##"), "\(result.stderr)")
    }

    @Test func inlineCommentsAndConfigExcludesAreNotFetched() async throws {
        let server = try Self.world()
        defer { server.stop() }
        let rows: [String] = [
            String(Self.row("https://example.org/dead").dropLast()) + " <!-- curator-disable-line dead-link -->\n",
            Self.row("https://example.org/gone"),
        ]
        let list = try Self.makeList(rows, config: "exclude: ['/gone$']\n")
        defer { try? FileManager.default.removeItem(at: list) }
        let result = try await CLI.runDetached(
            [
                "lint", "--format", "json", "--no-cache", "--no-entity-apis", "--progress", "off", "--remap",
                Self.remap(server), ".",
            ],
            in: list)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(server.requests.isEmpty)
    }

    @Test func aRestoredCacheAnswersWithoutRequestsButDeadLinksAreAskedAgain() async throws {
        let server = try Self.world()
        defer { server.stop() }
        let list = try Self.makeList([
            Self.row("https://example.org/ok"), Self.row("https://example.org/moved"),
            Self.row("https://example.org/dead"),
        ])
        defer { try? FileManager.default.removeItem(at: list) }
        let arguments = [
            "lint", "--format", "json", "--no-entity-apis", "--progress", "off", "--remap", Self.remap(server), ".",
        ]
        let first = try await CLI.runDetached(arguments, in: list)
        #expect(first.status == 1)
        let cacheFile = list.appendingPathComponent(".curator/links.json")
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))

        // A CI cache step restores .curator/ into a fresh checkout.
        let checkout = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: checkout) }
        for name in ["pruning.md", ".curator.yml"] {
            try FileManager.default.copyItem(
                at: list.appendingPathComponent(name), to: checkout.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(
            at: checkout.appendingPathComponent(".curator"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: cacheFile, to: checkout.appendingPathComponent(".curator/links.json"))
        let before = server.requests.count
        let second = try await CLI.runDetached(arguments, in: checkout)
        #expect(second.status == 1)
        #expect(Set(server.requests.dropFirst(before).map(\.path)) == ["/dead"], "only the dead link is asked again")
        #expect(
            try Self.findings(second.stdout).map(\.rule).sorted() == Self.findings(first.stdout).map(\.rule).sorted())

        let third = try await CLI.runDetached(arguments + ["--max-cache-age", "0"], in: checkout)
        #expect(third.status == 1)
        #expect(
            server.requests.dropFirst(before).contains { $0.path == "/ok" }, "--max-cache-age 0 asks everything again")
    }

    @Test func changedSinceChecksOnlyTheLinksOfChangedEntries() async throws {
        let server = try Self.world()
        defer { server.stop() }
        let list = try Self.makeList([Self.row("https://example.org/dead")])
        defer { try? FileManager.default.removeItem(at: list) }
        try git(["init", "-q"], in: list)
        try git(["add", "."], in: list)
        try git(["commit", "-q", "-m", "start"], in: list)
        let file = list.appendingPathComponent("pruning.md")
        try (String(contentsOf: file, encoding: .utf8) + Self.row("https://example.org/ok")).write(
            to: file, atomically: true, encoding: .utf8)
        let result = try await CLI.runDetached(
            [
                "lint", "--format", "json", "--no-cache", "--no-entity-apis", "--progress", "off", "--changed-since",
                "HEAD",
                "--remap", Self.remap(server), ".",
            ], in: list)
        #expect(result.status == 0, "the old dead link is neither fetched nor reported: \(result.stdout)")
        #expect(Set(server.requests.map(\.path)) == ["/ok"])
    }

    @Test func fixRewritesPermanentRedirectsAndRenamedRepositoriesWithTheirBadges() async throws {
        let server = try Self.world()
        defer { server.stop() }
        let github = GitHubDouble(repositories: [GitHubDoubleRepository(id: 7, fullName: "NewOrg/new-name", stars: 5)])
        try await github.start()
        await github.rename("OldOrg/old-name", to: 7)
        let arxiv = ArxivDouble(
            papers: [ArxivDoublePaper(id: "2401.00001", title: "T", authors: [.init("A")], summary: "S")],
            spacing: .zero)
        try await arxiv.start()
        let badge =
            "[![Star](https://img.shields.io/github/stars/OldOrg/old-name.svg?style=social&label=Star)](https://github.com/OldOrg/old-name)<br>"
        let list = try Self.makeList([
            Self.row(
                "https://arxiv.org/abs/2401.00001",
                "[Github](https://github.com/OldOrg/old-name) <br> [Project](https://example.org/moved)", badges: badge)
        ])
        defer { try? FileManager.default.removeItem(at: list) }
        let environment = [
            "GITHUB_API_URL": await github.apiURL, "GITHUB_GRAPHQL_URL": await github.graphQLURL,
            "GITHUB_TOKEN": "ghp_TEST0nly5ecretValue0123456789abcdef", "ARXIV_API_URL": await arxiv.endpoint,
        ]
        let result = try await CLI.runDetached(
            [
                "lint", "--fix", "--format", "json", "--no-cache", "--progress", "off", "--arxiv-spacing", "0",
                "--remap", Self.remap(server), ".",
            ],
            in: list, environment: environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let fixed = try String(contentsOf: list.appendingPathComponent("pruning.md"), encoding: .utf8)
        #expect(
            fixed == Self.header
                + Self.row(
                    "https://arxiv.org/abs/2401.00001",
                    "[Github](https://github.com/NewOrg/new-name) <br> [Project](https://example.org/new)",
                    badges:
                        "[![Star](https://img.shields.io/github/stars/NewOrg/new-name.svg?style=social&label=Star)](https://github.com/NewOrg/new-name)<br>"
                ))
        #expect(await github.requests().map(\.path) == ["/graphql"], "one GraphQL query for the repository")
        #expect(await arxiv.requests().count == 1)
        #expect(
            !server.requests.contains { $0.path.contains("arxiv") || $0.path.contains("github") },
            "entities never fetched by HTTP")
        await github.stop()
        await arxiv.stop()
    }

    private func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}

/// With no network at all, failing name lookups are the runner's trouble, not the links'.
struct NoNetworkTests {
    @Test func unresolvableHostsAloneAreNotDead() async throws {
        let list = try LinksCLITests.makeList([
            LinksCLITests.row("http://no-such-host.invalid/paper"),
            LinksCLITests.row("http://another-missing-host.invalid/code"),
        ])
        defer { try? FileManager.default.removeItem(at: list) }
        let result = try await CLI.runDetached(
            ["lint", "--format", "json", "--no-cache", "--no-entity-apis", "."], in: list, environment: ["CI": "true"])
        let found = try LinksCLITests.findings(result.stdout).filter { LinksCLITests.networkRules.contains($0.rule) }
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!found.contains { $0.rule == "dead-link" })
        #expect(found.contains { $0.message.contains("network") })
    }
}
