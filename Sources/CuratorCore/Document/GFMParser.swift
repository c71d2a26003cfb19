internal import CCmark
import CuratorSync
import Foundation

/// Parses GitHub-flavoured markdown with cmark-gfm, GitHub's own renderer, so that what the linter
/// believes a row or a link to be is what GitHub shows.
enum GFMParser {
    /// The table, autolink and strikethrough extensions GitHub enables for markdown files.
    private static let extensionNames = ["table", "autolink", "strikethrough"]

    /// cmark-gfm's type names, looked up once instead of compared as strings for every node.
    private static let kindsByName: [String: MarkdownNode.Kind] = {
        var kinds: [String: MarkdownNode.Kind] = [:]
        for kind in [
            MarkdownNode.Kind.document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph,
            .heading, .thematicBreak, .footnoteDefinition, .text, .softbreak, .linebreak, .code, .htmlInline,
            .customInline, .emph, .strong, .link, .image, .footnoteReference, .table, .tableHeader, .tableRow,
            .tableCell, .strikethrough,
        ] {
            kinds[kind.rawValue] = kind
        }
        return kinds
    }()

    /// Registers cmark-gfm's extensions exactly once per process. cmark-gfm's own "ensure
    /// registered" checks and sets a plain static flag, so two files parsed at the same moment on
    /// two cores could both register the extensions, corrupting the registry (seen as an
    /// assertion failure in cmark's block parser about once in several hundred runs). A Swift
    /// static is initialised once, under a lock, whatever the number of threads asking.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Held while cmark-gfm reads a document's inlines, which one parse at a time may do.
    ///
    /// Why: cmark-gfm 0.29 keeps the characters its inline extensions react to (`:` and `w` for
    /// autolinks, `~` for strikethrough) in process-wide tables. `cmark_parser_finish` sets them
    /// before it reads inlines and clears them after, so a parse finishing on one core cleared
    /// them under a parse still reading on another, and that file's later autolinks and
    /// strikethroughs stayed text: findings changed from run to run (`ConcurrentParseTests`).
    /// Block parsing (`cmark_parser_feed`) reads no such table and stays on all cores; so does
    /// copying the tree and extracting entries, which overlap the other core's inlines.
    private static let inlinePhase = Mutex(())

    /// Parses `bytes` and copies cmark-gfm's tree into a `MarkdownTree`; nothing of cmark-gfm's
    /// outlives this function. A file nested deeper than `NestingLimit` allows is refused.
    static func parse(_ bytes: [UInt8], correcting source: SourceText) throws(NestingLimit.TooDeep) -> MarkdownTree {
        _ = extensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else {
            fatalError("cmark-gfm could not allocate a parser")
        }
        var root: OpaquePointer?
        defer {
            if let root { cmark_node_free(root) }
            cmark_parser_free(parser)
        }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        inlinePhase.withLock { _ in root = cmark_parser_finish(parser) }
        guard let root else {
            fatalError("cmark-gfm returned no document")
        }
        let nodeCount = try NestingLimit.check(root)
        var builder = Builder()
        builder.records.reserveCapacity(nodeCount)
        builder.pool.reserveCapacity(bytes.count)
        builder.append(root, nextSibling: -1)
        SourcePositionCorrector(source: source).correct(&builder.records)
        return MarkdownTree(records: builder.records, pool: builder.pool)
    }

    /// Copies cmark-gfm's tree into flat records in document order.
    private struct Builder {
        var records: [MarkdownTree.Record] = []
        var pool: [UInt8] = []
        /// Kinds by cmark-gfm's node type number: the core types are fixed, the extensions' are
        /// handed out when they register, so each number's name is looked up once. A number is a
        /// block or inline flag and a small count (`CMARK_NODE_TYPE_BLOCK | 1`, ...), so the
        /// kinds sit in a table indexed by the flag and the count (a dictionary's hashing, once
        /// per node, was a tenth of copying the tree); any other number goes to the dictionary.
        var kindTable = [MarkdownNode.Kind?](repeating: nil, count: 512)
        var kindCache: [UInt32: MarkdownNode.Kind] = [:]

        mutating func append(_ node: OpaquePointer, nextSibling: Int32) {
            let index = records.count
            let kind = kindOf(node)
            records.append(
                MarkdownTree.Record(
                    kind: kind,
                    level: kind == .heading ? Int8(cmark_node_get_heading_level(node)) : 0,
                    startLine: cmark_node_get_start_line(node),
                    startColumn: cmark_node_get_start_column(node),
                    endLine: cmark_node_get_end_line(node),
                    endColumn: cmark_node_get_end_column(node),
                    literal: hasLiteral(kind) ? copy(cmark_node_get_literal(node)) : nil,
                    url: kind == .link || kind == .image ? copy(cmark_node_get_url(node)) : nil,
                    firstChild: -1, nextSibling: nextSibling, subtreeEnd: 0))
            var child = cmark_node_first_child(node)
            var previous: Int32 = -1
            while let current = child {
                let childIndex = Int32(records.count)
                if previous < 0 {
                    records[index].firstChild = childIndex
                } else {
                    records[Int(previous)].nextSibling = childIndex
                }
                append(current, nextSibling: -1)
                previous = childIndex
                child = cmark_node_next(current)
            }
            records[index].subtreeEnd = Int32(records.count)
        }

        private mutating func kindOf(_ node: OpaquePointer) -> MarkdownNode.Kind {
            let type = cmark_node_get_type(node).rawValue
            let slot = type & 0x3F00 == 0 ? Int((type >> 14) & 1) << 8 | Int(type & 0xFF) : nil
            var kind: MarkdownNode.Kind
            if let slot, let known = kindTable[slot] {
                kind = known
            } else if let known = kindCache[type] {
                kind = known
            } else {
                // A row's name says whether it is the header; its number does not.
                let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
                kind = GFMParser.kindsByName[name] ?? .other
                if kind == .tableHeader { kind = .tableRow }
                if let slot { kindTable[slot] = kind } else { kindCache[type] = kind }
            }
            // One number has two names: a table's header row is a row flagged as the header.
            if kind == .tableRow, cmark_gfm_extensions_get_table_row_is_header(node) != 0 { kind = .tableHeader }
            return kind
        }

        private func hasLiteral(_ kind: MarkdownNode.Kind) -> Bool {
            switch kind {
            case .text, .code, .htmlInline, .htmlBlock, .codeBlock: true
            default: false
            }
        }

        private mutating func copy(_ text: UnsafePointer<CChar>?) -> Range<Int>? {
            guard let text else { return nil }
            let start = pool.count
            let length = strlen(text)
            text.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                pool.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
            }
            return start..<pool.count
        }
    }
}
