import CuratorCore
import CuratorTestSupport
import Foundation
import Testing

/// The document model on the real list: every file reads, every entry is read, and an unchanged
/// file goes back to disk byte for byte.
@Suite(.enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.skipNote)))
struct CorpusDocumentTests {
    static func workspace() throws -> Workspace {
        try #require(Corpus.isAvailable, "CI=true but ../shared/corpus is missing")
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        return try Workspace(
            paths: [Corpus.listDirectory.path], ruleset: ruleset,
            workingDirectory: Corpus.listDirectory.deletingLastPathComponent())
    }

    @Test func everyFileRoundTripsByteForByte() throws {
        try #require(Corpus.isAvailable, "CI=true but ../shared/corpus is missing")
        let files = Corpus.markdownFiles()
        #expect(files.count == 17)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "curator-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for file in files {
            let original = try Data(contentsOf: Corpus.listDirectory.appendingPathComponent(file))
            let document = try Document(path: file, bytes: [UInt8](original))
            // No edits: the fixer must hand back the very bytes it was given.
            let unchanged = Fixer.apply([], to: document.source.bytes)
            let target = scratch.appendingPathComponent(file.replacingOccurrences(of: "/", with: "_"))
            try AtomicWriter.write(unchanged, to: target)
            #expect(try Data(contentsOf: target) == original, "\(file) changed on the way through")
        }
    }

    @Test func everyEntryIsRead() throws {
        let workspace = try Self.workspace()
        let entries = workspace.catalog.entries
        var byFormat: [String: Int] = [:]
        for entry in entries { byFormat[entry.formatID, default: 0] += 1 }
        // The corpus's own description: 886 table rows, 201 bullets, 8 leaderboard rows.
        #expect(entries.count == 1095)
        #expect(byFormat["paper-row"] == 886)
        #expect((byFormat["paper-bullet"] ?? 0) + (byFormat["project-bullet"] ?? 0) == 201)
        #expect(byFormat["leaderboard-row"] == 8)
        #expect(entries.filter { $0.unreadableReason != nil }.isEmpty)
    }

    @Test func fieldsOfARealRowKeepTheirBytes() throws {
        let workspace = try Self.workspace()
        let entry = try #require(
            workspace.catalog.entries.first { $0.arxivID == ArxivID("2305.11627") && $0.file.hasSuffix("pruning.md") })
        let document = try #require(workspace.document(named: entry.file))
        #expect(entry.title?.text == "LLM-Pruner: On the Structural Pruning of Large Language Models")
        #expect(document.source.text(entry.title!.range) == entry.title?.text)
        #expect(entry.authors?.text == "Xinyin Ma, Gongfan Fang, Xinchao Wang")
        #expect(entry.starRepository?.description == "horseee/LLM-Pruner")
        #expect(entry.repository?.description == "horseee/LLM-Pruner")
        #expect(entry.venueBadges.count == 1)
        #expect(entry.image?.text == "figures/llm_pruner.png")
        #expect(entry.section == "Network Pruning")
    }

    @Test func catalogIndexesFindCopies() throws {
        let workspace = try Self.workspace()
        let copies = workspace.catalog.byArxivID[ArxivID("2305.11627")!] ?? []
        // The topic file's row and the README's copy.
        #expect(copies.count >= 2)
        #expect(Set(copies.map { workspace.catalog.entries[$0].file }).count >= 2)
    }
}
