import CuratorRules
import CuratorTestSupport
import Foundation
import Testing

/// docs/rules.md is generated from the rule descriptions; a stale copy fails here.
struct RuleReferenceTests {
    @Test func referenceIsCurrent() throws {
        let url = Corpus.repositoryRoot.appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(
            committed == RuleDocumentation.reference(),
            "docs/rules.md is stale: run `swift run curator rules --reference > docs/rules.md`")
    }
}
