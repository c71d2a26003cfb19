import CuratorCore
import Dispatch
import Testing

/// Files are parsed on all cores at once; each parse must give the tree a parse alone gives.
///
/// cmark-gfm 0.29 keeps the characters its inline extensions react to (`:` and `w` for autolinks,
/// `~` for strikethrough) in process-wide tables, which every parse fills when it starts reading
/// inlines and clears when it ends: a parse that ended on one core cleared them under another
/// still reading, whose later autolinks and strikethroughs then stayed plain text.
struct ConcurrentParseTests {
    /// Lists of different lengths, so that parses end while others are in the middle, full of
    /// what only the extensions turn into nodes.
    static func list(rows: Int) -> String {
        var text = "| Title & Authors | Links |\n|:--|:--:|\n"
        for row in 0..<rows {
            text +=
                "| [Paper \(row)](https://arxiv.org/abs/2401.\(10000 + row)) <br> see https://example.org/\(row) "
                + "and www.example.com/\(row) ~~old~~ | [code](https://github.com/a/b\(row)) |\n"
        }
        return text + "\nMore at https://example.net and ~~gone~~ text.\n"
    }

    /// The kinds of a document's nodes in order, as one string.
    static func shape(_ text: String) throws -> String {
        let document = try Document(path: "list.md", bytes: Array(text.utf8))
        var kinds: [String] = []
        document.root.forEach { kinds.append($0.kind.rawValue) }
        return kinds.joined(separator: " ")
    }

    @Test func parsesOnAllCoresGiveTheTreesOfParsesAlone() throws {
        let texts = [3, 40, 7, 120, 15, 60, 1, 90].map(Self.list(rows:))
        let alone = try texts.map(Self.shape)
        #expect(alone.allSatisfy { $0.contains("strikethrough") && $0.contains("link") })
        var differing = 0
        var parses = 0
        for _ in 0..<40 {
            let together = concurrentMap(texts.count * 2) { index in
                (try? Self.shape(texts[index % texts.count])) ?? ""
            }
            for (index, shape) in together.enumerated() where shape != alone[index % texts.count] {
                differing += 1
            }
            parses += together.count
        }
        #expect(differing == 0, "\(differing) of \(parses) parses on all cores differed from the parse alone")
    }
}
