/// A description of one list's format, read from `rules/NAME.yml` and a list's `.curator.yml`.
///
/// Everything that differs between lists lives here, so a new list format is a YAML file rather
/// than Swift. Keys are spelled in kebab-case in YAML.
public struct Ruleset: Sendable {
    public var name: String
    public var description: String?
    public var files: FileSelection
    public var formats: [EntryFormat]
    public var badges: BadgeShapes?
    public var links: LinkLabels?
    public var venues: VenueVocabulary?
    public var star: StarPolicy?
    public var figures: FigurePolicy?
    public var mirrors: MirrorMap?
    public var requiredTags: [RequiredTag]?
    /// How the list shortens long author lists.
    public var authors: AuthorConvention?
    /// Where and how `curator propose` writes new entries.
    public var propose: ProposePolicy?
    /// Severity overrides and switches per rule id: `error`, `warning`, `info` or `off`.
    public var rules: [String: String]?
    /// URLs (regular expressions) never checked over the network.
    public var exclude: [String]?
    /// Limits and timeouts for the link checker.
    public var http: HTTPSettings?
    /// Where link verdicts are cached between runs.
    public var cache: CacheSettings?
    /// What counts as a paper listed twice.
    public var duplicates: DuplicatePolicy?
}

extension Ruleset {
    /// Reads the merged layers of a ruleset. Each file was held to `RulesetSchema` before the
    /// merge (see `SchemaChecker`), so an unknown key never reaches here; what is left to find is
    /// a required key that no file of the chain sets.
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        name = try fields.required("name").string()
        description = try fields.optional("description")?.string()
        files = try FileSelection(fields.required("files"))
        formats = try fields.required("formats").list(EntryFormat.init)
        badges = try fields.optional("badges").map(BadgeShapes.init)
        links = try fields.optional("links").map(LinkLabels.init)
        venues = try fields.optional("venues").map(VenueVocabulary.init)
        star = try fields.optional("star").map(StarPolicy.init)
        figures = try fields.optional("figures").map(FigurePolicy.init)
        mirrors = try fields.optional("mirrors").map(MirrorMap.init)
        requiredTags = try fields.optional("required-tags")?.list(RequiredTag.init)
        authors = try fields.optional("authors").map(AuthorConvention.init)
        propose = try fields.optional("propose").map(ProposePolicy.init)
        rules = try fields.optional("rules")?.stringDictionary()
        exclude = try fields.optional("exclude")?.patterns()
        http = try fields.optional("http").map(HTTPSettings.init)
        cache = try fields.optional("cache").map(CacheSettings.init)
        duplicates = try fields.optional("duplicates").map(DuplicatePolicy.init)
    }
}

public struct FileSelection: Sendable {
    /// Glob patterns relative to the list's root (`*` stays within one path component).
    public var include: [String]
    public var exclude: [String]?
}

extension FileSelection {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        include = try fields.required("include").strings()
        exclude = try fields.optional("exclude")?.strings()
    }
}

public struct EntryFormat: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case tableRow = "table-row"
        case bullet
    }

    public enum TitleStyle: String, Sendable, CaseIterable {
        case link, bold
        /// Plain text up to the first `<br>` (`Title <br> Authors <br> [[Paper]](url)`).
        case text
    }

    /// What a table column holds.
    public enum Column: String, Sendable, CaseIterable {
        /// `title` is a cell whose plain text is the title (no title link).
        case paper, image, links, name, description, title, ignored
    }

    /// The pieces of an entry, in the order the format prescribes.
    public enum Field: String, Sendable, CaseIterable {
        case badges
        case starMark = "star-mark"
        case title, authors, name, description, links
    }

    public var id: String
    public var kind: Kind
    /// Table formats: the text of the first header cell that marks a table of this format.
    public var header: String?
    public var columns: [Column]?
    public var fields: [Field]?
    /// The separator between fields inside a table cell (`<br>`).
    public var separator: String?
    /// Regular expression the text after the row's last cell must match (`[//]: #06/17`).
    public var dateComment: String?
    /// Bullet formats: the files (globs) whose bullets are entries, and the list marker.
    public var files: [String]?
    /// The list marker; `1.` (or `1)`) stands for every numbered item.
    public var marker: String?
    /// How a title is written: `link` (`[Title](url)`, the default), `bold` (`**Title**` with its
    /// links after it) or `text` (plain text before the first `<br>`).
    public var titleStyle: TitleStyle?
    /// Headings whose tables and lists hold no entries of this format (a news feed, contents,
    /// contributing guidelines); a heading anywhere in the section path counts.
    public var skipSections: [String]?

    /// Whether the marker is a numbered one: `1.` stands for `2.`, `10.` and every other number.
    public var numberedMarker: Bool {
        guard let marker, let last = marker.last, last == "." || last == ")" else { return false }
        return marker.dropLast().allSatisfy(\.isNumber) && marker.count > 1
    }
}

extension EntryFormat {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        id = try fields.required("id").string()
        kind = try fields.required("kind").value()
        header = try fields.optional("header")?.string()
        columns = try fields.optional("columns")?.values()
        self.fields = try fields.optional("fields")?.values()
        separator = try fields.optional("separator")?.string()
        dateComment = try fields.optional("date-comment")?.pattern()
        files = try fields.optional("files")?.strings()
        marker = try fields.optional("marker")?.string()
        skipSections = try fields.optional("skip-sections")?.strings()
        titleStyle = try fields.optional("title-style")?.value()
    }
}

public struct BadgeShape: Sendable {
    /// The image's alt text the list uses (`Star`, `Publish`).
    public var alt: String?
    /// Regular expression on the image URL that says a badge is of this kind.
    public var match: String
    /// The exact URL template (`{owner}`, `{repo}`) the list uses for this kind.
    public var canonical: String?
    /// First dash-separated part of a shields.io static badge (`Conference`).
    public var kinds: [String]?
    /// How many dash-separated parts the list's static badges of this kind have: 3 for
    /// `Conference-ICML'24-blue`, 2 for `Unstructured-C2A4A6`. A literal dash inside a part is `--`.
    public var parts: Int?
}

extension BadgeShape {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        alt = try fields.optional("alt")?.string()
        match = try fields.required("match").pattern()
        canonical = try fields.optional("canonical")?.string()
        kinds = try fields.optional("kinds")?.strings()
        parts = try fields.optional("parts")?.int()
    }
}

public struct BadgeShapes: Sendable {
    public var star: BadgeShape?
    public var venue: BadgeShape?
    public var type: BadgeShape?
}

extension BadgeShapes {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        star = try fields.optional("star").map(BadgeShape.init)
        venue = try fields.optional("venue").map(BadgeShape.init)
        type = try fields.optional("type").map(BadgeShape.init)
    }
}

/// Link labels and their roles; `spelled` maps wrong spellings to the list's own.
public struct LinkLabels: Sendable {
    public var roles: [String: String]
    public var spelled: [String: String]
}

extension LinkLabels {
    /// Every key but `spelled` is a label the list uses, mapped to its role.
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        roles = [:]
        spelled = [:]
        for (key, value) in try node.fields().entries {
            if key == "spelled" {
                spelled = try value.stringDictionary()
            } else {
                roles[key] = try value.string()
            }
        }
    }
}

public struct VenueVocabulary: Sendable {
    /// The label format; `{venue}`, `{yy}`, `{yyyy}` and `{qualifier}` are replaced (the
    /// placeholders `RulesetSchema` allows).
    public var label: String
    public var qualifiers: [String]?
    public var names: [String]
    /// Venues that are journals, whose badges are of the kind `Journal` rather than `Conference`.
    public var journals: [String]?
    /// Venue name → other spellings of it (`NAACL: [NAACL-HLT, North American Chapter of ...]`).
    public var aliases: [String: [String]]?
}

extension VenueVocabulary {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        label = try fields.required("label").string()
        qualifiers = try fields.optional("qualifiers")?.strings()
        names = try fields.required("names").strings()
        journals = try fields.optional("journals")?.strings()
        aliases = try fields.optional("aliases")?.dictionary { value throws(RulesetNode.Problem) in try value.strings()
        }
    }
}

public struct StarPolicy: Sendable {
    public var mark: String
    public var minStars: Int?
    public var minCitations: Int?
    /// A marked entry whose stars and citations are both below this fraction of the thresholds is
    /// reported as marked far below them.
    public var farBelow: Double?
    /// Whether `curator refresh --write` adds the mark to entries that pass a threshold; off, the
    /// candidates are only reported, since recommending a paper is the maintainers' call.
    public var write: Bool?
}

extension StarPolicy {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        mark = try fields.required("mark").string()
        minStars = try fields.optional("min-stars")?.int()
        minCitations = try fields.optional("min-citations")?.int()
        farBelow = try fields.optional("far-below")?.double()
        write = try fields.optional("write")?.bool()
    }
}

/// How a list shortens long author lists: `et-al: allowed` with `after: N` lets an entry name the
/// first N authors followed by "et al"; `forbidden` asks for every author.
public struct AuthorConvention: Sendable {
    public var etAl: String?
    public var after: Int?

    public var allowsEtAl: Bool { etAl == "allowed" }
}

extension AuthorConvention {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        etAl = try fields.optional("et-al")?.string()
        after = try fields.optional("after")?.int()
    }
}

/// What `curator propose` needs beyond the entry formats: the preferred link labels, the figure to
/// show until a person picks one, where a new entry goes, and which topic each file covers.
public struct ProposePolicy: Sendable {
    /// Link role → the label to write (`code: Github`); the `links` map has several labels per role.
    public var labels: [String: String]?
    /// The image source for a new entry; `{id}` and `{version}` are replaced.
    public var figure: String?
    public var figureWidth: Int?
    /// `top` or `bottom` of the section's table, for topic files and for the mirror file.
    public var insert: Insertion?
    /// A date comment (regular expression) that pins rows above new ones in the mirror file.
    public var pinned: String?
    public var topics: [Topic]

    public struct Insertion: Sendable {
        public var topic: String?
        public var mirror: String?
    }

    public struct Topic: Sendable {
        public var name: String
        public var file: String
        /// The heading of the section in `file`; the file's first table of entries when absent.
        public var heading: String?
        /// Words whose presence in a title (and, less, in an abstract) suggests this topic.
        public var keywords: [String]
    }
}

extension ProposePolicy {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        labels = try fields.optional("labels")?.stringDictionary()
        figure = try fields.optional("figure")?.string()
        figureWidth = try fields.optional("figure-width")?.int()
        insert = try fields.optional("insert").map(Insertion.init)
        pinned = try fields.optional("pinned")?.pattern()
        topics = try fields.required("topics").list(Topic.init)
    }
}

extension ProposePolicy.Insertion {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        topic = try fields.optional("topic")?.string()
        mirror = try fields.optional("mirror")?.string()
    }
}

extension ProposePolicy.Topic {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        name = try fields.required("name").string()
        file = try fields.required("file").string()
        heading = try fields.optional("heading")?.string()
        keywords = try fields.required("keywords").strings()
    }
}

public struct FigurePolicy: Sendable {
    /// Regular expression for image sources that are placeholders, not figures.
    public var placeholder: String?
    /// Sources with this prefix are files of the list's repository and must exist.
    public var localPrefix: String?
}

extension FigurePolicy {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        placeholder = try fields.optional("placeholder")?.pattern()
        localPrefix = try fields.optional("local-prefix")?.string()
    }
}

/// Which file holds copies of which topic files' rows, by the heading they sit under.
public struct MirrorMap: Sendable {
    public var file: String
    public var sections: [String: String]
}

extension MirrorMap {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        file = try fields.required("file").string()
        sections = try fields.required("sections").stringDictionary()
    }
}

public struct RequiredTag: Sendable {
    /// The files (a glob relative to the list root) whose entries must carry the badge.
    public var file: String
    /// The badge kind that must be present (`star`, `venue`, `type`).
    public var badge: String
    /// The entry formats the requirement applies to; all formats when absent.
    public var formats: [String]?
}

extension RequiredTag {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        file = try fields.required("file").string()
        badge = try fields.required("badge").string()
        formats = try fields.optional("formats")?.strings()
    }
}

/// Where the duplicate rules look for a second copy of a paper.
public struct DuplicatePolicy: Sendable {
    public enum Scope: String, Sendable, CaseIterable {
        /// Anywhere in the list: the same file is an error, two files a warning.
        case list
        /// Within one file only.
        case file
        /// Within one section (the same heading path of one file) only.
        case section
    }

    public var scope: Scope?
}

extension DuplicatePolicy {
    init(_ node: RulesetNode) throws(RulesetNode.Problem) {
        let fields = try node.fields()
        scope = try fields.optional("scope")?.value()
    }
}
