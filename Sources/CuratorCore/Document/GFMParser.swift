internal import CCmark

/// Parses GitHub-flavoured markdown with cmark-gfm, GitHub's own renderer, so that what the linter
/// believes a row or a link to be is what GitHub shows.
enum GFMParser {
    /// The table, autolink and strikethrough extensions GitHub enables for markdown files.
    private static let extensionNames = ["table", "autolink", "strikethrough"]

    static func parse(_ bytes: [UInt8]) -> MarkdownNode {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else {
            fatalError("cmark-gfm could not allocate a parser")
        }
        defer { cmark_parser_free(parser) }
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
        guard let root = cmark_parser_finish(parser) else {
            fatalError("cmark-gfm returned no document")
        }
        defer { cmark_node_free(root) }
        return convert(root)
    }

    private static func convert(_ node: OpaquePointer) -> MarkdownNode {
        let typeName = String(cString: cmark_node_get_type_string(node))
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current))
            child = cmark_node_next(current)
        }
        let kind = MarkdownNode.Kind(rawValue: typeName) ?? .other
        let literal: String? =
            switch kind {
            case .text, .code, .htmlInline, .htmlBlock, .codeBlock: cmark_node_get_literal(node).map { String(cString: $0) }
            default: nil
            }
        let url: String? =
            switch kind {
            case .link, .image: cmark_node_get_url(node).map { String(cString: $0) }
            default: nil
            }
        return MarkdownNode(
            kind: kind,
            startLine: Int(cmark_node_get_start_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            endColumn: Int(cmark_node_get_end_column(node)),
            literal: literal,
            url: url,
            level: kind == .heading ? Int(cmark_node_get_heading_level(node)) : 0,
            children: children
        )
    }
}
