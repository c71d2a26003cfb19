import CuratorCore
import Foundation
import Testing

@testable import CuratorRules

/// A fix replaces the bytes its rule read in the tree, or is not offered: where the file spells a
/// URL otherwise than cmark-gfm reports it (an entity, an escape), the bytes the rule measured
/// are not the file's.
struct FixPlacementTests {
    static func fixes(of rule: any Rule, in text: String) throws -> [Fix?] {
        let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
        let workspace = try Workspace(
            files: [("pruning.md", text)], ruleset: ruleset, root: URL(fileURLWithPath: "/nonexistent-list-root"))
        return rule.check(LintContext(workspace: workspace)).map(\.fix)
    }

    static let header = "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"

    @Test func aURLWrittenWithAnEntityGetsNoFix() throws {
        let row =
            "|[T](https://arxiv.org/pdf/2401.00001?a=1&amp;b=2) <br> A | |[Paper](https://arxiv.org/abs/2401.00001)|\n"
        let fixes = try Self.fixes(of: ArxivLinkRule(), in: Self.header + row)
        #expect(fixes.count == 1)
        #expect(fixes.allSatisfy { $0 == nil })
    }

    @Test func aURLWrittenAsTheTreeHasItIsFixedInPlace() throws {
        let row = "  |[T](https://arxiv.org/pdf/2401.00001) <br> A | |[Paper](https://arxiv.org/abs/2401.00001)|\n"
        let text = Self.header + row
        let fixes = try Self.fixes(of: ArxivLinkRule(), in: text)
        let edit = try #require(fixes.first??.edits.first)
        #expect(String(decoding: Array(text.utf8)[edit.range], as: UTF8.self) == "https://arxiv.org/pdf/2401.00001")
        #expect(edit.expected == "https://arxiv.org/pdf/2401.00001")
    }
}
