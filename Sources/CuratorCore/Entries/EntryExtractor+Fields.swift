/// How the inlines of a cell or an item become an entry's fields: badges, the star mark, the
/// title, authors, description, links and the figure.
extension EntryExtractor {
    /// Assigns a sequence of inline nodes to the entry's fields. `column` is the table column they
    /// fill, or nil for a bullet, whose one paragraph holds every field.
    func read(
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

    func fieldsOfColumn(_ column: EntryFormat.Column, format: EntryFormat) -> [EntryFormat.Field] {
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
    func badge(_ node: MarkdownNode, range: Range<Int>) -> Badge? {
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

    func link(_ node: MarkdownNode, range: Range<Int>, label: String) -> Link {
        Link(
            label: label, url: node.url ?? "", range: range, urlRange: destinationRange(in: range),
            role: ruleset.role(ofLinkLabel: label))
    }

    /// The bytes between `](` and the closing `)` of an inline link, where its destination sits.
    func destinationRange(in range: Range<Int>) -> Range<Int>? {
        document.source.destinationRange(ofLinkAt: range)
    }

    /// The bytes of a link's label, between `[` and `]`.
    func labelRange(of range: Range<Int>) -> Range<Int> {
        guard let destination = destinationRange(in: range) else { return range }
        return (range.lowerBound + 1)..<(destination.lowerBound - 2)
    }

    /// A plain-text title: the text, emphasis and code between the leading badges and the first
    /// `<br>` (or line break), and the position of the node after it. Nil when a link comes first
    /// or nothing is there.
    func textTitle(_ inlines: [MarkdownNode]) -> (field: TextField, first: Int, next: Int)? {
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

    func field(_ inlines: [MarkdownNode], _ first: Int, _ last: Int) -> TextField? {
        let text = inlines[first...last].map(\.plainText).joined().trimmingSpaces
        guard !text.isEmpty else { return nil }
        let range = trim(document.range(of: inlines[first]).lowerBound..<document.range(of: inlines[last]).upperBound)
        return TextField(text: text, range: range)
    }

    /// The bytes of a bold span's text, inside its `**` or `__`.
    func strongContentRange(_ range: Range<Int>) -> Range<Int> {
        guard range.count >= 4 else { return range }
        return (range.lowerBound + 2)..<(range.upperBound - 2)
    }

    /// Reads the authors from `start` to the first link after the inline at `position`, or to the
    /// cell's end.
    func readAuthors(
        after position: Int, in inlines: [MarkdownNode], from start: Int, cellEnd: Int, into entry: inout Entry.Fields
    ) {
        let end = inlines[(position + 1)...].first { $0.kind == .link }.map { document.range(of: $0).lowerBound }
        readAuthors(from: start, to: end ?? cellEnd, into: &entry)
    }

    func readAuthors(from start: Int, to end: Int, into entry: inout Entry.Fields) {
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

    func readDescription(from start: Int, to end: Int, into entry: inout Entry.Fields) {
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

    func starMark(in range: Range<Int>) -> Range<Int>? {
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
    func imageSource(_ html: String, range: Range<Int>) -> TextField? {
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

    func trim(_ range: Range<Int>) -> Range<Int> {
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
