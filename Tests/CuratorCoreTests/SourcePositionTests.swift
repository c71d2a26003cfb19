import CuratorCore
import Testing

/// Every link's byte range covers exactly its own text, including where cmark-gfm's own inline
/// columns are off (lazy continuation lines, escaped pipes in cells).
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
}
