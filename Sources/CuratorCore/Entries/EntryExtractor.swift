/// Reads the entries of one document as the ruleset's formats describe them.
///
/// cmark-gfm decides what is a table row, a cell, a link or a badge, exactly as GitHub renders it;
/// the raw bytes add what the tree drops (cells past the header's count, the trailing date comment)
/// and give every field its byte range.
public struct EntryExtractor {
    let ruleset: CompiledRuleset
    let document: Document
    /// The list-relative path used to match the ruleset's file patterns.
    let relativePath: String

    /// The ⭐ mark's bytes, looked for in every text of every entry.
    let starMarkBytes: [UInt8]?

    public init(ruleset: CompiledRuleset, document: Document, relativePath: String) {
        self.ruleset = ruleset
        self.document = document
        self.relativePath = relativePath
        starMarkBytes = (ruleset.ruleset.star?.mark).map { Array($0.utf8) }
    }

    /// Entries in document order; `firstIndex` numbers them within the catalog.
    public func entries(firstIndex: Int) -> [Entry] {
        var fields = self.fields(firstIndex: firstIndex)
        return Entry.moving(&fields)
    }

    /// The entries' fields in document order, before they are shared; `firstIndex` numbers them.
    public func fields(firstIndex: Int) -> [Entry.Fields] {
        var entries: [Entry.Fields] = []
        // Every entry takes a line at least, so the array never grows (each growth copied all the
        // entries read so far, a few hundred bytes each).
        entries.reserveCapacity(document.source.lineCount)
        let bulletFormats = ruleset.bulletFormats(file: relativePath)
        Self.forEachTableAndList(in: document) { block, headings in
            if block.kind == .table {
                readTable(block, headings: headings, into: &entries, firstIndex: firstIndex)
            } else if !bulletFormats.isEmpty {
                readList(block, formats: bulletFormats, headings: headings, into: &entries, firstIndex: firstIndex)
            }
        }
        return entries
    }

    /// Calls `body` with each top-level table and list of a document in order, and the headings
    /// above it. A list quoted whole (`> | ... |`) renders as the same tables and bullets inside a
    /// block quote: its blocks are read in place of the quote, in order.
    public static func forEachTableAndList(
        in document: Document, _ body: (MarkdownNode, [(level: Int, text: String)]) -> Void
    ) {
        var headings: [(level: Int, text: String)] = []
        var blocks = Array(document.root.children.reversed())
        while let block = blocks.popLast() {
            switch block.kind {
            case .blockQuote:
                blocks += block.children.reversed()
            case .heading:
                headings.removeAll { $0.level >= block.level }
                headings.append((block.level, block.plainText.trimmingSpaces))
            case .table, .list:
                body(block, headings)
            default:
                break
            }
        }
    }

    // MARK: Tables

    private func readTable(
        _ table: MarkdownNode, headings: [(level: Int, text: String)], into entries: inout [Entry.Fields],
        firstIndex: Int
    ) {
        guard let header = table.children.first, header.kind == .tableHeader,
            let firstCell = header.children.first,
            let format = ruleset.tableFormat(firstHeaderCell: firstCell.plainText),
            !Self.skips(format, headings)
        else { return }
        let columns = format.columns ?? []
        let columnCount = header.children.count
        // The section is the same for every row of a table: one array for all of them.
        let sectionPath = headings.map(\.text)
        for row in table.children.dropFirst() where row.kind == .tableRow {
            // The row starts after its container's prefix (`> ` in a quoted list).
            var lineRange = document.source.lineRange(row.startLine)
            if row.startColumn > 1 {
                let start = min(document.offset(line: row.startLine, column: row.startColumn), lineRange.upperBound)
                if document.source.bytes[lineRange.lowerBound..<start].contains(UInt8(ascii: ">")) {
                    lineRange = start..<lineRange.upperBound
                }
            }
            var entry = Entry.Fields(
                index: firstIndex + entries.count, file: document.path, formatID: format.id, kind: .tableRow,
                line: row.startLine, lastLine: row.startLine, range: lineRange,
                section: headings.last?.text, sectionPath: sectionPath)
            entry.columnCount = columnCount
            splitRawCells(lineRange, format: format, into: &entry)
            for (cell, column) in zip(row.children, columns) where cell.startColumn > 0 {
                read(
                    cell.children, as: column, format: format, cellEnd: document.range(of: cell).upperBound,
                    into: &entry)
            }
            if entry.title == nil && entry.name == nil {
                entry.unreadableReason =
                    columns.contains(.paper) ? "no title link in the first cell" : "no name in the first cell"
            }
            entry.deriveIdentities()
            entries.append(entry)
        }
    }

    /// Splits a row line on unescaped pipes, as GFM does, and sets aside a trailing date comment.
    private func splitRawCells(_ lineRange: Range<Int>, format: EntryFormat, into entry: inout Entry.Fields) {
        let bytes = document.source.bytes
        var pieces: [Range<Int>] = []
        var start = lineRange.lowerBound
        var index = lineRange.lowerBound
        while index < lineRange.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                pieces.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        pieces.append(start..<min(index, lineRange.upperBound))
        func isBlank(_ range: Range<Int>) -> Bool {
            bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }
        if let first = pieces.first, isBlank(first) { pieces.removeFirst() }
        if let last = pieces.last, isBlank(last) { pieces.removeLast() }
        // An HTML comment after the last pipe (a `curator-disable-line` switch, a maintainer's
        // note) is an extra cell GitHub drops unseen; it is no content of the row.
        // It may also sit beside the date comment, before or after it (`[//]: #06/17 <!-- ... -->`):
        // the two are told apart, so that neither reads as part of the other or as stray text.
        if let last = pieces.last, pieces.count > 1 {
            let trimmed = trim(last)
            if bytes[trimmed].starts(with: "<!--".utf8), bytes[trimmed].reversed().starts(with: "-->".utf8.reversed()) {
                entry.trailingComment = TextField(text: document.source.text(trimmed), range: trimmed)
                pieces.removeLast()
            } else if let comment = htmlComment(endingAt: trimmed), bytes[trimmed].starts(with: "[//]:".utf8) {
                entry.trailingComment = TextField(text: document.source.text(comment), range: comment)
                pieces[pieces.count - 1] = last.lowerBound..<comment.lowerBound
            } else if let comment = htmlComment(startingAt: trimmed),
                bytes[trim(comment.upperBound..<trimmed.upperBound)].starts(with: "[//]:".utf8)
            {
                entry.trailingComment = TextField(text: document.source.text(comment), range: comment)
                pieces[pieces.count - 1] = comment.upperBound..<last.upperBound
            }
        }
        if let last = pieces.last {
            let trimmed = trim(last)
            if bytes[trimmed].starts(with: "[//]:".utf8) {
                entry.dateComment = TextField(text: document.source.text(trimmed), range: trimmed)
                pieces.removeLast()
            } else if pieces.count > 1, let comment = lastDateComment(in: trimmed) {
                // Stray text before the date comment (`| junk [//]: #06/17`) stays a cell of its
                // own, so that the comment is still the row's and a fix of the text keeps it.
                entry.dateComment = TextField(text: document.source.text(comment), range: comment)
                pieces[pieces.count - 1] = last.lowerBound..<comment.lowerBound
            }
        }
        entry.rawCells = pieces
    }

    /// The HTML comment (`<!--` to `-->`) that ends `range` after other text, if any.
    private func htmlComment(endingAt range: Range<Int>) -> Range<Int>? {
        let bytes = document.source.bytes
        guard bytes[range].reversed().starts(with: "-->".utf8.reversed()) else { return nil }
        let needle = Array("<!--".utf8)
        var index = range.upperBound - needle.count
        while index > range.lowerBound {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index..<range.upperBound }
            index -= 1
        }
        return nil
    }

    /// The HTML comment that starts `range` and ends before its end, if any.
    private func htmlComment(startingAt range: Range<Int>) -> Range<Int>? {
        let bytes = document.source.bytes
        guard bytes[range].starts(with: "<!--".utf8) else { return nil }
        let needle = Array("-->".utf8)
        var index = range.lowerBound + 4
        while index + needle.count < range.upperBound {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return range.lowerBound..<(index + 3) }
            index += 1
        }
        return nil
    }

    /// The date comment (`[//]:` to the end) that ends `range` after other text, if any.
    private func lastDateComment(in range: Range<Int>) -> Range<Int>? {
        let bytes = document.source.bytes
        let needle = Array("[//]:".utf8)
        var index = range.upperBound - needle.count
        while index > range.lowerBound {
            if bytes[index] == UInt8(ascii: "["), bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<range.upperBound
            }
            index -= 1
        }
        return nil
    }

    // MARK: Lists

    private func readList(
        _ list: MarkdownNode, formats: [EntryFormat], headings: [(level: Int, text: String)],
        into entries: inout [Entry.Fields],
        firstIndex: Int
    ) {
        let sectionPath = headings.map(\.text)
        let formats = formats.filter { !Self.skips($0, headings) }
        guard !formats.isEmpty else { return }
        for item in list.children where item.kind == .item {
            let itemRange = document.range(of: item)
            guard let format = formats.first(where: { hasMarker($0, itemRange) }) else { continue }
            var entry = Entry.Fields(
                index: firstIndex + entries.count, file: document.path, formatID: format.id, kind: .bullet,
                line: item.startLine, lastLine: item.endLine, range: itemRange,
                section: headings.last?.text, sectionPath: sectionPath)
            let inlines = item.children.first { $0.kind == .paragraph }?.children ?? []
            read(inlines, as: nil, format: format, cellEnd: itemRange.upperBound, into: &entry)
            if entry.title == nil && entry.name == nil {
                entry.unreadableReason = "no title link or name"
            }
            entry.deriveIdentities()
            entries.append(entry)
        }
    }

    /// Whether an item starts with the format's marker; a numbered marker (`1.`) matches every
    /// number with the same delimiter, and a format without a marker matches every item.
    private func hasMarker(_ format: EntryFormat, _ itemRange: Range<Int>) -> Bool {
        guard let marker = format.marker else { return true }
        let bytes = document.source.bytes[itemRange]
        guard format.numberedMarker else { return bytes.starts(with: marker.utf8) }
        let digits = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty, let delimiter = marker.utf8.last else { return false }
        return bytes.dropFirst(digits.count).first == delimiter
    }

    /// Whether the format's `skip-sections` name a heading of the section path.
    static func skips(_ format: EntryFormat, _ headings: [(level: Int, text: String)]) -> Bool {
        guard let skipped = format.skipSections, !skipped.isEmpty else { return false }
        return headings.contains { skipped.contains($0.text) }
    }
}
