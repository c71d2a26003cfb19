import CuratorTestSupport
import Foundation
import Testing

/// `curator discover` on a copy of the real list, against the loopback arXiv double answering
/// search queries in arXiv's Atom format: new papers on the list's topics come first, each with
/// the file `propose` would use; off-topic, listed, out-of-range and other-category papers do not.
@Suite(.serialized, .enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.skipNote)))
struct DiscoverCommandTests {
    static func paper(
        _ id: String, _ title: String, _ summary: String, published: String = "2025-03-10T12:00:00Z",
        category: String = "cs.CL"
    ) -> ArxivDoublePaper {
        ArxivDoublePaper(
            id: id, title: title, authors: [.init("Ann Lee")], summary: summary, published: published,
            primaryCategory: category)
    }

    static let onTopic = [
        paper(
            "2503.00001", "Structured Pruning of Large Language Models with Learned Sparsity Masks",
            "We prune attention heads and channels of LLMs to a target sparsity."),
        paper(
            "2503.00002", "Post-Training 3-bit Weight Quantization for LLMs",
            "A low-bit quantization method for weights and activations.", category: "cs.LG"),
        paper(
            "2503.00003", "Adaptive KV Cache Eviction for Long-Context Inference",
            "We compress the key-value cache by evicting tokens."),
    ]
    static let offTopic = [
        paper(
            "2503.00004", "Bird Migration Routes Across the Sahara",
            "Tracking data from storks and swallows over three seasons."),
        paper(
            "2503.00005", "A Corpus of Medieval Latin Charters",
            "Transcriptions of charters from monasteries in Bavaria."),
    ]
    /// Already in the list (LLM-Pruner by id, SparseGPT by title under another id), too old, and
    /// of a category not searched.
    static let excluded = [
        paper(
            "2503.00008", "SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot",
            "One-shot pruning."),
        paper("2305.11627", "LLM-Pruner: On the Structural Pruning of Large Language Models", "Pruning LLMs."),
        paper("2312.00006", "Pruning Before the Range", "Sparse pruning.", published: "2023-12-01T00:00:00Z"),
        paper("2503.00007", "Pruning Convolutional Vision Networks", "Sparse pruning.", category: "cs.CV"),
    ]
    /// Enough off-topic papers that the search takes two pages of 100.
    static let filler = (0..<110).map { index in
        paper(
            String(format: "2503.%05d", 1000 + index), "Ocean Tide Records of Harbour \(index)",
            "Tide gauge readings from harbour \(index).", published: "2025-02-01T00:00:00Z")
    }

    @Test func newOnTopicPapersComeFirstWithTheirFiles() async throws {
        let arxiv = ArxivDouble(papers: Self.onTopic + Self.offTopic + Self.excluded + Self.filler, spacing: .zero)
        try await arxiv.start()
        defer { Task { await arxiv.stop() } }
        let copy = try Corpus.temporaryCopy()
        defer { try? FileManager.default.removeItem(at: copy) }

        let result = try await RefreshCLI.run(
            [
                "discover", "--ruleset", "awesome-efficient-llm", "--since", "2025-01-01", "--category", "cs.CL",
                "--category", "cs.LG", "--format", "json", "--limit", "200", "--arxiv-spacing", "0", copy.path,
            ],
            in: copy, environment: ["ARXIV_API_URL": await arxiv.endpoint, "CI": "true"])

        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let candidates = try #require(object["candidates"] as? [[String: Any]])
        let ids = candidates.compactMap { $0["id"] as? String }
        #expect(ids.count == Self.onTopic.count + Self.offTopic.count + Self.filler.count)
        #expect(Array(ids.prefix(3)).sorted() == Self.onTopic.map(\.id), "on-topic papers first: \(ids.prefix(5))")
        let files = Dictionary(
            uniqueKeysWithValues: candidates.map { ($0["id"] as? String ?? "", $0["file"] as? String) })
        #expect(files["2503.00001"] == "pruning.md")
        #expect(files["2503.00002"] == "quantization.md")
        #expect(files["2503.00003"] == "kv_cache_compression.md")
        for excluded in Self.excluded { #expect(!ids.contains(excluded.id), "\(excluded.id) is not a new paper") }
        let scores = candidates.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >), "best first")
        #expect(scores.prefix(3).allSatisfy { $0 > 0 })
        for paper in Self.offTopic {
            let score = try #require(candidates.first { $0["id"] as? String == paper.id }?["score"] as? Double)
            #expect(score < (scores.prefix(3).min() ?? 0))
        }
        #expect(candidates.first?["propose"] as? String == "curator propose \(ids[0])")

        let requests = await arxiv.requests()
        #expect(requests.count == 2, "two pages of 100")
        #expect(requests.map { $0.queryValue("start") } == ["0", "100"])
        let query = try #require(requests.first?.queryValue("search_query"))
        #expect(query.hasPrefix("(cat:cs.CL OR cat:cs.LG) AND submittedDate:[202501010000 TO "), "\(query)")
        #expect(await arxiv.pacingViolations == 0)

        // The same search gives the same answer, and the markdown is an issue body.
        let markdown = try await RefreshCLI.run(
            [
                "discover", "--ruleset", "awesome-efficient-llm", "--since", "2025-01-01", "--format", "markdown",
                "--limit", "3", "--arxiv-spacing", "0", copy.path,
            ],
            in: copy, environment: ["ARXIV_API_URL": await arxiv.endpoint, "CI": "true"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("## New papers for the list\n"))
        #expect(markdown.stdout.contains("| `pruning.md` | `curator propose 2503.00001` |"), "\(markdown.stdout)")
        #expect(
            markdown.stdout.split(separator: "\n").filter {
                $0.hasPrefix("| 0.") || $0.hasPrefix("| 1.") || $0.hasPrefix("| -")
            }.count <= 3)
    }

    @Test func aBadDateIsRefusedBeforeAnythingIsAsked() async throws {
        let result = try CLI.run(["discover", "--since", "2025-13-01"])
        #expect(result.status == 64 || result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--since '2025-13-01' is not a date YYYY-MM-DD"))
    }
}
