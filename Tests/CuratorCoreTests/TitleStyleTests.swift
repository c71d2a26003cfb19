import CuratorCore
import Foundation
import Testing

/// The shapes of titles that other lists write: plain text before `<br>`, bold, and numbered
/// items; each is read with its authors, links and arXiv id.
struct TitleStyleTests {
    static func entries(_ markdown: String, config: String) throws -> [Entry] {
        let ruleset = try CompiledRuleset(RulesetLoader.layered(over: "awesome-list", config, path: "test.yml"))
        let workspace = try Workspace(
            files: [(relativePath: "README.md", text: markdown)], ruleset: ruleset,
            root: URL(fileURLWithPath: "/nonexistent-list-root"))
        return workspace.catalog.entries
    }

    @Test func aPlainTextTitleBeforeABreakIsTheTitleAndItsLabelsAreLinks() throws {
        let markdown = """
            | Paper | Venue |
            |:--|:--:|
            | [![Star](https://img.shields.io/github/stars/example/one.svg)](https://github.com/example/one) A First Example Title <br> Ada One, Bo Two <br> [[Paper]](https://arxiv.org/abs/2401.00041) [[Code]](https://github.com/example/one) | ICML |

            """
        let entries = try Self.entries(
            markdown,
            config: """
                formats: [{id: text-row, kind: table-row, header: Paper, columns: [paper, ignored], fields: [badges, title, authors, links], title-style: text}]
                links: {Paper: paper, Code: code}
                badges: {star: {match: '^https?://img\\.shields\\.io/github/stars/'}}
                """)
        let entry = try #require(entries.first)
        #expect(entry.title?.text == "A First Example Title")
        #expect(entry.authors?.text == "Ada One, Bo Two")
        #expect(entry.links.map(\.label) == ["Paper", "Code"])
        #expect(entry.arxivID?.base == "2401.00041")
        #expect(entry.badges.count == 1)
    }

    @Test func aBoldTitleAndNumberedItemsAreRead() throws {
        let markdown = """
            1. **A Bold Example Title**  
               *Ada One*. [[pdf](https://arxiv.org/pdf/2401.00051.pdf)]
            2. **Another Bold Example Title**  
               *Bo Two*. [[pdf](https://arxiv.org/pdf/2401.00052.pdf)]

            - **Not an entry of the numbered format** [[pdf](https://arxiv.org/pdf/2401.00053.pdf)]

            """
        let entries = try Self.entries(
            markdown,
            config: """
                formats: [{id: numbered, kind: bullet, files: ["*.md"], marker: "1.", fields: [title, authors, links], title-style: bold}]
                links: {pdf: paper}
                """)
        #expect(entries.map { $0.title?.text } == ["A Bold Example Title", "Another Bold Example Title"])
        #expect(entries.map { $0.arxivID?.base } == ["2401.00051", "2401.00052"])
    }
}
