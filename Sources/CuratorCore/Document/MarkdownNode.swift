/// One node of the GitHub-flavoured markdown tree, as cmark-gfm parsed it, with its source span.
///
/// Lines are 1-based; columns are 1-based byte columns within the line, both ends inclusive, as
/// cmark-gfm reports them. `SourceText` turns them into byte offsets.
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

    public var kind: Kind
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int
    /// Text of text, code and HTML nodes.
    public var literal: String?
    /// Destination of links and images.
    public var url: String?
    /// Level of headings.
    public var level: Int
    public var children: [MarkdownNode]

    /// The concatenated text of this node's descendants, as a reader sees it.
    public var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        return result
    }

    private func appendPlainText(to result: inout String) {
        switch kind {
        case .text, .code: result += literal ?? ""
        case .softbreak, .linebreak: result += " "
        default: for child in children { child.appendPlainText(to: &result) }
        }
    }

    /// Every descendant (this node first), depth first.
    public func forEach(_ body: (MarkdownNode) -> Void) {
        body(self)
        for child in children { child.forEach(body) }
    }
}
