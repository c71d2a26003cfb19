import CuratorCore
import CuratorRules
import Foundation
import Testing

/// The duplicate and mirror rules on the real Awesome-Efficient-LLM list, defects included. Every
/// finding below was checked by reading the lines it names; a change in these numbers is either a
/// new false positive or a new miss, and needs the same reading.
struct DuplicateCorpusTests {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/awesome-efficient-llm")

    /// Findings per rule on the corpus. duplicate-paper: two rows repeated within a file
    /// (efficient_moe.md:34, quantization.md:105, errors) and eight papers in two topic files
    /// (warnings). mirror-missing: README rows 303, 320, 324 and 325, which are not in the topic
    /// file their heading copies. mirror-drift: README 61 (extra type badge), 104 (title, badges,
    /// figure and links of an older version), 253 (venue badge), 291 (authors cut to "et al"),
    /// 300 (star badge and code link missing). No title repeats without its arXiv id, and no two
    /// titles are near-duplicates that are not already reported.
    static let expected: [String: Int] = [
        "duplicate-paper": 10,
        "duplicate-title": 0,
        "near-duplicate-title": 0,
        "mirror-missing": 4,
        "mirror-drift": 9,
    ]

    static let rules: [any Rule.Type] = BuiltInRules.all.filter { expected[$0.description.id] != nil }

    @Test func findingsOnTheRealList() throws {
        guard FileManager.default.fileExists(atPath: Self.corpus.path) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("the corpus is missing at \(Self.corpus.path)")
            } else {
                print("skipped: no corpus at \(Self.corpus.path)")
            }
            return
        }
        let workspace = try Workspace(
            paths: [Self.corpus.path], ruleset: CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm")),
            workingDirectory: Self.corpus.deletingLastPathComponent())
        let context = LintContext(workspace: workspace)
        #expect(Self.rules.count == Self.expected.count)
        var counts: [String: Int] = [:]
        var severities: [Severity: Int] = [:]
        for rule in Self.rules {
            let findings = rule.init().check(context)
            counts[rule.description.id] = findings.count
            for finding in findings where finding.ruleID == "duplicate-paper" {
                severities[finding.severity, default: 0] += 1
            }
        }
        #expect(counts == Self.expected)
        #expect(severities == [.error: 2, .warning: 8])
    }
}
