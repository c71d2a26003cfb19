/// Works out a list's entry formats from its markdown, for `curator init`.
///
/// It reads what cmark-gfm reads: tables whose rows hold a title (a link with a title-like label,
/// or a cell of plain text when no column links one), and bullet or numbered items whose
/// paragraph starts with such a link or with a bold title. Items of a marker that hold no title
/// mark their heading as one to skip (a news feed, the contents, the contributing rules).
public struct FormatDetector {
    /// One file of the list: its path relative to the list root, and its parsed text.
    public struct File {
        public var relativePath: String
        public var document: Document

        public init(relativePath: String, document: Document) {
            self.relativePath = relativePath
            self.document = document
        }
    }

    /// A table format found in the list.
    public struct TableShape: Equatable {
        public var header: String
        public var columns: [EntryFormat.Column]
        /// `text` when the title cell starts with a plain-text title before `<br>`.
        public var titleStyle: EntryFormat.TitleStyle = .link
        public var fields: [EntryFormat.Field]
        public var separator: String?
        public var dateComment: Bool
        public var rows: Int
    }

    /// A bullet or numbered format found in the list.
    public struct ItemShape {
        public var marker: String
        public var titleStyle: EntryFormat.TitleStyle
        public var fields: [EntryFormat.Field]
        public var files: [String]
        public var skipSections: [String]
        public var items: Int
    }

    public struct Detection {
        public var files: [String]
        public var tables: [TableShape]
        public var items: [ItemShape]
        /// Link labels other than titles, with how often each is used and how often to GitHub.
        public var linkLabels: [(label: String, count: Int, toGitHub: Int)]
        public var starBadges: Int
        /// Venue badges in the first user's `Conference-VENUE'YY` shape.
        public var publishBadges: Int
        /// The kinds (`Conference`) and venues (`ICLR`) of those badges, with how often each is used.
        public var venueKinds: [String: Int]
        public var venueNames: [String: Int]

        public var entryCount: Int { tables.map(\.rows).reduce(0, +) + items.map(\.items).reduce(0, +) }
    }

    public init() {}

    public func detect(_ files: [File]) -> Detection {
        var tables: [String: (shape: TableShape, count: Int)] = [:]
        var tableOrder: [String] = []
        var items = ItemTally()
        var labels: [String: (count: Int, toGitHub: Int)] = [:]
        var starBadges = 0
        var publishBadges = 0
        var venueKinds: [String: Int] = [:]
        var venueNames: [String: Int] = [:]
        var entryFiles: [String] = []
        for file in files {
            let document = file.document
            var found = false
            EntryExtractor.forEachTableAndList(in: document) { block, headings in
                switch block.kind {
                case .table:
                    guard let shape = tableShape(block, document: document) else { return }
                    found = true
                    if var known = tables[shape.header] {
                        known.count += shape.rows
                        known.shape.rows += shape.rows
                        if shape.rows > known.shape.rows - shape.rows { known.shape.columns = shape.columns }
                        tables[shape.header] = known
                    } else {
                        tables[shape.header] = (shape, shape.rows)
                        tableOrder.append(shape.header)
                    }
                default:
                    if items.read(block, document: document, file: file.relativePath, section: headings.last?.text) {
                        found = true
                    }
                }
            }
            document.root.forEach(ofKinds: [.link]) { link in
                let image = link.children.first { $0.kind == .image }
                if let url = image?.url {
                    if url.contains("img.shields.io/github/stars/") { starBadges += 1 }
                    if image?.plainText == "Publish", url.contains("img.shields.io/badge/") {
                        if url.contains("img.shields.io/badge/Conference-") { publishBadges += 1 }
                        if let (kind, venue) = Self.venueParts(url) {
                            venueKinds[kind, default: 0] += 1
                            if !venue.isEmpty { venueNames[venue, default: 0] += 1 }
                        }
                    }
                    return
                }
                var label = link.plainText.trimmingSpaces
                if label.hasPrefix("["), label.hasSuffix("]"), label.count >= 2 {
                    label = String(label.dropFirst().dropLast())
                }
                if !label.isEmpty, !Self.looksLikeTitle(label), !(link.url ?? "").hasPrefix("#") {
                    let toGitHub = (link.url ?? "").contains("://github.com/") ? 1 : 0
                    let known = labels[label] ?? (0, 0)
                    labels[label] = (known.count + 1, known.toGitHub + toGitHub)
                }
            }
            if found { entryFiles.append(file.relativePath) }
        }
        // A label used once is kept when it links GitHub: it names a code link all the same.
        let sortedLabels = labels.filter { $0.value.count >= 2 || $0.value.toGitHub == $0.value.count }.sorted {
            ($1.value.count, $0.key) < ($0.value.count, $1.key)
        }
        return Detection(
            files: entryFiles, tables: tableOrder.compactMap { tables[$0]?.shape }, items: items.shapes(),
            linkLabels: sortedLabels.map { ($0.key, $0.value.count, $0.value.toGitHub) }, starBadges: starBadges,
            publishBadges: publishBadges, venueKinds: venueKinds, venueNames: venueNames)
    }

    /// The kind and the venue of a static badge `.../badge/KIND-VENUE'YY-color`: the venue is the
    /// label up to its year or qualifier. A doubled dash is a literal one.
    static func venueParts(_ url: String) -> (kind: String, venue: String)? {
        guard let start = url.range(of: "/badge/")?.upperBound else { return nil }
        let path = url[start...].replacingOccurrences(of: "--", with: "\u{1}")
        let parts = path.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let kind = parts[0].replacingOccurrences(of: "\u{1}", with: "-")
        let label = parts[1].replacingOccurrences(of: "\u{1}", with: "-").replacingOccurrences(of: "%20", with: " ")
        let venue = label.prefix { $0 != "'" && $0 != " " && $0 != "_" && !$0.isNumber }
        guard !kind.isEmpty else { return nil }
        return (kind, String(venue))
    }

    /// A label of three words or more, or of one long word with a colon, reads as a paper's title
    /// rather than a link label (`Paper`, `[pdf]`, `Github`).
    static func looksLikeTitle(_ label: String) -> Bool {
        label.split(separator: " ").count >= 3 || (label.count > 12 && label.contains(":"))
    }

    /// A link to a paper's title: a title-like label, and a destination that is no anchor of the
    /// page itself (a table of contents links its headings with such labels).
    static func isTitle(_ link: MarkdownNode) -> Bool {
        !(link.url ?? "").hasPrefix("#") && looksLikeTitle(link.plainText.trimmingSpaces)
    }

    // MARK: Tables

    private struct CellFacts {
        var titleLink = false
        /// Plain text of three words or more before the first `<br>`, links after it.
        var textTitle = false
        var textBeforeBreak = 0
        var sawBreak = false
        var badge = false
        var badgeBeforeTitle = false
        var otherLinks = false
        var image = false
        var textAfterTitle = false
        var breaks = false
        var words = 0
    }

    private func cellFacts(_ cell: MarkdownNode) -> CellFacts {
        var facts = CellFacts()
        for node in cell.children {
            switch node.kind {
            case .link:
                if node.children.contains(where: { $0.kind == .image }) {
                    facts.badge = true
                    if !facts.titleLink { facts.badgeBeforeTitle = true }
                } else if !facts.titleLink, !facts.textTitle, Self.isTitle(node) {
                    facts.titleLink = true
                } else {
                    if !facts.titleLink, facts.sawBreak, facts.textBeforeBreak >= 3 { facts.textTitle = true }
                    facts.otherLinks = true
                }
            case .image:
                facts.image = true
            case .htmlInline:
                let html = node.literal ?? ""
                if html.hasPrefix("<img") || html.hasPrefix("<IMG") { facts.image = true }
                if html.hasPrefix("<br") {
                    facts.breaks = true
                    facts.sawBreak = true
                }
            case .text, .code, .emph, .strong:
                let words = node.plainText.split(separator: " ").count
                facts.words += words
                if !facts.sawBreak, !facts.titleLink, !facts.otherLinks { facts.textBeforeBreak += words }
                if facts.titleLink, words > 0 { facts.textAfterTitle = true }
            default:
                break
            }
        }
        return facts
    }

    private func tableShape(_ table: MarkdownNode, document: Document) -> TableShape? {
        guard let header = table.children.first, header.kind == .tableHeader else { return nil }
        let rows = table.children.dropFirst().filter { $0.kind == .tableRow }
        let columnCount = header.children.count
        guard !rows.isEmpty, columnCount > 0 else { return nil }
        var facts = Array(repeating: [CellFacts](), count: columnCount)
        for row in rows {
            for (index, cell) in row.children.prefix(columnCount).enumerated() { facts[index].append(cellFacts(cell)) }
        }
        func share(_ column: Int, _ property: (CellFacts) -> Bool) -> Double {
            Double(facts[column].filter(property).count) / Double(max(1, rows.count))
        }
        var columns = Array(repeating: EntryFormat.Column.ignored, count: columnCount)
        let paper = (0..<columnCount).first { share($0, { $0.titleLink || $0.textTitle }) >= 0.5 }
        if let paper {
            columns[paper] = .paper
        } else {
            let wordy = (0..<columnCount).max {
                facts[$0].map(\.words).reduce(0, +) < facts[$1].map(\.words).reduce(0, +)
            }
            guard let wordy, facts[wordy].map(\.words).reduce(0, +) >= 3 * rows.count else { return nil }
            columns[wordy] = .title
        }
        for column in 0..<columnCount where columns[column] == .ignored {
            // Links first: a code cell with a star badge image beside its link is a links cell.
            if share(column, { $0.otherLinks || $0.titleLink }) >= 0.5 {
                columns[column] = .links
            } else if share(column, \.image) >= 0.5 {
                columns[column] = .image
            }
        }
        var fields: [EntryFormat.Field] = []
        var separator: String?
        var titleStyle = EntryFormat.TitleStyle.link
        if let paper {
            let textTitles = share(paper, \.textTitle)
            if textTitles > share(paper, \.titleLink) { titleStyle = .text }
            if share(paper, \.badgeBeforeTitle) > 0 { fields.append(.badges) }
            fields.append(.title)
            if titleStyle == .text || share(paper, \.textAfterTitle) >= 0.3 { fields.append(.authors) }
            if titleStyle == .text { fields.append(.links) }
            if share(paper, \.breaks) >= 0.5 { separator = "<br>" }
        }
        let dated = rows.filter { row in
            let line = document.source.text(document.source.lineRange(row.startLine))
            return line.range(of: "|[//]: #") != nil || line.range(of: "| [//]: #") != nil
        }
        let first = header.children[0].plainText.trimmingSpaces
        guard !first.isEmpty else { return nil }
        return TableShape(
            header: first, columns: columns, titleStyle: titleStyle, fields: fields, separator: separator,
            dateComment: dated.count * 2 >= rows.count, rows: rows.count)
    }

    // MARK: Items

    /// The items of every list read so far, grouped by marker.
    private struct ItemTally {
        struct Tally {
            var titled = 0
            var bold = 0
            var badgesBefore = 0
            var badgesAfter = 0
            var authors = 0
            var links = 0
            var files: [String] = []
            var untitledSections: [String: Int] = [:]
            var titledSections: Set<String> = []
        }
        var byMarker: [String: Tally] = [:]
        var order: [String] = []

        /// Reads a list's items; true when one of them reads as an entry.
        mutating func read(_ list: MarkdownNode, document: Document, file: String, section: String?) -> Bool {
            var any = false
            for item in list.children where item.kind == .item {
                let range = document.range(of: item)
                guard let marker = Self.marker(Array(document.source.bytes[range].prefix(12))) else { continue }
                if byMarker[marker] == nil { order.append(marker) }
                var tally = byMarker[marker, default: Tally()]
                let inlines = item.children.first { $0.kind == .paragraph }?.children ?? []
                var title: EntryFormat.TitleStyle?
                var afterTitleText = false
                for node in inlines {
                    switch node.kind {
                    case .link where node.children.contains { $0.kind == .image }:
                        if title == nil { tally.badgesBefore += 1 } else { tally.badgesAfter += 1 }
                    case .image:
                        if title != nil { tally.badgesAfter += 1 }
                    case .link:
                        if title == nil, FormatDetector.isTitle(node) {
                            title = .link
                        } else if title != nil {
                            tally.links += 1
                        }
                    case .strong where title == nil && FormatDetector.looksLikeTitle(node.plainText.trimmingSpaces):
                        title = .bold
                    case .text, .emph:
                        if title != nil, node.plainText.split(separator: " ").count >= 2 { afterTitleText = true }
                    default:
                        break
                    }
                }
                if let title {
                    any = true
                    tally.titled += 1
                    if title == .bold { tally.bold += 1 }
                    if afterTitleText { tally.authors += 1 }
                    if !tally.files.contains(file) { tally.files.append(file) }
                    if let section { tally.titledSections.insert(section) }
                } else if let section {
                    tally.untitledSections[section, default: 0] += 1
                }
                byMarker[marker] = tally
            }
            return any
        }

        static func marker(_ bytes: [UInt8]) -> String? {
            guard let first = bytes.first else { return nil }
            if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
                return String(UnicodeScalar(first))
            }
            let digits = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard !digits.isEmpty, bytes.count > digits.count else { return nil }
            let delimiter = bytes[digits.count]
            return delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")")
                ? "1" + String(UnicodeScalar(delimiter)) : nil
        }

        func shapes() -> [ItemShape] {
            order.compactMap { marker in
                guard let tally = byMarker[marker], tally.titled >= 2 else { return nil }
                var fields: [EntryFormat.Field] = []
                // Badges sit where most of them are, before the title or after everything else.
                let badgesFirst = tally.badgesBefore > 0 && tally.badgesBefore >= tally.badgesAfter
                if badgesFirst { fields.append(.badges) }
                fields.append(.title)
                if tally.authors * 10 >= tally.titled * 3 { fields.append(.authors) }
                if tally.links > 0 { fields.append(.links) }
                if tally.badgesAfter > 0, !badgesFirst { fields.append(.badges) }
                let skipped = tally.untitledSections.keys.filter { !tally.titledSections.contains($0) }.sorted()
                return ItemShape(
                    marker: marker, titleStyle: tally.bold * 2 > tally.titled ? .bold : .link, fields: fields,
                    files: tally.files, skipSections: skipped, items: tally.titled)
            }
        }
    }
}
