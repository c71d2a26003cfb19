import CuratorCore
import CuratorRules
import Foundation
import Testing

/// The format rules on the real Awesome-Efficient-LLM copy: every finding there was read and is a
/// real defect, so a change in these counts is either a new true finding or a regression.
struct FormatCorpusTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent(
        "shared/corpus/awesome-efficient-llm")

    /// The findings of each format rule on the corpus, as read and judged by hand.
    static let expected: [String: Int] = [
        // pruning.md:52 lacks its trailing pipe; quantization.md:5 ends in a stray 'o'.
        "stray-text": 2,
        // knowledge_distillation.md:31 has a fourth cell, [Model](...), that GitHub drops.
        "cell-count": 1,
        // pruning.md:30 has its type badge after the title.
        "field-order": 1,
        // pruning.md:28 and :67: a type badge runs into the title without <br>.
        "field-separator": 2,
        // [paper] and [[paper]] where the list writes Paper.
        "link-label": 13,
        "trailing-space": 8,
    ]

    @Test func formatFindingsOnTheCorpus() throws {
        guard FileManager.default.fileExists(atPath: Self.corpus.path) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("the corpus is missing at \(Self.corpus.path)")
            } else {
                print("skipping: no corpus at \(Self.corpus.path)")
            }
            return
        }
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        let workspace = try Workspace(
            paths: [Self.corpus.path], ruleset: ruleset, workingDirectory: Self.corpus.deletingLastPathComponent())
        let context = LintContext(workspace: workspace)
        var counts: [String: Int] = [:]
        var lines: [String] = []
        for type in BuiltInRules.all where Self.formatRuleIDs.contains(type.description.id) {
            let findings = type.init().check(context).sorted { $0.location < $1.location }
            counts[type.description.id] = findings.count
            for finding in findings {
                lines.append(
                    "\(finding.location.description) \(finding.ruleID) \(finding.message)\(finding.fix == nil ? "" : " [fix]")"
                )
            }
        }
        if let dump = ProcessInfo.processInfo.environment["CURATOR_FORMAT_DUMP"] {
            try lines.joined(separator: "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        let nonZero = counts.filter { $0.value > 0 }
        #expect(nonZero == Self.expected, "format findings on the corpus changed:\n\(lines.joined(separator: "\n"))")
    }

    /// Lowercase labels keep their role through `links.spelled` now that they are not roles of their own.
    @Test func misspelledLabelsKeepTheirRole() throws {
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        #expect(ruleset.role(ofLinkLabel: "paper") == "paper")
        #expect(ruleset.role(ofLinkLabel: "Paper") == "paper")
        #expect(ruleset.role(ofLinkLabel: "GitHub") == "code")
    }

    static let formatRuleIDs: Set<String> = [
        "table-split", "stray-text", "cell-count", "unreadable-entry", "unrendered-link", "malformed-url", "empty-link",
        "field-order", "field-separator", "date-comment", "link-label", "trailing-space",
    ]
}
