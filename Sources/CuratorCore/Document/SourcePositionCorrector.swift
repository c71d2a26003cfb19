/// Corrects two places where cmark-gfm reports inline columns that do not match the raw line, so
/// that every node's byte range covers exactly its own bytes:
///
/// - on a continuation line of a list item's paragraph, cmark-gfm adds the item's content indent
///   even when the line is lazy and has fewer leading spaces (`Tao. [[P]](v)` under `* [T](u).`
///   is reported two columns to the right);
/// - in a table cell, cmark-gfm unescapes `\|` before parsing inlines, so every escaped pipe
///   before a node moves it one column to the left.
///
/// Block positions are right and are left alone.
struct SourcePositionCorrector {
    let source: SourceText

    func correct(_ node: MarkdownNode) -> MarkdownNode {
        var node = node
        switch node.kind {
        case .paragraph where node.endLine > node.startLine:
            let indent = node.startColumn - 1
            node.children = node.children.map { shiftContinuationLines($0, firstLine: node.startLine, indent: indent) }
        case .tableCell:
            let cellStart = node.startColumn
            node.children = node.children.map { unescapePipes($0, cellStart: cellStart) }
        default:
            node.children = node.children.map(correct)
        }
        return node
    }

    private func shiftContinuationLines(_ node: MarkdownNode, firstLine: Int, indent: Int) -> MarkdownNode {
        var node = node
        func fixed(_ line: Int, _ column: Int) -> Int {
            guard line > firstLine, line <= source.lineCount, column > 0 else { return column }
            let range = source.lineRange(line)
            var leading = 0
            while leading < indent, range.lowerBound + leading < range.upperBound,
                source.bytes[range.lowerBound + leading] == UInt8(ascii: " ")
            {
                leading += 1
            }
            return column - indent + leading
        }
        node.startColumn = fixed(node.startLine, node.startColumn)
        node.endColumn = fixed(node.endLine, node.endColumn)
        node.children = node.children.map { shiftContinuationLines($0, firstLine: firstLine, indent: indent) }
        return node
    }

    private func unescapePipes(_ node: MarkdownNode, cellStart: Int) -> MarkdownNode {
        var node = node
        if node.startLine == node.endLine, node.startLine <= source.lineCount, node.startColumn > 0 {
            let line = source.lineRange(node.startLine)
            node.startColumn = rawColumn(node.startColumn, line: line, from: cellStart)
            node.endColumn = rawColumn(node.endColumn, line: line, from: cellStart)
        }
        node.children = node.children.map { unescapePipes($0, cellStart: cellStart) }
        return node
    }

    /// The raw column of a column cmark-gfm counted on the line with each `\|` as one byte.
    private func rawColumn(_ reported: Int, line: Range<Int>, from cellStart: Int) -> Int {
        var raw = cellStart
        var counted = cellStart
        while counted < reported {
            let offset = line.lowerBound + raw - 1
            guard offset + 1 < line.upperBound else { return raw + (reported - counted) }
            if source.bytes[offset] == UInt8(ascii: "\\"), source.bytes[offset + 1] == UInt8(ascii: "|") {
                raw += 2
            } else {
                raw += 1
            }
            counted += 1
        }
        return raw
    }
}
