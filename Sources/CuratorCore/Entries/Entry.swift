/// A piece of text in a file: what it says and the bytes it occupies.
public struct TextField: Sendable, Hashable {
    public var text: String
    public var range: Range<Int>

    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }
}

/// A link as GitHub renders it, with its label, destination and where both sit in the file.
public struct Link: Sendable, Hashable {
    /// The visible label, brackets of `[[Paper]]` removed.
    public var label: String
    public var url: String
    /// The whole `[label](url)` construct.
    public var range: Range<Int>
    /// The destination's bytes between the parentheses, for edits.
    public var urlRange: Range<Int>?
    /// What the ruleset says a link with this label is (`code`, `paper`, ...).
    public var role: String?
}

public enum BadgeKind: String, Sendable, Hashable {
    case star, venue, type, other
}

/// A shields.io badge: an image wrapped in a link, `[![alt](image)](link)`.
public struct Badge: Sendable, Hashable {
    public var kind: BadgeKind
    public var alt: String
    public var imageURL: String
    public var imageURLRange: Range<Int>?
    public var linkURL: String
    public var linkURLRange: Range<Int>?
    public var range: Range<Int>
}

/// One item of a list (a paper or a project) as the ruleset's format describes it.
///
/// Every field keeps its byte range, so rules can point at it and fixes can replace it. The
/// fields are read through `entry.title`, `entry.links`, ... as if they were the entry's own.
///
/// Why a class around a struct: an entry is read by every rule, often while walking the whole
/// catalog, and is never changed once extracted. As a struct of a score of strings and arrays,
/// each `for entry in entries` copy retained every one of them; on the list repeated 20 times
/// those copies were a seventh of the whole run. A shared immutable object is one retain.
@dynamicMemberLookup
public final class Entry: Sendable {
    public let fields: Fields

    public init(_ fields: consuming Fields) {
        self.fields = fields
    }

    @inlinable
    public subscript<Value>(dynamicMember keyPath: KeyPath<Fields, Value>) -> Value {
        fields[keyPath: keyPath]
    }

    /// Shares each of `fields` as an entry, moving the fields instead of copying them (a copy
    /// retains every string and array of an entry, and a list has thousands). `fields` is left
    /// holding empty placeholders.
    public static func moving(_ fields: inout [Fields], firstIndex: Int? = nil) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(fields.count)
        fields.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for offset in buffer.indices {
                var moved = (base + offset).move()
                (base + offset).initialize(to: Fields.placeholder)
                if let firstIndex { moved.index = firstIndex + offset }
                entries.append(Entry(consume moved))
            }
        }
        return entries
    }
}

extension Entry {
    /// What extraction fills in, field by field, before the entry is shared.
    public struct Fields: Sendable {
        /// Position in the catalog.
        public var index: Int
        public var file: String
        public var formatID: String
        public var kind: EntryFormat.Kind
        /// First and last line (a bullet may run over lazy continuation lines).
        public var line: Int
        public var lastLine: Int
        public var range: Range<Int>
        /// The heading the entry sits under, and the chain of headings above it.
        public var section: String?
        public var sectionPath: [String]

        public var badges: [Badge] = []
        public var starMark: Range<Int>?
        public var title: TextField?
        public var titleLink: Link?
        public var name: TextField?
        public var authors: TextField?
        public var description: TextField?
        public var image: TextField?
        public var links: [Link] = []
        public var dateComment: TextField?
        /// Table rows: an HTML comment after the last pipe (an inline `curator-disable-line`).
        public var trailingComment: TextField?
        /// Table rows: the cells as the raw line splits on unescaped pipes, the date comment aside.
        public var rawCells: [Range<Int>] = []
        /// Table rows: the number of columns of the table's header.
        public var columnCount: Int = 0
        /// The fields in the order they were found, for the order check.
        public var fieldSequence: [(field: EntryFormat.Field, offset: Int)] = []
        /// Why the entry could not be read, when it could not.
        public var unreadableReason: String?

        public init(
            index: Int, file: String, formatID: String, kind: EntryFormat.Kind, line: Int, lastLine: Int,
            range: Range<Int>, section: String?, sectionPath: [String]
        ) {
            self.index = index
            self.file = file
            self.formatID = formatID
            self.kind = kind
            self.line = line
            self.lastLine = lastLine
            self.range = range
            self.section = section
            self.sectionPath = sectionPath
        }

        /// Fields that own nothing, left behind where an entry's fields were moved out.
        static var placeholder: Fields {
            Fields(
                index: 0, file: "", formatID: "", kind: .tableRow, line: 0, lastLine: 0, range: 0..<0, section: nil,
                sectionPath: [])
        }

        public var starBadge: Badge? { badges.first { $0.kind == .star } }
        public var venueBadges: [Badge] { badges.filter { $0.kind == .venue } }
        public var codeLinks: [Link] { links.filter { $0.role == "code" } }
        public var paperLinks: [Link] { links.filter { $0.role == "paper" } }

        /// The paper's arXiv identifier without version, from the title link or a paper link.
        public private(set) var arxivID: ArxivID?
        /// The repository of the entry's code link (or of a github.com title link).
        public private(set) var repository: RepositoryName?
        /// The repository the star badge shows.
        public private(set) var starRepository: RepositoryName?
        /// A title reduced for comparison: case, punctuation and spacing do not count.
        public private(set) var normalizedTitle: String?

        /// Works out the identities above from the fields, once, after extraction: the duplicate and
        /// mirror rules look them up many times per entry.
        public mutating func deriveIdentities() {
            // Plain loops over the links: the filtered `codeLinks`/`paperLinks` arrays would be
            // allocated for every entry of the list.
            arxivID = titleLink.flatMap { ArxivID(url: $0.url) }
            if arxivID == nil {
                for link in links where link.role == "paper" {
                    if let id = ArxivID(url: link.url) {
                        arxivID = id
                        break
                    }
                }
            }
            arxivID = arxivID?.unversioned
            repository = nil
            for link in links where link.role == "code" {
                if let repo = RepositoryName(url: link.url) {
                    repository = repo
                    break
                }
            }
            if repository == nil, let url = titleLink?.url { repository = RepositoryName(url: url) }
            starRepository = starBadge.flatMap { RepositoryName(starBadgeURL: $0.imageURL) }
            normalizedTitle = (title ?? name).map { TitleNormalizer.normalize($0.text) }
        }
    }
}
