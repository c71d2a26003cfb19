import CuratorCore
import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorSources

/// Placement learned from the list's own entries, with the keyword map only as a prior.
struct TopicChooserTests {
    static func table(_ titles: [String], first id: Int) -> String {
        var text = "## Topic\n| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
        for (offset, title) in titles.enumerated() {
            text +=
                "|[\(title)](https://arxiv.org/abs/2401.\(String(format: "%05d", id + offset))) <br> Ann Lee | | |\n"
        }
        return text
    }

    /// A list whose ruleset has no keyword map: the files of the list are the topics.
    static func workspace() throws -> Workspace {
        var ruleset = try RulesetLoader.shipped("awesome-efficient-llm")
        ruleset.propose = nil
        ruleset.mirrors = nil
        return try Workspace(
            files: [
                (
                    "graphs.md",
                    table(
                        [
                            "Message Passing on Large Graphs", "Graph Neural Networks for Molecules",
                            "Scalable Graph Transformers",
                        ], first: 1)
                ),
                (
                    "speech.md",
                    table(
                        ["Streaming Speech Recognition", "Speech Synthesis with Diffusion", "Robust Speech Encoders"],
                        first: 10)
                ),
            ], ruleset: CompiledRuleset(ruleset), root: URL(fileURLWithPath: "/nonexistent-list-root"))
    }

    @Test func aListWithoutAKeywordMapRanksItsOwnFiles() throws {
        let workspace = try Self.workspace()
        let topics = TopicChooser.topics(of: workspace)
        #expect(topics.map(\.file) == ["graphs.md", "speech.md"])
        let chooser = TopicChooser(topics: topics, workspace: workspace)

        let graph = chooser.rank(title: "Sparse Message Passing for Graph Transformers")
        #expect(graph.map(\.topic.file) == ["graphs.md", "speech.md"])
        #expect(graph[0].confidence > 0.5 && graph[0].confidence > graph[1].confidence)
        let speech = chooser.rank(title: "Low-latency speech recognition", abstract: "We recognise streaming speech.")
        #expect(speech.first?.topic.file == "speech.md")
    }

    /// A paper that shares no word with the list still gets a file, and the keyword map decides it.
    @Test func everyPaperGetsAFileAndTheKeywordMapIsAPrior() throws {
        let workspace = try Self.workspace()
        let bare = TopicChooser(topics: TopicChooser.topics(of: workspace), workspace: workspace)
        #expect(bare.rank(title: "Quantum Chromodynamics").count == 2)
        let topics = [
            TopicChooser.Topic(name: "graphs", file: "graphs.md"),
            TopicChooser.Topic(name: "speech", file: "speech.md", keywords: ["phoneme"]),
        ]
        let prior = TopicChooser(topics: topics, workspace: workspace)
        #expect(prior.rank(title: "Phoneme Alignment for Graphs").first?.topic.file == "speech.md")
        #expect(prior.named("SPEECH")?.file == "speech.md")
        #expect(prior.named("graphs.md")?.name == "graphs")
    }

    @Test func leaveOneOutCountsEachEntryAgainstTheListWithoutIt() throws {
        let workspace = try Self.workspace()
        let (right, total) = TopicChooser.leaveOneOut(topics: TopicChooser.topics(of: workspace), workspace: workspace)
        #expect(total == 6)
        // "Robust Speech Encoders" and "Scalable Graph Transformers" share their topic word with
        // their own file only once the entry is out; every entry here has one.
        #expect(right == 6)
    }

    /// The figure the README reports, on the first user's list (bench/placement prints it).
    @Test(.enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.skipNote)))
    func placementOnTheCorpusByLeaveOneOut() throws {
        try #require(Corpus.isAvailable, "CI=true but ../shared/corpus is missing")
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        let workspace = try Workspace(
            paths: [Corpus.listDirectory.path], ruleset: ruleset, workingDirectory: Corpus.listDirectory,
            root: Corpus.listDirectory)
        let topics = TopicChooser.topics(of: workspace)
        #expect(topics.count == 13)
        let (right, total) = TopicChooser.leaveOneOut(topics: topics, workspace: workspace)
        print("placement: \(right) of \(total)")
        #expect(total > 700)
        #expect(Double(right) / Double(total) >= 0.76)
    }
}
