/// A description of one list's format, read from `rules/NAME.yml` and a list's `.curator.yml`.
///
/// Everything that differs between lists lives here, so a new list format is a YAML file rather
/// than Swift. Keys are spelled in kebab-case in YAML.
public struct Ruleset: Sendable, Decodable {
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

    enum CodingKeys: String, CodingKey {
        case name, description, files, formats, badges, links, venues, star, figures, mirrors
        case requiredTags = "required-tags"
        case rules, exclude, http, cache, authors, propose
    }
}

public struct FileSelection: Sendable, Decodable {
    /// Glob patterns relative to the list's root (`*` stays within one path component).
    public var include: [String]
    public var exclude: [String]?
}

public struct EntryFormat: Sendable, Decodable {
    public enum Kind: String, Sendable, Decodable {
        case tableRow = "table-row"
        case bullet
    }

    /// What a table column holds.
    public enum Column: String, Sendable, Decodable {
        case paper, image, links, name, description, ignored
    }

    /// The pieces of an entry, in the order the format prescribes.
    public enum Field: String, Sendable, Decodable {
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
    public var marker: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, header, columns, fields, separator
        case dateComment = "date-comment"
        case files, marker
    }
}

public struct BadgeShape: Sendable, Decodable {
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

public struct BadgeShapes: Sendable, Decodable {
    public var star: BadgeShape?
    public var venue: BadgeShape?
    public var type: BadgeShape?
}

/// Link labels and their roles; `spelled` maps wrong spellings to the list's own.
public struct LinkLabels: Sendable, Decodable {
    public var roles: [String: String]
    public var spelled: [String: String]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var roles: [String: String] = [:]
        var spelled: [String: String] = [:]
        for key in container.allKeys {
            if key.stringValue == "spelled" {
                spelled = try container.decode([String: String].self, forKey: key)
            } else {
                roles[key.stringValue] = try container.decode(String.self, forKey: key)
            }
        }
        self.roles = roles
        self.spelled = spelled
    }
}

public struct VenueVocabulary: Sendable, Decodable {
    /// The label format; `{venue}` and `{yy}` are replaced.
    public var label: String
    public var qualifiers: [String]?
    public var names: [String]
    /// Venues that are journals, whose badges are of the kind `Journal` rather than `Conference`.
    public var journals: [String]?
}

public struct StarPolicy: Sendable, Decodable {
    public var mark: String
    public var minStars: Int?
    public var minCitations: Int?
    /// A marked entry whose stars and citations are both below this fraction of the thresholds is
    /// reported as marked far below them.
    public var farBelow: Double?
    /// Whether `curator refresh --write` adds the mark to entries that pass a threshold; off, the
    /// candidates are only reported, since recommending a paper is the maintainers' call.
    public var write: Bool?

    enum CodingKeys: String, CodingKey {
        case mark
        case minStars = "min-stars"
        case minCitations = "min-citations"
        case farBelow = "far-below"
        case write
    }
}

/// How a list shortens long author lists: `et-al: allowed` with `after: N` lets an entry name the
/// first N authors followed by "et al"; `forbidden` asks for every author.
public struct AuthorConvention: Sendable, Decodable {
    public var etAl: String?
    public var after: Int?

    enum CodingKeys: String, CodingKey {
        case etAl = "et-al"
        case after
    }

    public var allowsEtAl: Bool { etAl == "allowed" }
}

/// What `curator propose` needs beyond the entry formats: the preferred link labels, the figure to
/// show until a person picks one, where a new entry goes, and which topic each file covers.
public struct ProposePolicy: Sendable, Decodable {
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

    public struct Insertion: Sendable, Decodable {
        public var topic: String?
        public var mirror: String?
    }

    public struct Topic: Sendable, Decodable {
        public var name: String
        public var file: String
        /// The heading of the section in `file`; the file's first table of entries when absent.
        public var heading: String?
        /// Words whose presence in a title (and, less, in an abstract) suggests this topic.
        public var keywords: [String]
    }

    enum CodingKeys: String, CodingKey {
        case labels, figure, insert, pinned, topics
        case figureWidth = "figure-width"
    }
}

public struct FigurePolicy: Sendable, Decodable {
    /// Regular expression for image sources that are placeholders, not figures.
    public var placeholder: String?
    /// Sources with this prefix are files of the list's repository and must exist.
    public var localPrefix: String?

    enum CodingKeys: String, CodingKey {
        case placeholder
        case localPrefix = "local-prefix"
    }
}

/// Which file holds copies of which topic files' rows, by the heading they sit under.
public struct MirrorMap: Sendable, Decodable {
    public var file: String
    public var sections: [String: String]
}

public struct RequiredTag: Sendable, Decodable {
    /// The files (a glob relative to the list root) whose entries must carry the badge.
    public var file: String
    /// The badge kind that must be present (`star`, `venue`, `type`).
    public var badge: String
    /// The entry formats the requirement applies to; all formats when absent.
    public var formats: [String]?
}
