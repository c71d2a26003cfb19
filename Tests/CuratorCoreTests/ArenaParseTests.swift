import CuratorTestSupport
import Foundation
import Testing

@testable import CuratorCore

/// cmark-gfm allocating from the thread's arena gives the tree it gives with `malloc`, file after
/// file on one thread: the arena hands freed blocks out again, so a block given out twice, or a
/// size class mixed up, would show as a node or a text that differs.
struct ArenaParseTests {
    /// Documents that make cmark-gfm free and reallocate a lot: wide table rows with escaped
    /// pipes and entities (each row's cells are copied and unescaped, then freed), long
    /// paragraphs that outgrow their buffers, nested lists, code blocks and autolinks.
    static let texts: [String] = {
        var table = "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
        for row in 0..<300 {
            table +=
                "|[![Star](https://img.shields.io/github/stars/o/r\(row).svg)](https://github.com/o/r\(row)) "
                + "[Title \(row) \\| with a pipe &amp; an entity](https://arxiv.org/abs/2401.\(10000 + row)) <br> "
                + String(repeating: "Author \(row), ", count: row % 17) + "Last |"
                + "<img width=\"1002\" src=\"figures/f\(row).png\"> | [Paper](https://arxiv.org/pdf/2401.\(row)) "
                + "~~old~~ www.example.com/\(row) |\n"
        }
        let paragraph = (0..<400).map { "word\($0) *em* `code` [l](u\($0))" }.joined(separator: " ")
        var lists = ""
        for depth in 0..<40 {
            lists += String(repeating: "  ", count: depth % 6) + "- item \(depth) https://example.org/\(depth)\n"
        }
        let code = "```swift\n" + String(repeating: "let x = 1 | 2\n", count: 500) + "```\n"
        return [table, paragraph + "\n", lists, code, table + "\n" + paragraph + "\n\n" + lists + code]
    }()

    static func tree(_ text: [UInt8], arena: Bool) throws -> MarkdownTree {
        let source = try SourceText(path: "list.md", bytes: text)
        return try GFMParser.parse(text, correcting: source, arena: arena)
    }

    static func expectSameTrees(_ documents: [[UInt8]]) throws {
        // Twice through, so that the second round parses into an arena full of freed blocks.
        for round in 0..<2 {
            for (index, bytes) in documents.enumerated() {
                let fromArena = try tree(bytes, arena: true)
                let fromMalloc = try tree(bytes, arena: false)
                #expect(fromArena.records.count > 1)
                #expect(fromArena.records == fromMalloc.records, "document \(index), round \(round)")
                #expect(fromArena.pool == fromMalloc.pool, "document \(index), round \(round)")
            }
        }
    }

    @Test func arenaAndMallocGiveTheSameTrees() throws {
        try Self.expectSameTrees(Self.texts.map { Array($0.utf8) })
    }

    @Test(.enabled(if: Corpus.shouldRun, Comment(rawValue: Corpus.skipNote)))
    func arenaAndMallocGiveTheSameTreesOnTheList() throws {
        try #require(Corpus.isAvailable, "CI=true but ../shared/corpus is missing")
        let files = Corpus.markdownFiles()
        #expect(files.count == 17)
        try Self.expectSameTrees(
            files.map { [UInt8](try Data(contentsOf: Corpus.listDirectory.appendingPathComponent($0))) })
    }
}
