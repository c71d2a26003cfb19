import CuratorCore
import Foundation
import Testing

@testable import CuratorRules

/// The badge, link and tag rules on the real copy of horseee/Awesome-Efficient-LLM in
/// `../shared/corpus`. Every count below was checked finding by finding against the corpus, so a
/// change in a count is a new false positive or a new miss until shown otherwise.
@Suite(.enabled(if: BadgeLinkTagCorpus.available || BadgeLinkTagCorpus.isCI, "../shared/corpus is absent"))
struct BadgeLinkTagCorpusTests {
    static let corpusParent = BadgeLinkTagCorpus.parent
    static let corpusDir = BadgeLinkTagCorpus.directory
    static let corpusAvailable = BadgeLinkTagCorpus.available

    static let rules: [any Rule.Type] = badgeRules + linkRules + tagRules

    /// Findings per rule on the corpus.
    static let expected: [String: Int] = [
        // 8 IntelLabs folder links, 2 FlexFlow and 1 sglang branch links, 1 trailing slash, and
        // 4 badges naming no repository (`stars/KVQuant/.svg`), each with image and link, and
        // DuQuant's `?tab=readme-ov-file` in image and link.
        "star-badge-url": 22,
        // tree/pv-tuning against Vahe1994/AQLM; two mamba badges linking RethinkTinyLM; kongds/SMP
        // linking allenai/kongds.
        "star-badge-mismatch": 4,
        // LREC-COLING'24, CIS-RAM'24 and two Semi-structured type badges.
        "badge-label-dash": 4,
        // Fixable: TMLR_2025 twice, MLsys'24, NAACL'24 workshop, SOSP 2023, ICASSP2024,
        // ACL24'Findings, CVPR2024. Not: IEEE kind, ICLRW, IPCA, no year (TMLR, CIKM short,
        // Nature Scientific Reports twice).
        "venue-label": 15,
        // 26 PDF links, 6 on www and PDF, 2 on www, 10 versions, 4 stray `#`, 2 `2407.11681mini`.
        "arxiv-link": 50,
        // Every figure the corpus names exists with the exact name.
        "figure-placeholder": 0,
        "missing-figure": 0,
        // Only project/readme.md requires a badge (a star), and all of its projects carry one.
        "required-tag": 0,
        // QuantEase, neural-compressor twice, DeepSpeed, blockllm without a badge; two Hymba rows
        // with a badge but no code link.
        "missing-star-badge": 7,
    ]

    /// After `--fix`, only the findings that need a person are left.
    static let expectedAfterFix: [String: Int] = [
        "star-badge-url": 0,
        "star-badge-mismatch": 4,
        "badge-label-dash": 0,
        "venue-label": 7,
        "arxiv-link": 2,
        "figure-placeholder": 0,
        "missing-figure": 0,
        "required-tag": 0,
        "missing-star-badge": 7,
    ]

    static func workspace() throws -> Workspace {
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        return try Workspace(paths: [corpusDir.path], ruleset: ruleset, workingDirectory: corpusParent)
    }

    static func findings(in workspace: Workspace) -> [Finding] {
        let context = LintContext(workspace: workspace)
        return rules.flatMap { $0.init().check(context) }
    }

    static func counts(_ findings: [Finding]) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: rules.map { ($0.description.id, 0) })
        for finding in findings { counts[finding.ruleID, default: 0] += 1 }
        return counts
    }

    @Test func findingsPerRule() throws {
        try #require(Self.corpusAvailable, "the corpus must be present at \(Self.corpusDir.path) on CI")
        let found = Self.findings(in: try Self.workspace())
        #expect(Self.counts(found) == Self.expected)
    }

    @Test func fixesLeaveOnlyWhatNeedsAPerson() throws {
        try #require(Self.corpusAvailable, "the corpus must be present at \(Self.corpusDir.path) on CI")
        let workspace = try Self.workspace()
        let fixed = try Fixer.apply(Self.findings(in: workspace), to: workspace)
        let files = workspace.documents.map { document, relativePath in
            (
                relativePath: relativePath,
                text: String(decoding: fixed[document.path] ?? document.source.bytes, as: UTF8.self)
            )
        }
        let again = try Workspace(files: files, ruleset: workspace.ruleset, root: workspace.root)
        let left = Self.findings(in: again)
        #expect(Self.counts(left) == Self.expectedAfterFix)
        #expect(
            left.allSatisfy { $0.fix == nil }, "fixable findings left: \(left.filter { $0.fix != nil }.map(\.message))")
    }
}

/// Where the corpus lies: `../shared/corpus` beside the package root.
enum BadgeLinkTagCorpus {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let parent = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let directory = parent.appendingPathComponent("awesome-efficient-llm")
    static let available = FileManager.default.fileExists(atPath: directory.path)
    /// On CI a missing corpus is a failure, never a silent skip.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
}
