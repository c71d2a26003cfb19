import CuratorCore
import CuratorSync
import CuratorTestSupport
import Foundation
import Testing

/// The whole real list checked against a loopback world: every web URL remapped to a scripted
/// server, every repository and paper served by the API doubles, with dead, moved, renamed,
/// archived, withdrawn, flaky, throttled and blocked links programmed in. Every dead link must be
/// found, nothing transient may be called dead, and the API requests must come in batches.
@Suite struct LinksCorpusWorldTests {
    enum Behaviour: CaseIterable { case dead, moved, flaky, throttled, blocked, fine }

    /// The corpus's links, classified the way the checker does.
    struct Inventory {
        var repositories: [String: RepositoryName] = [:]
        var repositoryURLs: [String: [String]] = [:]
        var papers: [String: [String]] = [:]
        var web: [String] = []
    }

    static func inventory() throws -> Inventory {
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        let workspace = try Workspace(
            paths: [Corpus.listDirectory.path], ruleset: ruleset, workingDirectory: Corpus.listDirectory)
        var inventory = Inventory()
        var seen: Set<String> = []
        for entry in workspace.catalog.entries {
            for occurrence in entry.checkableLinks where seen.insert(occurrence.url).inserted {
                let url = occurrence.url
                let repository =
                    occurrence.kind == .starBadge
                    ? RepositoryName(starBadgeURL: url) : RepositoryName(url: url)
                if let repository {
                    inventory.repositories[repository.key] = inventory.repositories[repository.key] ?? repository
                    inventory.repositoryURLs[repository.key, default: []].append(url)
                } else if let paper = ArxivID(url: url) {
                    inventory.papers[paper.base, default: []].append(url)
                } else {
                    inventory.web.append(url)
                }
            }
        }
        inventory.web.sort()
        return inventory
    }

    /// Only URLs whose path reaches the server unchanged get a programmed behaviour; the rest
    /// (queries, fragments, escapes) are answered 200.
    static func isPlain(_ url: String) -> Bool {
        !url.contains { "?#% ".contains($0) } && url.allSatisfy(\.isASCII)
    }

    @Test(.enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.skipNote)), .timeLimit(.minutes(3)))
    func everyDeadLinkIsFoundAndNothingTransientIsDead() async throws {
        try #require(Corpus.isAvailable, "CI=true but ../shared/corpus is missing")
        let inventory = try Self.inventory()

        // Repositories: every 50th missing, renamed or archived.
        let keys = inventory.repositories.keys.sorted()
        var missing: Set<String> = []
        var renamed: Set<String> = []
        var archived: Set<String> = []
        var served: [GitHubDoubleRepository] = []
        var renames: [(String, Int)] = []
        for (index, key) in keys.enumerated() {
            let reference = inventory.repositories[key]!
            switch index % 50 {
            case 0: missing.insert(key)
            case 7:
                renamed.insert(key)
                served.append(
                    GitHubDoubleRepository(id: index + 1, fullName: "moved-org/\(reference.name)", stars: index))
                renames.append((reference.description, index + 1))
            case 13:
                archived.insert(key)
                served.append(
                    GitHubDoubleRepository(id: index + 1, fullName: reference.description, stars: index, archived: true)
                )
            default:
                served.append(GitHubDoubleRepository(id: index + 1, fullName: reference.description, stars: index))
            }
        }
        let github = GitHubDouble(repositories: served)
        try await github.start()
        for (old, id) in renames { await github.rename(old, to: id) }

        // Papers: every 40th unknown or withdrawn.
        let ids = inventory.papers.keys.sorted()
        var unknown: Set<String> = []
        var withdrawn: Set<String> = []
        var papers: [ArxivDoublePaper] = []
        for (index, id) in ids.enumerated() {
            switch index % 40 {
            case 0: unknown.insert(id)
            case 5:
                withdrawn.insert(id)
                papers.append(
                    ArxivDoublePaper(
                        id: id, title: "Paper \(index)", authors: [.init("A")], summary: "S",
                        comment: "This paper has been withdrawn"))
            default:
                papers.append(ArxivDoublePaper(id: id, title: "Paper \(index)", authors: [.init("A")], summary: "S"))
            }
        }
        // The child process waits on the real clock, so spacing is not asked of it here (the client
        // tests check it on a test clock); the double still answers 429 to anything it must.
        let arxiv = ArxivDouble(papers: papers, spacing: .zero)
        try await arxiv.start()

        // Web links: one behaviour after another.
        var behaviours: [String: Behaviour] = [:]
        for (index, url) in inventory.web.filter(Self.isPlain).enumerated() {
            behaviours[url] = Behaviour.allCases[index % Behaviour.allCases.count]
        }
        let world = try WorldServer(behaviours: behaviours)
        defer { world.server.stop() }

        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await CLI.runDetached(
            [
                "lint", "--ruleset", "awesome-efficient-llm", "--format", "json", "--no-cache", "--arxiv-spacing",
                "0",
                "--timeout", "5", "--remap", "^https?://([^/?#]+)(.*)$ \(world.server.baseURL)/$1$2",
                Corpus.listDirectory.path,
            ],
            in: directory,
            environment: [
                "GITHUB_API_URL": await github.apiURL, "GITHUB_GRAPHQL_URL": await github.graphQLURL,
                "GITHUB_TOKEN": "ghp_TEST0nly5ecretValue0123456789abcdef", "ARXIV_API_URL": await arxiv.endpoint,
                "CI": "true",
            ])
        let githubRequests = await github.requests()
        let arxivRequests = await arxiv.requests()
        let violations = await arxiv.pacingViolations
        await github.stop()
        await arxiv.stop()

        #expect(result.status == 1, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = (object?["findings"] as? [[String: Any]] ?? []).map {
            ($0["rule"] as? String ?? "", $0["message"] as? String ?? "")
        }
        func urls(_ rule: String, prefix: String) -> Set<String> {
            // Messages read "<prefix><url>: <evidence>"; URLs never contain a colon and a space.
            Set(
                findings.filter { $0.0 == rule }.compactMap { finding -> String? in
                    guard finding.1.hasPrefix(prefix) else { return nil }
                    let rest = finding.1.dropFirst(prefix.count)
                    return rest.range(of: ": ").map { String(rest[..<$0.lowerBound]) }
                })
        }

        var expectedDead = Set(behaviours.filter { $0.value == .dead }.map(\.key))
        for key in missing { expectedDead.formUnion(inventory.repositoryURLs[key] ?? []) }
        for id in unknown { expectedDead.formUnion(inventory.papers[id] ?? []) }
        let dead = urls("dead-link", prefix: "dead link ")
        #expect(
            dead.subtracting(expectedDead).isEmpty,
            "called dead but not programmed dead: \(dead.subtracting(expectedDead).sorted())")
        #expect(
            expectedDead.subtracting(dead).isEmpty, "dead but not found: \(expectedDead.subtracting(dead).sorted())")
        #expect(!expectedDead.isEmpty)

        let unreachable = urls("unreachable-link", prefix: "could not check ")
        let quiet = Set(behaviours.filter { [.flaky, .throttled, .fine].contains($0.value) }.map(\.key))
        #expect(
            unreachable.intersection(quiet).isEmpty,
            "transient faults reported: \(unreachable.intersection(quiet).sorted())")
        #expect(Set(behaviours.filter { $0.value == .blocked }.map(\.key)).isSubset(of: unreachable))
        let moved = findings.filter { $0.0 == "moved-link" }.map(\.1)
        #expect(moved.count >= behaviours.values.filter { $0 == .moved }.count)
        #expect(moved.allSatisfy { !$0.contains("127.0.0.1") }, "targets are named at the original addresses")

        let renamedFound = Set(
            findings.filter { $0.0 == "renamed-repository" }.compactMap { finding in
                finding.1.split(separator: " ").dropFirst().first.map { $0.lowercased() }
            })
        #expect(renamedFound == renamed)
        #expect(findings.filter { $0.0 == "archived-repository" }.count >= archived.count)
        #expect(findings.filter { $0.0 == "withdrawn-paper" }.count >= withdrawn.count)

        // Batched: 100 repositories a GraphQL query, 100 ids an arXiv request, spaced.
        #expect(
            githubRequests.count == (keys.count + 99) / 100,
            "\(keys.count) repositories in \(githubRequests.count) queries")
        #expect(githubRequests.allSatisfy { $0.path == "/graphql" })
        #expect(arxivRequests.count == (ids.count + 99) / 100, "\(ids.count) papers in \(arxivRequests.count) requests")
        #expect(violations == 0)
        // No repository or paper link went to the web world: the APIs answered for all of them.
        let entityURLs = Array(inventory.repositoryURLs.values.joined()) + Array(inventory.papers.values.joined())
        let entityPaths = Set(
            entityURLs.compactMap { url in
                url.range(of: "://").map { "/" + url[$0.upperBound...] }
            })
        #expect(!world.server.requests.contains { entityPaths.contains($0.target) })
        print(
            "corpus world: \(inventory.web.count) web links, \(keys.count) repositories in \(githubRequests.count) GraphQL queries, \(ids.count) papers in \(arxivRequests.count) arXiv requests, \(world.server.requests.count) HTTP requests, \(dead.count) dead links found"
        )
    }
}

/// The scripted web of the corpus world: each remapped path answers by its programmed behaviour.
final class WorldServer: Sendable {
    let server: RawServer

    init(behaviours: [String: LinksCorpusWorldTests.Behaviour]) throws {
        var byPath: [String: LinksCorpusWorldTests.Behaviour] = [:]
        for (url, behaviour) in behaviours {
            guard let start = url.range(of: "://")?.upperBound else { continue }
            byPath["/" + url[start...]] = behaviour
        }
        let table = byPath
        let counts = Mutex<[String: Int]>([:])
        server = try RawServer { request, connection in
            let seen = counts.withLock { counts in
                defer { counts[request.path, default: 0] += 1 }
                return counts[request.path, default: 0]
            }
            switch table[request.path] ?? .fine {
            case .dead: connection.respond(status: 404, for: request)
            case .moved: connection.respond(status: 301, headers: [("Location", "/moved-target")], for: request)
            case .flaky: if seen == 0 { connection.reset() } else { connection.respond(status: 200, for: request) }
            case .throttled:
                if seen == 0 {
                    connection.respond(status: 429, headers: [("Retry-After", "1")], for: request)
                } else {
                    connection.respond(status: 200, for: request)
                }
            case .blocked: connection.respond(status: 999, reason: "Request denied", for: request)
            case .fine: connection.respond(status: 200, for: request)
            }
        }
    }
}
