import CuratorCore
import Testing

/// Every link's byte range covers exactly its own text, including where cmark-gfm's own inline
/// columns are off (lazy and indented continuation lines, rows indented or quoted unlike their
/// table's header, escaped pipes in cells, lines after a `\` hard line break).
struct SourcePositionTests {
    static func links(_ text: String) throws -> [String] {
        let document = try Document(path: "x.md", bytes: Array(text.utf8))
        var found: [String] = []
        document.root.forEach { node in
            if node.kind == .link { found.append(document.source.text(document.range(of: node))) }
        }
        return found
    }

    @Test func lazyContinuationLine() throws {
        #expect(try Self.links("* [T](u). \nTao. [[P]](v)\n") == ["[T](u)", "[[P]](v)"])
    }

    @Test func indentedContinuationLine() throws {
        #expect(try Self.links("* [A](b)\n  ok [[Q]](w)\n") == ["[A](b)", "[[Q]](w)"])
    }

    @Test func escapedPipesInACell() throws {
        let table = "| a | b |\n|--|--|\n| x \\| y \\| z [L](u) | [M](v) |\n"
        #expect(try Self.links(table) == ["[L](u)", "[M](v)"])
    }

    @Test func nonASCIIBeforeALink() throws {
        #expect(try Self.links("| a |\n|--|\n| Wübben ⭐ [L](u) |\n") == ["[L](u)"])
    }

    static let header = "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
    static let row = "|[V](https://arxiv.org/pdf/2505.17941)<br> Z |x |[P](v)|"

    @Test(arguments: [" ", "  ", "   "])
    func rowIndentedMoreThanItsHeader(indent: String) throws {
        #expect(
            try Self.links(Self.header + indent + Self.row + "\n") == [
                "[V](https://arxiv.org/pdf/2505.17941)", "[P](v)",
            ])
    }

    /// A tab is one byte wherever it stands in a row (four columns of indentation make code).
    @Test func tabsInAnIndentedRow() throws {
        let row = " |\t[V](https://arxiv.org/pdf/2505.17941)\t<br>\tZ |\tx |[P](v)|\n"
        #expect(try Self.links(Self.header + row) == ["[V](https://arxiv.org/pdf/2505.17941)", "[P](v)"])
    }

    @Test func headerIndentedMoreThanItsRows() throws {
        #expect(
            try Self.links("  " + Self.header.replacingOccurrences(of: "\n|", with: "\n  |") + Self.row + "\n") == [
                "[V](https://arxiv.org/pdf/2505.17941)", "[P](v)",
            ])
    }

    @Test(arguments: ["> ", ">", ">   ", "> > ", ">\t"])
    func quotedRows(prefix: String) throws {
        let quoted = (Self.header + Self.row + "\n").split(separator: "\n").map { prefix + $0 }
        // The last row is quoted differently from the header.
        let text = quoted.joined(separator: "\n") + "\n" + prefix + " " + Self.row + "\n"
        #expect(
            try Self.links(text)
                == Array(repeating: ["[V](https://arxiv.org/pdf/2505.17941)", "[P](v)"], count: 2).flatMap { $0 })
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndings(ending: String) throws {
        let text =
            [
                "* [T](u).", "Tao. [[P]](v)", "",
                Self.header.replacingOccurrences(of: "\n", with: ending) + "  " + Self.row,
            ]
            .joined(separator: ending) + ending
        #expect(try Self.links(text) == ["[T](u)", "[[P]](v)", "[V](https://arxiv.org/pdf/2505.17941)", "[P](v)"])
    }

    @Test func continuationLineIndentedMoreThanItsParagraph() throws {
        #expect(try Self.links("foo\n    [L](u) x\n\n* a\n      [M](v)\n") == ["[L](u)", "[M](v)"])
    }

    @Test func linesAfterABackslashLineBreak() throws {
        #expect(try Self.links("> one \\\n> two [L](u) x\n>  three [M](v)\n") == ["[L](u)", "[M](v)"])
        #expect(try Self.links("p\\\n\\\nq [L](u)\n\nr  \n\\\ns [M](v)\n") == ["[L](u)", "[M](v)"])
        #expect(try Self.links("- x\n\n  > q \\\n  > [P](z)\n") == ["[P](z)"])
    }

    @Test func codeSpanOverLinesAfterABreak() throws {
        let document = try Document(path: "x.md", bytes: Array("> x \\\n> `c\n> d` [M](v)\n".utf8))
        var code = ""
        document.root.forEach { node in
            if node.kind == .code { code = document.source.text(document.range(of: node)) }
        }
        #expect(code == "c\n> d")
        #expect(try Self.links("a `code\nspan` [L](u)\nb\n") == ["[L](u)"])
    }

    @Test func paragraphAfterAReferenceDefinition() throws {
        #expect(try Self.links("[//]: # (c)\nSome [L](u)\nmore [M](v)\n") == ["[L](u)", "[M](v)"])
    }
}
