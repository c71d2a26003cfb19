/// One node of the GitHub-flavoured markdown tree, as cmark-gfm parsed it, with its source span.
///
/// A node is a view into a `MarkdownTree`: copying it copies one reference and an index, so rules
/// can pass nodes around freely. Lines are 1-based; columns are 1-based byte columns within the
/// line, both ends inclusive, as cmark-gfm reports them (corrected where it is wrong, see
/// `SourcePositionCorrector`). `Document.range(of:)` turns them into byte offsets.
public struct MarkdownNode: Sendable {
    public enum Kind: String, Sendable {
        case document, blockQuote = "block_quote", list, item, codeBlock = "code_block"
        case htmlBlock = "html_block", customBlock = "custom_block", paragraph, heading
        case thematicBreak = "thematic_break", footnoteDefinition = "footnote_definition"
        case text, softbreak, linebreak, code, htmlInline = "html_inline"
        case customInline = "custom_inline", emph, strong, link, image
        case footnoteReference = "footnote_reference"
        case table, tableHeader = "table_header", tableRow = "table_row", tableCell = "table_cell"
        case strikethrough
        case other
    }

    let tree: MarkdownTree
    let index: Int

    private var record: MarkdownTree.Record { tree.records[index] }

    public var kind: Kind { record.kind }
    public var startLine: Int { Int(record.startLine) }
    public var startColumn: Int { Int(record.startColumn) }
    public var endLine: Int { Int(record.endLine) }
    public var endColumn: Int { Int(record.endColumn) }
    /// Heading level, 0 for other nodes.
    public var level: Int { Int(record.level) }

    /// Text of text, code and HTML nodes.
    public var literal: String? { tree.string(record.literal) }

    /// Destination of links and images.
    public var url: String? { tree.string(record.url) }

    /// The child nodes, in order.
    public var children: [MarkdownNode] {
        // Counted first, so that the array is allocated once instead of grown a few times.
        var count = 0
        var child = record.firstChild
        while child >= 0 {
            count += 1
            child = tree.records[Int(child)].nextSibling
        }
        var result: [MarkdownNode] = []
        result.reserveCapacity(count)
        child = record.firstChild
        while child >= 0 {
            result.append(MarkdownNode(tree: tree, index: Int(child)))
            child = tree.records[Int(child)].nextSibling
        }
        return result
    }

    /// The first child, without building the list of all of them.
    public var firstChild: MarkdownNode? {
        record.firstChild >= 0 ? MarkdownNode(tree: tree, index: Int(record.firstChild)) : nil
    }

    /// The next node with the same parent.
    public var nextSibling: MarkdownNode? {
        record.nextSibling >= 0 ? MarkdownNode(tree: tree, index: Int(record.nextSibling)) : nil
    }

    /// Whether the literal is missing, empty or all whitespace (as `Character.isWhitespace` says),
    /// read from the tree's bytes without making a string when they are ASCII.
    public var literalIsBlank: Bool {
        guard let range = record.literal else { return true }
        let bytes = tree.pool[range]
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.allSatisfy { $0 == UInt8(ascii: " ") || (0x09...0x0D).contains($0) }
        }
        return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// The concatenated text of this node's descendants, as a reader sees it: their texts and
    /// code in document order (the order the records are stored in), a space for a line break.
    public var plainText: String {
        var bytes: [UInt8] = []
        for position in index..<tree.subtreeEnd(of: index) {
            let record = tree.records[position]
            switch record.kind {
            case .text, .code:
                if let literal = record.literal { bytes += tree.pool[literal] }
            case .softbreak, .linebreak:
                bytes.append(UInt8(ascii: " "))
            default:
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every descendant of one of `kinds` (this node first), depth first. The other records are
    /// passed over without making a node of each: rules that walk a whole list for its links
    /// would otherwise make one per word of text.
    public func forEach(ofKinds kinds: [Kind], _ body: (MarkdownNode) -> Void) {
        let end = tree.subtreeEnd(of: index)
        tree.records.withUnsafeBufferPointer { records in
            for position in index..<end where kinds.contains(records[position].kind) {
                body(MarkdownNode(tree: tree, index: position))
            }
        }
    }

    /// Every descendant (this node first), depth first.
    public func forEach(_ body: (MarkdownNode) -> Void) {
        // Records are stored in document order, and a node's descendants follow it contiguously.
        for position in index..<tree.subtreeEnd(of: index) {
            body(MarkdownNode(tree: tree, index: position))
        }
    }
}

/// The nodes of one parsed document in document order, with their texts in one byte pool, so a
/// whole file's tree is two allocations instead of one per node.
final class MarkdownTree: Sendable {
    /// One node. The texts' ranges in the pool are kept as 32-bit start and length (a length of
    /// -1 for none), which makes a record 48 bytes instead of 80: a file of 100,000 short rows
    /// is 1.2 million records, held beside cmark-gfm's own tree while it is copied.
    struct Record: Sendable, Equatable {
        var kind: MarkdownNode.Kind
        var level: Int8
        var startLine: Int32
        var startColumn: Int32
        var endLine: Int32
        var endColumn: Int32
        private var literalStart: Int32
        private var literalLength: Int32
        private var urlStart: Int32
        private var urlLength: Int32
        var firstChild: Int32
        var nextSibling: Int32
        /// The index after this node's last descendant.
        var subtreeEnd: Int32

        init(
            kind: MarkdownNode.Kind, level: Int8, startLine: Int32, startColumn: Int32, endLine: Int32,
            endColumn: Int32, literal: Range<Int>?, url: Range<Int>?, firstChild: Int32, nextSibling: Int32,
            subtreeEnd: Int32
        ) {
            self.kind = kind
            self.level = level
            self.startLine = startLine
            self.startColumn = startColumn
            self.endLine = endLine
            self.endColumn = endColumn
            literalStart = Int32(literal?.lowerBound ?? 0)
            literalLength = literal.map { Int32($0.count) } ?? -1
            urlStart = Int32(url?.lowerBound ?? 0)
            urlLength = url.map { Int32($0.count) } ?? -1
            self.firstChild = firstChild
            self.nextSibling = nextSibling
            self.subtreeEnd = subtreeEnd
        }

        var literal: Range<Int>? {
            literalLength < 0 ? nil : Int(literalStart)..<(Int(literalStart) + Int(literalLength))
        }

        var url: Range<Int>? { urlLength < 0 ? nil : Int(urlStart)..<(Int(urlStart) + Int(urlLength)) }
    }

    let records: [Record]
    let pool: [UInt8]

    init(records: [Record], pool: [UInt8]) {
        self.records = records
        self.pool = pool
    }

    func string(_ range: Range<Int>?) -> String? {
        range.map { String(decoding: pool[$0], as: UTF8.self) }
    }

    func subtreeEnd(of index: Int) -> Int { Int(records[index].subtreeEnd) }

    var root: MarkdownNode { MarkdownNode(tree: self, index: 0) }
}
