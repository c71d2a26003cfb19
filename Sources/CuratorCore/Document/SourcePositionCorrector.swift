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

    func correct(_ records: inout [MarkdownTree.Record]) {
        // Every cell of a row asks about the same line; the answer for the last line asked is
        // kept, so a wide row is scanned once instead of once per cell.
        var pipeLine = -1
        var pipeLineHasEscape = false
        func hasEscapedPipe(line: Int) -> Bool {
            if line != pipeLine {
                pipeLine = line
                pipeLineHasEscape = self.hasEscapedPipe(line: line)
            }
            return pipeLineHasEscape
        }
        var index = 0
        while index < records.count {
            let record = records[index]
            let end = Int(record.subtreeEnd)
            switch record.kind {
            case .paragraph where record.endLine > record.startLine:
                for inline in (index + 1)..<end {
                    shiftContinuationLine(
                        &records[inline], firstLine: Int(record.startLine), indent: Int(record.startColumn) - 1)
                }
                index = end
            case .tableCell where hasEscapedPipe(line: Int(record.startLine)):
                for inline in (index + 1)..<end {
                    unescapePipes(&records[inline], cellStart: Int(record.startColumn))
                }
                index = end
            default:
                index += 1
            }
        }
    }

    private func shiftContinuationLine(_ record: inout MarkdownTree.Record, firstLine: Int, indent: Int) {
        func fixed(_ line: Int32, _ column: Int32) -> Int32 {
            guard Int(line) > firstLine, Int(line) <= source.lineCount, column > 0 else { return column }
            let range = source.lineRange(Int(line))
            var leading = 0
            while leading < indent, range.lowerBound + leading < range.upperBound,
                source.bytes[range.lowerBound + leading] == UInt8(ascii: " ")
            {
                leading += 1
            }
            return column - Int32(indent) + Int32(leading)
        }
        record.startColumn = fixed(record.startLine, record.startColumn)
        record.endColumn = fixed(record.endLine, record.endColumn)
    }

    private func hasEscapedPipe(line: Int) -> Bool {
        guard line >= 1, line <= source.lineCount else { return false }
        let range = source.lineRange(line)
        var offset = range.lowerBound
        while offset + 1 < range.upperBound {
            if source.bytes[offset] == UInt8(ascii: "\\"), source.bytes[offset + 1] == UInt8(ascii: "|") { return true }
            offset += 1
        }
        return false
    }

    private func unescapePipes(_ record: inout MarkdownTree.Record, cellStart: Int) {
        guard record.startLine == record.endLine, Int(record.startLine) <= source.lineCount, record.startColumn > 0
        else { return }
        let line = source.lineRange(Int(record.startLine))
        record.startColumn = Int32(rawColumn(Int(record.startColumn), line: line, from: cellStart))
        record.endColumn = Int32(rawColumn(Int(record.endColumn), line: line, from: cellStart))
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
