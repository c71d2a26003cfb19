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
    private let starMarkBytes: [UInt8]?

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

    // MARK: Fields

    /// Assigns a sequence of inline nodes to the entry's fields. `column` is the table column they
    /// fill, or nil for a bullet, whose one paragraph holds every field.
    private func read(
        _ inlines: [MarkdownNode], as column: EntryFormat.Column?, format: EntryFormat, cellEnd: Int,
        into entry: inout Entry.Fields
    ) {
        let fields = column == nil ? (format.fields ?? []) : fieldsOfColumn(column!, format: format)
        var titleEnd: Int?
        var titleNodes = 0..<0
        if format.titleStyle == .text, column == nil || column == .paper, fields.contains(.title), entry.title == nil,
            let title = textTitle(inlines)
        {
            // The title is the text before the first `<br>`; badges before it are skipped, the
            // authors follow up to the first link.
            entry.title = title.field
            entry.fieldSequence.append((.title, title.field.range.lowerBound))
            titleEnd = title.field.range.upperBound
            titleNodes = title.first..<title.next
            if fields.contains(.authors) {
                // The authors end at the first link, or at the `<br>` before it.
                var end = title.next
                while end < inlines.count, inlines[end].kind != .link { end += 1 }
                var upper = end < inlines.count ? document.range(of: inlines[end]).lowerBound : cellEnd
                if let separator = inlines[title.next..<end].last(where: {
                    $0.kind == .htmlInline && ($0.literal ?? "").lowercased().hasPrefix("<br")
                }) {
                    upper = document.range(of: separator).lowerBound
                }
                readAuthors(from: title.field.range.upperBound, to: upper, into: &entry)
            }
        }
        for (position, node) in inlines.enumerated() where !titleNodes.contains(position) {
            let range = document.range(of: node)
            switch node.kind {
            case .link:
                if let badge = badge(node, range: range), fields.contains(.badges) {
                    entry.badges.append(badge)
                    entry.fieldSequence.append((.badges, range.lowerBound))
                    // A badge between the title and the authors (`[Title](url) [![Type](...)]() <br> A`)
                    // ends the authors' span before it starts; read the authors after the badge instead.
                    if titleEnd != nil, entry.authors == nil, entry.links.isEmpty, fields.contains(.authors) {
                        let end = inlines[(position + 1)...].first { $0.kind == .link }.map {
                            document.range(of: $0).lowerBound
                        }
                        readAuthors(from: range.upperBound, to: end ?? cellEnd, into: &entry)
                    }
                } else if fields.contains(.title), entry.title == nil {
                    let text = node.plainText.trimmingSpaces
                    entry.title = TextField(text: text, range: labelRange(of: range))
                    entry.titleLink = link(node, range: range, label: text)
                    entry.fieldSequence.append((.title, range.lowerBound))
                    titleEnd = range.upperBound
                    if fields.contains(.authors) {
                        readAuthors(
                            after: position, in: inlines, from: range.upperBound, cellEnd: cellEnd, into: &entry)
                    }
                } else if fields.contains(.links) || column == .links || column == .name {
                    var label = node.plainText.trimmingSpaces
                    if label.hasPrefix("[") && label.hasSuffix("]") && label.count >= 2 {
                        label = String(label.dropFirst().dropLast())
                    }
                    entry.links.append(link(node, range: range, label: label))
                    entry.fieldSequence.append((.links, range.lowerBound))
                }
            case .text:
                if fields.contains(.starMark), let mark = starMark(in: range) {
                    entry.starMark = mark
                    entry.fieldSequence.append((.starMark, mark.lowerBound))
                }
            case .strong where format.titleStyle == .bold && fields.contains(.title) && entry.title == nil:
                // A bold title without a link (`- **Title**  *Authors*. [[pdf](url)]`): its links
                // follow it.
                let text = node.plainText.trimmingSpaces
                guard !text.isEmpty else { break }
                entry.title = TextField(text: text, range: strongContentRange(range))
                entry.fieldSequence.append((.title, range.lowerBound))
                titleEnd = range.upperBound
                if fields.contains(.authors) {
                    readAuthors(after: position, in: inlines, from: range.upperBound, cellEnd: cellEnd, into: &entry)
                }
            case .strong:
                if fields.contains(.name), entry.name == nil {
                    entry.name = TextField(text: node.plainText, range: range)
                    entry.fieldSequence.append((.name, range.lowerBound))
                    if fields.contains(.description) {
                        let end = inlines[(position + 1)...].first { $0.kind == .link }.map {
                            document.range(of: $0).lowerBound
                        }
                        readDescription(from: range.upperBound, to: end ?? cellEnd, into: &entry)
                    }
                }
            case .htmlInline:
                if column == .image, let source = imageSource(node.literal ?? "", range: range) {
                    entry.image = source
                }
            case .image:
                if column == .image {
                    entry.image = TextField(text: node.url ?? "", range: range)
                } else if fields.contains(.badges), entry.title == nil, let url = node.url,
                    ruleset.badgeKind(imageURL: url, alt: node.plainText) != .other
                {
                    // A badge image not wrapped in a link still shows the badge; reading it keeps
                    // its venue visible to the rules.
                    entry.badges.append(
                        Badge(
                            kind: ruleset.badgeKind(imageURL: url, alt: node.plainText), alt: node.plainText,
                            imageURL: url, imageURLRange: destinationRange(in: range), linkURL: "",
                            linkURLRange: nil, range: range))
                    entry.fieldSequence.append((.badges, range.lowerBound))
                }
            default:
                break
            }
        }
        if column == .title, entry.title == nil {
            let text = inlines.map(\.plainText).joined().trimmingSpaces
            if !text.isEmpty, let first = inlines.first, let last = inlines.last {
                entry.title = TextField(
                    text: text, range: document.range(of: first).lowerBound..<document.range(of: last).upperBound)
                entry.fieldSequence.append((.title, document.range(of: first).lowerBound))
            }
        }
        if column == .name, entry.name == nil {
            let text = inlines.map(\.plainText).joined().trimmingSpaces
            if !text.isEmpty, let first = inlines.first, let last = inlines.last {
                entry.name = TextField(
                    text: text, range: document.range(of: first).lowerBound..<document.range(of: last).upperBound)
            }
        }
    }

    private func fieldsOfColumn(_ column: EntryFormat.Column, format: EntryFormat) -> [EntryFormat.Field] {
        switch column {
        case .paper: format.fields ?? [.badges, .starMark, .title, .authors]
        case .links: [.links]
        case .title: [.title]
        case .name: [.name]
        case .description: [.description]
        case .image, .ignored: []
        }
    }

    /// A link whose only visible content is an image is a badge.
    private func badge(_ node: MarkdownNode, range: Range<Int>) -> Badge? {
        // The children are walked in place: this runs for every link of the list.
        var image: MarkdownNode?
        var child = node.firstChild
        while let current = child {
            child = current.nextSibling
            if current.kind == .text && current.literalIsBlank { continue }
            guard image == nil, current.kind == .image else { return nil }
            image = current
        }
        guard let image else { return nil }
        let imageURL = image.url ?? ""
        let imageRange = document.range(of: image)
        let alt = image.plainText
        return Badge(
            kind: ruleset.badgeKind(imageURL: imageURL, alt: alt),
            alt: alt,
            imageURL: imageURL,
            imageURLRange: destinationRange(in: imageRange),
            linkURL: node.url ?? "",
            linkURLRange: destinationRange(in: imageRange.upperBound..<range.upperBound),
            range: range)
    }

    private func link(_ node: MarkdownNode, range: Range<Int>, label: String) -> Link {
        Link(
            label: label, url: node.url ?? "", range: range, urlRange: destinationRange(in: range),
            role: ruleset.role(ofLinkLabel: label))
    }

    /// The bytes between `](` and the closing `)` of an inline link, where its destination sits.
    private func destinationRange(in range: Range<Int>) -> Range<Int>? {
        document.source.destinationRange(ofLinkAt: range)
    }

    /// The bytes of a link's label, between `[` and `]`.
    private func labelRange(of range: Range<Int>) -> Range<Int> {
        guard let destination = destinationRange(in: range) else { return range }
        return (range.lowerBound + 1)..<(destination.lowerBound - 2)
    }

    /// A plain-text title: the text, emphasis and code between the leading badges and the first
    /// `<br>` (or line break), and the position of the node after it. Nil when a link comes first
    /// or nothing is there.
    private func textTitle(_ inlines: [MarkdownNode]) -> (field: TextField, first: Int, next: Int)? {
        var first: Int?
        var last: Int?
        for (position, node) in inlines.enumerated() {
            switch node.kind {
            case .link where first == nil && badge(node, range: document.range(of: node)) != nil:
                continue
            case .image where first == nil:
                continue
            case .text, .emph, .strong, .code:
                if node.kind == .text, node.literalIsBlank, first == nil { continue }
                if first == nil { first = position }
                last = position
            case .htmlInline where (node.literal ?? "").lowercased().hasPrefix("<br"):
                guard let first, let last else { return nil }
                return field(inlines, first, last).map { ($0, first, position + 1) }
            case .linebreak, .softbreak:
                guard let first, let last else { continue }
                return field(inlines, first, last).map { ($0, first, position + 1) }
            default:
                return nil
            }
        }
        return nil
    }

    private func field(_ inlines: [MarkdownNode], _ first: Int, _ last: Int) -> TextField? {
        let text = inlines[first...last].map(\.plainText).joined().trimmingSpaces
        guard !text.isEmpty else { return nil }
        let range = trim(document.range(of: inlines[first]).lowerBound..<document.range(of: inlines[last]).upperBound)
        return TextField(text: text, range: range)
    }

    /// The bytes of a bold span's text, inside its `**` or `__`.
    private func strongContentRange(_ range: Range<Int>) -> Range<Int> {
        guard range.count >= 4 else { return range }
        return (range.lowerBound + 2)..<(range.upperBound - 2)
    }

    /// Reads the authors from `start` to the first link after the inline at `position`, or to the
    /// cell's end.
    private func readAuthors(
        after position: Int, in inlines: [MarkdownNode], from start: Int, cellEnd: Int, into entry: inout Entry.Fields
    ) {
        let end = inlines[(position + 1)...].first { $0.kind == .link }.map { document.range(of: $0).lowerBound }
        readAuthors(from: start, to: end ?? cellEnd, into: &entry)
    }

    private func readAuthors(from start: Int, to end: Int, into entry: inout Entry.Fields) {
        let bytes = document.source.bytes
        var lower = start
        let separator = Array("<br>".utf8)
        // Skip the separator and punctuation that stand between title and authors.
        while lower < end {
            if bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: ".")
                || bytes[lower] == UInt8(ascii: "\t")
            {
                lower += 1
            } else if bytes[lower..<min(end, lower + separator.count)].elementsEqual(separator) {
                lower += separator.count
            } else {
                break
            }
        }
        var upper = end
        while upper > lower,
            [UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "\n"), UInt8(ascii: "|"), UInt8(ascii: "\t")].contains(
                bytes[upper - 1])
        {
            upper -= 1
        }
        guard upper > lower else { return }
        entry.authors = TextField(text: document.source.text(lower..<upper), range: lower..<upper)
        entry.fieldSequence.append((.authors, lower))
    }

    private func readDescription(from start: Int, to end: Int, into entry: inout Entry.Fields) {
        let bytes = document.source.bytes
        var lower = start
        while lower < end,
            bytes[lower] == UInt8(ascii: ":") || bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "-")
        {
            lower += 1
        }
        var upper = end
        while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") { upper -= 1 }
        guard upper > lower else { return }
        entry.description = TextField(text: document.source.text(lower..<upper), range: lower..<upper)
        entry.fieldSequence.append((.description, lower))
    }

    private func starMark(in range: Range<Int>) -> Range<Int>? {
        guard let needle = starMarkBytes else { return nil }
        let bytes = document.source.bytes
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
            index += 1
        }
        return nil
    }

    /// The `src` of an `<img ...>` tag.
    private func imageSource(_ html: String, range: Range<Int>) -> TextField? {
        guard html.hasPrefix("<img") || html.hasPrefix("<IMG") else { return nil }
        let bytes = document.source.bytes
        let needle = Array("src=\"".utf8)
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                let start = index + needle.count
                var end = start
                while end < range.upperBound, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                return TextField(text: document.source.text(start..<end), range: start..<end)
            }
            index += 1
        }
        return nil
    }

    private func trim(_ range: Range<Int>) -> Range<Int> {
        let bytes = document.source.bytes
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
        while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") {
            upper -= 1
        }
        return lower..<upper
    }
}
