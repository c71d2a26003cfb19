/// Corrects the places where cmark-gfm reports inline columns that do not match the raw lines, so
/// that every node's byte range covers exactly its own bytes:
///
/// - A paragraph's inlines are positioned in its content: its lines joined, each without the
///   container prefix (`>`, list indentation) and the spaces before its text. cmark-gfm counts
///   a column on a later line from the paragraph's first column, whatever the prefix of that line
///   (`Tao. [[P]](v)` lazily under `* [T](u).` is reported two columns to the right, a line
///   indented more than the paragraph to the left), and after a `\` hard line break it does not
///   start a new line at all: the next line's nodes are reported on the line of the break, at
///   columns past its end, and every later line one line too early.
/// - A table row's cells are positioned from the table's first column, though cmark-gfm reads
///   each row from its own first byte after the container prefix and spaces: a row indented
///   more than the header, or a quoted row with a different prefix, is off by the difference.
/// - In a table cell, cmark-gfm unescapes `\|` before parsing inlines, so every escaped pipe
///   before a node moves it one column to the left.
///
/// Other block positions are right and are left alone.
struct SourcePositionCorrector {
    typealias Record = MarkdownTree.Record

    let source: SourceText

    func correct(_ records: inout [Record]) {
        // The subtree ends of the block quotes around the record at `index`, innermost last.
        var quoteEnds: [Int] = []
        var index = 0
        while index < records.count {
            while let last = quoteEnds.last, last <= index { quoteEnds.removeLast() }
            let record = records[index]
            let end = Int(record.subtreeEnd)
            switch record.kind {
            case .blockQuote:
                quoteEnds.append(end)
                index += 1
            case .paragraph, .heading:
                if record.endLine > record.startLine {
                    correctParagraph(&records, at: index, quotes: quoteEnds.count)
                }
                index = end
            case .table:
                correctTable(&records, at: index, quotes: quoteEnds.count)
                index = end
            default:
                index += 1
            }
        }
    }

    /// The offset where a line's text starts: after its spaces and tabs and the `>` markers of
    /// the `quotes` block quotes around it, each with the spaces after it. A line of a table or a
    /// paragraph never starts with `>` of its own, since that would open a block quote.
    private func textStart(line: Int, quotes: Int) -> Int {
        let range = source.lineRange(line)
        let bytes = source.bytes
        var offset = range.lowerBound
        func skipBlanks() {
            while offset < range.upperBound, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") {
                offset += 1
            }
        }
        skipBlanks()
        var remaining = quotes
        while remaining > 0, offset < range.upperBound, bytes[offset] == UInt8(ascii: ">") {
            offset += 1
            remaining -= 1
            skipBlanks()
        }
        return offset
    }

    // MARK: Paragraphs

    /// A paragraph's content as cmark-gfm reads it: where each line's text starts in the file,
    /// and where it starts in the content (the lines joined, each with its line ending).
    private struct Content {
        let firstLine: Int
        let firstColumn: Int
        var fileStarts: [Int] = []
        /// One more than there are lines: the last is the content's length.
        var contentStarts: [Int] = [0]

        /// The file's (line, column) of content offset `offset`.
        func place(ofContentOffset offset: Int, in source: SourceText) -> (line: Int32, column: Int32)? {
            guard offset >= 0, offset < contentStarts[contentStarts.count - 1] else { return nil }
            var low = 0
            var high = fileStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if contentStarts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            let line = firstLine + low
            let byte = fileStarts[low] + offset - contentStarts[low]
            return (Int32(line), Int32(byte - source.lineStarts[line - 1] + 1))
        }
    }

    private func correctParagraph(_ records: inout [Record], at index: Int, quotes: Int) {
        let paragraph = records[index]
        let firstLine = Int(paragraph.startLine)
        let lastLine = min(Int(paragraph.endLine), source.lineCount)
        guard firstLine >= 1, firstLine <= lastLine, paragraph.startColumn > 0 else { return }
        // Link reference definitions that open the paragraph (`[//]: # (note)`) are taken out of
        // its content, but its lines are still counted from the paragraph's first line.
        var contentLine = firstLine
        while contentLine < lastLine, isReferenceDefinition(line: contentLine, quotes: quotes) { contentLine += 1 }
        var content = Content(firstLine: contentLine, firstColumn: Int(paragraph.startColumn))
        for line in contentLine...lastLine {
            let start =
                line == firstLine
                ? source.lineStarts[line - 1] + content.firstColumn - 1 : textStart(line: line, quotes: quotes)
            let end = line < source.lineCount ? source.lineStarts[line] : source.bytes.count
            content.fileStarts.append(start)
            content.contentStarts.append(content.contentStarts[content.contentStarts.count - 1] + max(0, end - start))
        }
        // cmark-gfm's line counter misses every `\` line break; `hidden` is how many it had
        // missed when it last counted a line, which its columns are measured from.
        var hidden = 0
        var breaks = 0
        var countedLine = firstLine
        // Line breaks not yet followed by a positioned node: the first may be a soft break or a
        // hard break of two spaces, which cmark-gfm counts, or a `\` break; every one after it
        // stands on a line of its own and so is a `\` break.
        var pendingBreaks = 0
        var pendingStartsSoft = false
        // Nodes whose end waits for their descendants, which can move the line counter.
        var open: [(position: Int, startLine: Int32)] = []

        /// Maps the end of the node at `position`, which cmark-gfm reported starting on `startLine`.
        func mapEnd(_ position: Int, startLine: Int32) {
            let record = records[position]
            guard record.endLine > 0, record.endColumn > 0 else { return }
            let line = Int(record.endLine)
            let missed = line > countedLine ? breaks : hidden
            // A code span or raw HTML running over lines has its end column counted from its last
            // line's first byte, without the paragraph's first column.
            let spansLines = record.endLine > startLine && (record.kind == .code || record.kind == .htmlInline)
            let within = spansLines ? Int(record.endColumn) - 1 : Int(record.endColumn) - content.firstColumn
            let lineIndex = line - firstLine + missed
            guard lineIndex >= 0, lineIndex < content.fileStarts.count,
                let place = content.place(ofContentOffset: content.contentStarts[lineIndex] + within, in: source)
            else { return }
            records[position].endLine = place.line
            records[position].endColumn = place.column
        }

        let end = Int(paragraph.subtreeEnd)
        for position in (index + 1)..<end {
            while let last = open.last, Int(records[last.position].subtreeEnd) <= position {
                mapEnd(last.position, startLine: last.startLine)
                open.removeLast()
            }
            let record = records[position]
            if record.kind == .softbreak || record.kind == .linebreak {
                if pendingBreaks == 0 { pendingStartsSoft = record.kind == .softbreak }
                pendingBreaks += 1
                continue
            }
            guard record.startLine > 0, record.startColumn > 0 else { continue }
            let line = Int(record.startLine)
            if pendingBreaks > 0 {
                if pendingStartsSoft || line > countedLine {
                    hidden = breaks
                    breaks += pendingBreaks - 1
                } else {
                    breaks += pendingBreaks
                }
                pendingBreaks = 0
            } else if line > countedLine {
                hidden = breaks
            }
            countedLine = max(countedLine, line)
            let lineIndex = line - firstLine + hidden
            if lineIndex >= 0, lineIndex < content.fileStarts.count,
                let place = content.place(
                    ofContentOffset: content.contentStarts[lineIndex] + Int(record.startColumn) - content.firstColumn,
                    in: source)
            {
                records[position].startLine = place.line
                records[position].startColumn = place.column
            }
            if Int(record.subtreeEnd) > position + 1 {
                open.append((position, record.startLine))
            } else {
                mapEnd(position, startLine: record.startLine)
            }
        }
        while let last = open.popLast() { mapEnd(last.position, startLine: last.startLine) }
    }

    /// Whether a line is a whole link reference definition, `[label]: destination` and an
    /// optional title, as cmark-gfm takes out of a paragraph's content.
    private func isReferenceDefinition(line: Int, quotes: Int) -> Bool {
        let bytes = source.bytes
        let end = source.lineRange(line).upperBound
        var offset = textStart(line: line, quotes: quotes)
        guard offset < end, bytes[offset] == UInt8(ascii: "[") else { return false }
        offset += 1
        let labelStart = offset
        while offset < end, bytes[offset] != UInt8(ascii: "]") {
            if bytes[offset] == UInt8(ascii: "[") { return false }
            offset += bytes[offset] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard offset > labelStart, offset + 1 < end, bytes[offset + 1] == UInt8(ascii: ":") else { return false }
        offset += 2
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while offset < end, isBlank(bytes[offset]) { offset += 1 }
        guard offset < end else { return false }
        while offset < end, !isBlank(bytes[offset]) { offset += 1 }
        while offset < end, isBlank(bytes[offset]) { offset += 1 }
        guard offset < end else { return true }
        // A title: quoted, or in parentheses, up to the line's end.
        var last = end - 1
        while last > offset, isBlank(bytes[last]) { last -= 1 }
        switch (bytes[offset], bytes[last]) {
        case (UInt8(ascii: "\""), UInt8(ascii: "\"")), (UInt8(ascii: "'"), UInt8(ascii: "'")),
            (UInt8(ascii: "("), UInt8(ascii: ")")):
            return last > offset
        default:
            return false
        }
    }

    // MARK: Tables

    private func correctTable(_ records: inout [Record], at index: Int, quotes: Int) {
        let table = records[index]
        let end = Int(table.subtreeEnd)
        var position = index + 1
        while position < end {
            let row = records[position]
            let rowEnd = Int(row.subtreeEnd)
            defer { position = rowEnd }
            let line = Int(row.startLine)
            guard row.kind == .tableRow || row.kind == .tableHeader, line >= 1, line <= source.lineCount else {
                continue
            }
            let lineStart = source.lineStarts[line - 1]
            let delta = Int32(textStart(line: line, quotes: quotes) - lineStart + 1) - table.startColumn
            if delta != 0 {
                for inner in position..<rowEnd where records[inner].startColumn > 0 {
                    records[inner].startColumn += delta
                    records[inner].endColumn += delta
                }
            }
            // cmark-gfm gives a row the end column the table had so far; the row is its line.
            records[position].endLine = row.startLine
            records[position].endColumn = Int32(max(source.lineRange(line).count, 1))
            guard hasEscapedPipe(line: line) else { continue }
            var cell = position + 1
            while cell < rowEnd {
                let cellEnd = Int(records[cell].subtreeEnd)
                if records[cell].kind == .tableCell, records[cell].startColumn > 0 {
                    let cellStart = Int(records[cell].startColumn)
                    for inline in (cell + 1)..<cellEnd {
                        unescapePipes(&records[inline], cellStart: cellStart)
                    }
                }
                cell = cellEnd
            }
        }
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

    private func unescapePipes(_ record: inout Record, cellStart: Int) {
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
