import CuratorTestSupport
import Foundation
import Testing

/// `curator propose` into a copy of the real list, against loopback doubles of arXiv and GitHub;
/// the rows it writes must lint clean where they stand.
@Suite(.serialized, .enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.skipNote)))
struct ProposeCommandTests {
    static let papers = [
        ArxivDoublePaper(
            id: "2507.01001", latestVersion: 2,
            title: "SparseTune: One-Shot Pruning of Large Language Models with\n  Sparsity Masks",
            authors: [.init("Ann Lee"), .init("Bo Chen"), .init("Carl Díaz")],
            summary: "We prune large language models. Code: https://github.com/sparse-lab/SparseTune.",
            comment: "Accepted at ICML 2025"),
        ArxivDoublePaper(
            id: "2507.01002", title: "Quantization to 2 Bits for LLM Inference",
            authors: (1...11).map { .init("Author \($0) Name") }, summary: "Low-bit quantization of weights."),
        ArxivDoublePaper(
            id: "2507.01003", title: "EvictKV: KV Cache Compression by Eviction",
            authors: [.init("Dan Eze")], summary: "A key-value cache eviction policy.",
            comment: "Submitted to NeurIPS 2025"),
        ArxivDoublePaper(
            id: "2507.01004", title: "A Survey of Efficient Inference", authors: [.init("Eve Fox"), .init("Fay Gu")],
            summary: "We review methods.", journalRef: "TMLR 2025"),
    ]

    static func start() async throws -> (ArxivDouble, GitHubDouble, [String: String]) {
        let arxiv = ArxivDouble(papers: papers, spacing: .milliseconds(100))
        try await arxiv.start()
        let gitHub = GitHubDouble(repositories: [
            GitHubDoubleRepository(id: 1, fullName: "Sparse-Lab/SparseTune", stars: 120)
        ])
        try await gitHub.start()
        let environment = [
            "ARXIV_API_URL": await arxiv.endpoint, "GITHUB_API_URL": await gitHub.apiURL,
            "GITHUB_GRAPHQL_URL": await gitHub.graphQLURL,
            "GITHUB_TOKEN": "ghp_PROPOSEtest0nly",
        ]
        return (arxiv, gitHub, environment)
    }

    @Test func proposedRowsLintCleanInTheTopicFilesAndTheReadme() async throws {
        let (arxiv, gitHub, environment) = try await Self.start()
        defer {
            Task {
                await arxiv.stop(); await gitHub.stop()
            }
        }
        let copy = try Corpus.temporaryCopy()
        let ids = Self.papers.map(\.id)

        let printed = try await RefreshCLI.run(
            ["propose", "--ruleset", "awesome-efficient-llm"] + ids, in: copy, environment: environment)
        #expect(printed.status == 0, "\(printed.stderr)")
        // Each placement is printed with its confidence and the runner-up.
        #expect(printed.stderr.contains("curator: 2507.01001 → pruning.md (confidence "), "\(printed.stderr)")
        #expect(printed.stderr.contains("curator: 2507.01003 → kv_cache_compression.md (confidence "))
        #expect(printed.stderr.contains("; runner-up "))
        let written = try await RefreshCLI.run(
            ["propose", "--ruleset", "awesome-efficient-llm", "--write"] + ids, in: copy, environment: environment)
        #expect(written.status == 0, "\(written.stderr)")

        let pruning = try String(contentsOf: copy.appendingPathComponent("pruning.md"), encoding: .utf8)
        let row = try #require(pruning.split(separator: "\n").first { $0.contains("2507.01001") })
        #expect(printed.stdout.contains(String(row)))
        #expect(
            row.hasPrefix(
                "|[![Star](https://img.shields.io/github/stars/Sparse-Lab/SparseTune.svg?style=social&label=Star)](https://github.com/Sparse-Lab/SparseTune)[![Publish](https://img.shields.io/badge/Conference-ICML'25-blue)]()<br>[SparseTune: One-Shot Pruning of Large Language Models with Sparsity Masks](https://arxiv.org/abs/2507.01001) <br> Ann Lee, Bo Chen, Carl Díaz |<img width=\"1002\" alt=\"image\" src=\"https://arxiv.org/html/2507.01001v2/x1.png\"> |[Github](https://github.com/Sparse-Lab/SparseTune) <br> [Paper](https://arxiv.org/abs/2507.01001)|[//]: #"
            ))
        #expect(pruning.hasSuffix(String(row) + "\n"), "topic files add new rows at the bottom")
        let quantization = try String(contentsOf: copy.appendingPathComponent("quantization.md"), encoding: .utf8)
        #expect(quantization.contains("Author 1 Name, Author 2 Name, Author 3 Name, Author 4 Name et al |"))
        let kv = try String(contentsOf: copy.appendingPathComponent("kv_cache_compression.md"), encoding: .utf8)
        #expect(
            kv.contains("|[EvictKV: KV Cache Compression by Eviction](https://arxiv.org/abs/2507.01003) <br> Dan Eze |")
        )
        let survey = try String(contentsOf: copy.appendingPathComponent("survey.md"), encoding: .utf8)
        #expect(
            survey.contains(
                "* [![Publish](https://img.shields.io/badge/Journal-TMLR'25-blue)]() [A Survey of Efficient Inference](https://arxiv.org/abs/2507.01004). Eve Fox, Fay Gu. [[Paper]](https://arxiv.org/abs/2507.01004)\n"
            ))
        let readme = try String(contentsOf: copy.appendingPathComponent("README.md"), encoding: .utf8)
        let readmeLines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        for id in ids {
            #expect(readmeLines.filter { $0.contains(id) }.count == 1, "\(id) is copied into the README once")
        }
        let pinnedEnd = try #require(readmeLines.firstIndex { $0.contains("2507.01001") })
        #expect(
            readmeLines[pinnedEnd - 1].hasSuffix("#Recommend"), "the README copy goes first after the recommended rows")

        let lint = try await RefreshCLI.run(
            ["lint", "--offline", "--format", "json", "--ruleset", "awesome-efficient-llm", "."], in: copy)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        var proposedLines: Set<String> = []
        for file in ["pruning.md", "quantization.md", "kv_cache_compression.md", "survey.md", "README.md"] {
            let text = try String(contentsOf: copy.appendingPathComponent(file), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where ids.contains(where: { line.contains($0) }) {
                proposedLines.insert("\(file):\(index + 1)")
            }
        }
        #expect(proposedLines.count == 8)
        let onProposed = findings.filter { proposedLines.contains("\($0["file"] ?? ""):\($0["line"] ?? "")") }
        #expect(onProposed.isEmpty, "\(onProposed)")
    }

    @Test func aListedPaperIsRefusedWithWhereItIs() async throws {
        let (arxiv, gitHub, environment) = try await Self.start()
        defer {
            Task {
                await arxiv.stop(); await gitHub.stop()
            }
        }
        let copy = try Corpus.temporaryCopy()
        let before = try Data(contentsOf: copy.appendingPathComponent("pruning.md"))

        let result = try await RefreshCLI.run(
            ["propose", "--ruleset", "awesome-efficient-llm", "--write", "https://arxiv.org/abs/2305.11627v3"],
            in: copy, environment: environment)

        #expect(result.status == 1)
        #expect(result.stderr.contains("2305.11627 is already listed at README.md:58, pruning.md:"))
        #expect(try Data(contentsOf: copy.appendingPathComponent("pruning.md")) == before)
        #expect(await arxiv.requests().isEmpty, "a listed paper is refused before anything is fetched")
    }
}
