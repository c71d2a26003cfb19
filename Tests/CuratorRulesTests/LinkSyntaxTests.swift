import CuratorCore
import CuratorRules
import Testing

/// Shapes of link syntax that the rules' own examples leave out but that the link rules' shortcuts
/// must get right: where the shared scan makes strings only on demand, where it tests eight bytes
/// at a time, and where malformed-url and empty-link read less than the whole link.
struct LinkSyntaxTests {
    /// The rule's findings in `example` against the places its markers name, and the findings.
    private func run(
        _ id: String, _ example: Example
    ) throws -> (found: [CuratorCore.SourceLocation], outcome: ExampleRunner.Outcome) {
        let rule = try #require(BuiltInRules.rule(id: id)).init()
        let outcome = try ExampleRunner.run(rule, on: example)
        let found = outcome.findings.map {
            CuratorCore.SourceLocation(file: $0.location.file, line: $0.location.line, column: $0.location.column)
        }
        return (found, outcome)
    }

    /// A rendered link takes its destination off the line's list before a later `](` on the line
    /// can match it: the list is made late, so the rendered link's match must be replayed first.
    @Test func renderedLinkOnTheLineMatchesItsDestinationFirst() throws {
        let example = Example(
            """
            * [a](https://a.org/x) b↓](https://a.org/x)

            * [a](https://a.org/x) [b](https://a.org/x) c↓](https://a.org/x)

            * item [A](https://a.org/x)
            lazy [B](https://b.org/y) ↓[C] (https://c.org) [B](https://b.org/y)

            """, path: "hardware.md")
        let (found, outcome) = try run("unrendered-link", example)
        #expect(found == outcome.expected)
    }

    /// `]` at every offset modulo the eight bytes tested at once, and one in the bytes after the
    /// last whole eight, in a file without a final newline.
    @Test func bracketsAtEveryAlignmentAreFound() throws {
        var markdown = ""
        for padding in 0...16 {
            markdown += String(repeating: "x", count: padding) + "↓[P] (https://e.org)\n"
        }
        markdown += String(repeating: "x", count: 19) + "↓[P](https://e.org"
        let (found, outcome) = try run("unrendered-link", Example(markdown, path: "hardware.md"))
        #expect(outcome.expected.count == 18)
        #expect(found == outcome.expected)
    }

    /// A link with a title or an angle-bracketed destination is reported where its URL starts,
    /// without a fix because its bytes are not the URL; a reference link has no inline destination
    /// and is not reported.
    @Test func malformedURLsWrittenOtherThanBare() throws {
        let example = Example(
            """
            [a](↓arxiv.org/abs/1 "t") [b][r] [c](<↓arxiv.org/abs/2>)

            [r]: arxiv.org/abs/3

            """, path: "hardware.md")
        let (found, outcome) = try run("malformed-url", example)
        #expect(found == outcome.expected)
        #expect(outcome.findings.allSatisfy { $0.fix == nil })
    }

    /// Blank text does not count as a label, an image alone makes a badge, and a backslash before
    /// a space (not an escape) is a label.
    @Test func emptyLinksAmongBlankTextAndBadges() throws {
        let example = Example(
            """
            ↓[ ](https://x.org/a) [![i](https://x.org/i.png) ]() ↓[ ![i](https://x.org/i.png) x]() [\\ ](https://x.org/b)

            """, path: "hardware.md")
        let (found, outcome) = try run("empty-link", example)
        #expect(found == outcome.expected)
    }
}
