/// One key of a mapping in `RulesetSchema`.
struct SchemaKey: Sendable {
    var name: String
    var value: SchemaValue
    /// Whether the merged ruleset must have the key (a config that `extends` one inherits it).
    var required: Bool
    /// What applies when the key is absent, as the reference states it.
    var defaultValue: String
    var summary: String
    /// The key's value as YAML, shown in the reference and loaded by a test.
    var example: String

    init(
        _ name: String, _ value: SchemaValue, required: Bool = false, default defaultValue: String = "none",
        _ summary: String, example: String
    ) {
        self.name = name
        self.value = value
        self.required = required
        self.defaultValue = defaultValue
        self.summary = summary
        self.example = example
    }
}

/// The shape of a value.
indirect enum SchemaValue: Sendable {
    case string
    /// A string in which only these `{placeholder}`s are replaced.
    case template(placeholders: [String])
    case pattern
    case wholeNumber(minimum: Int)
    /// A finite number, at least `minimum` (above it when `inclusive` is false).
    case number(minimum: Double, inclusive: Bool)
    case boolean
    case choice([String])
    /// A list; `identity` names the key that `remove:` matches items of mappings by.
    case list(SchemaValue, identity: String?)
    /// A mapping with fixed keys, and keys of the list's own choosing when `others` is set.
    case mapping([SchemaKey], others: OtherKeys?)

    /// A mapping whose keys are all of the list's choosing.
    static func dictionary(_ others: OtherKeys) -> SchemaValue { .mapping([], others: others) }

    static func list(_ item: SchemaValue) -> SchemaValue { .list(item, identity: nil) }

    static let strings = SchemaValue.list(.string)
}

/// The keys of a mapping that the list chooses (hosts, labels, headings, rule ids).
struct OtherKeys: Sendable {
    /// What a key names, for messages and the reference (`HOST`).
    var name: String
    var value: SchemaValue
    /// Whether every key must be a rule id of this binary.
    var ruleIDs: Bool
    /// A key to show in the reference's example.
    var example: String

    init(_ name: String, _ value: SchemaValue, ruleIDs: Bool = false, example: String) {
        self.name = name
        self.value = value
        self.ruleIDs = ruleIDs
        self.example = example
    }
}

/// Every key a ruleset or a config file may hold, with its type, its default and an example.
///
/// This one description serves three readers: `SchemaChecker` holds each file to it (unknown
/// keys, rule ids, severities, placeholders and out-of-range values are errors at their line and
/// column), `RulesetLoader.merge` asks it which values are lists (which `add:` and `remove:` edit),
/// and `docs/configuration.md` is generated from it. The readers in `Ruleset.swift` convert the
/// checked tree; in debug builds they assert that every key they read is here.
public enum RulesetSchema {
    /// The severities a rule can be given in `rules:`; `off` switches it off.
    static let severities = Severity.allCases.map(\.rawValue) + ["off"]

    /// The keys `add` and `remove` of a mapping that edits an inherited list.
    static let listEdits = ["add", "remove"]

    static let root = SchemaValue.mapping(topLevel, others: nil)

    static let topLevel: [SchemaKey] = [
        SchemaKey(
            "extends", .string,
            "A shipped ruleset (`awesome-efficient-llm`, `awesome-list`) or a path, relative to this file, of a ruleset this file builds on.",
            example: "awesome-efficient-llm"),
        SchemaKey("name", .string, required: true, "The ruleset's name.", example: "my-paper-list"),
        SchemaKey(
            "description", .string, "What the list's entries look like, for people.", example: "Papers as table rows."),
        SchemaKey(
            "files",
            .mapping(
                [
                    SchemaKey(
                        "include", .strings, required: true,
                        "Globs, relative to the list's root, of the markdown files that are the list (`*` stays within one folder).",
                        example: "[\"*.md\", \"*/README.md\"]"),
                    SchemaKey(
                        "exclude", .strings, default: "[]", "Globs of files to leave out.", example: "[CHANGELOG.md]"),
                ], others: nil),
            required: true, "Which files are the list.", example: "{include: [\"*.md\"]}"),
        SchemaKey(
            "formats", .list(.mapping(formatKeys, others: nil), identity: "id"), required: true,
            "The shapes of the list's entries: table rows, told by their table's first header cell, and bullets, told by their file.",
            example:
                "[{id: paper-bullet, kind: bullet, files: [\"*.md\"], marker: \"-\", fields: [title, description]}]"),
        SchemaKey(
            "badges",
            .mapping(
                [
                    SchemaKey("star", badgeShape, "The star badge of a repository.", example: starBadgeExample),
                    SchemaKey("venue", badgeShape, "The badge that names the venue.", example: venueBadgeExample),
                    SchemaKey(
                        "type", badgeShape, "A badge that names a kind of paper or method.", example: typeBadgeExample),
                ], others: nil),
            default: "no badges are recognised", "The badges of an entry and how each is written.",
            example: "{star: \(starBadgeExample)}"),
        SchemaKey(
            "links",
            .mapping(
                [
                    SchemaKey(
                        "spelled", .dictionary(OtherKeys("LABEL", .string, example: "paper")), default: "{}",
                        "Wrong spellings of labels, each mapped to the list's own spelling (reported by link-label).",
                        example: "{paper: Paper}")
                ], others: OtherKeys("LABEL", .string, example: "Paper")),
            default: "no labels are known",
            "The labels of an entry's links, each mapped to what the link is (`code`, `paper`, `project`, ...).",
            example: "{Github: code, Paper: paper, spelled: {github: Github}}"),
        SchemaKey(
            "venues",
            .mapping(
                [
                    SchemaKey(
                        "label", .template(placeholders: ["venue", "yy", "yyyy", "qualifier"]), required: true,
                        "How a venue badge labels a venue, as the badge URL writes it (`_` for a space): `{venue}` is its name, `{yy}` the year's last two digits, `{yyyy}` the whole year, `{qualifier}` where a qualifier goes (after the year, following a space, when absent).",
                        example: "\"{venue}'{yy}\""),
                    SchemaKey(
                        "qualifiers", .strings, default: "[]", "Words a label may add after the year.",
                        example: "[Findings, Oral]"),
                    SchemaKey(
                        "names", .strings, required: true, "The venues, as the list spells them.",
                        example: "[ICLR, ICML, NeurIPS]"),
                    SchemaKey(
                        "journals", .strings, default: "[]",
                        "Venues that are journals: their badges are of the kind `Journal`, not `Conference`.",
                        example: "[TMLR]"),
                    SchemaKey(
                        "aliases", .dictionary(OtherKeys("VENUE", .strings, example: "NAACL")), default: "{}",
                        "Other ways papers write a venue of `names` (full names, proceedings titles, older abbreviations), read in arXiv's journal reference and comment.",
                        example:
                            "{NAACL: [NAACL-HLT, North American Chapter of the Association for Computational Linguistics]}"
                    ),
                ], others: nil),
            default: "venue labels are not checked", "The venue vocabulary and label format.",
            example: "{label: \"{venue}'{yy}\", names: [ICLR, ICML]}"),
        SchemaKey(
            "star",
            .mapping(
                [
                    SchemaKey(
                        "mark", .string, required: true, "The mark of a recommended paper, before its title.",
                        example: "\":star:\""),
                    SchemaKey(
                        "min-stars", .wholeNumber(minimum: 0),
                        "The GitHub stars that make a paper a candidate for the mark.",
                        example: "1000"),
                    SchemaKey(
                        "min-citations", .wholeNumber(minimum: 0),
                        "The citations that make a paper a candidate for the mark.",
                        example: "500"),
                    SchemaKey(
                        "far-below", .number(minimum: 0, inclusive: true),
                        "A marked paper below this fraction of both thresholds is reported as marked far below them.",
                        example: "0.1"),
                    SchemaKey(
                        "write", .boolean, default: "false",
                        "Whether `curator refresh --write` adds the mark to candidates.",
                        example: "false"),
                ], others: nil),
            default: "no mark", "Recommended papers.", example: "{mark: \":star:\", min-stars: 1000}"),
        SchemaKey(
            "figures",
            .mapping(
                [
                    SchemaKey(
                        "placeholder", .pattern, "Image sources that are placeholders, not figures.",
                        example: "'^(?:\\s*|.*/)$'"),
                    SchemaKey(
                        "local-prefix", .string,
                        "Sources with this prefix are files of the list's repository and must exist.",
                        example: "figures/"),
                ], others: nil),
            default: "figures are not checked", "An entry's figure.", example: "{local-prefix: figures/}"),
        SchemaKey(
            "mirrors",
            .mapping(
                [
                    SchemaKey(
                        "file", .string, required: true, "The file that holds copies of other files' entries.",
                        example: "README.md"),
                    SchemaKey(
                        "sections", .dictionary(OtherKeys("HEADING", .string, example: "Quantization")), required: true,
                        "Each heading of `file`, mapped to the file whose entries it copies.",
                        example: "{Quantization: quantization.md}"),
                ], others: nil),
            default: "no file mirrors another", "A file that copies other files' entries.",
            example: "{file: README.md, sections: {Quantization: quantization.md}}"),
        SchemaKey(
            "required-tags",
            .list(
                .mapping(
                    [
                        SchemaKey(
                            "file", .string, required: true, "A glob of the files whose entries must carry the badge.",
                            example: "project/readme.md"),
                        SchemaKey(
                            "badge", .choice(["star", "venue", "type"]), required: true, "The kind of badge.",
                            example: "star"),
                        SchemaKey(
                            "formats", .strings, default: "every format",
                            "The entry formats (ids) the requirement applies to.",
                            example: "[project-bullet]"),
                    ], others: nil), identity: "file"),
            default: "[]", "Badges that every entry of some files carries.",
            example: "[{file: project/readme.md, badge: star}]"),
        SchemaKey(
            "authors",
            .mapping(
                [
                    SchemaKey(
                        "et-al", .choice(["allowed", "forbidden"]), default: "forbidden",
                        "Whether an entry may name the first authors followed by \"et al\".", example: "allowed"),
                    SchemaKey(
                        "after", .wholeNumber(minimum: 1), default: "1", "How many authors come before \"et al\".",
                        example: "4"),
                ], others: nil),
            default: "every author is named", "How the list shortens long author lists.",
            example: "{et-al: allowed, after: 4}"),
        SchemaKey(
            "propose",
            .mapping(
                [
                    SchemaKey(
                        "labels", .dictionary(OtherKeys("ROLE", .string, example: "code")),
                        default: "the first label of each role in `links`",
                        "The label to write for each link role.", example: "{code: Github, paper: Paper}"),
                    SchemaKey(
                        "figure", .template(placeholders: ["id", "version"]), default: "no figure",
                        "The image source of a new entry: `{id}` is the arXiv id, `{version}` its latest version.",
                        example: "'https://arxiv.org/html/{id}v{version}/x1.png'"),
                    SchemaKey(
                        "figure-width", .wholeNumber(minimum: 1), "The figure's width attribute.", example: "1002"),
                    SchemaKey(
                        "insert",
                        .mapping(
                            [
                                SchemaKey(
                                    "topic", .choice(["top", "bottom"]), default: "top",
                                    "Where a topic file's section takes a new entry.", example: "bottom"),
                                SchemaKey(
                                    "mirror", .choice(["top", "bottom"]), default: "top",
                                    "Where the mirror file's section takes it.", example: "top"),
                            ], others: nil),
                        default: "{topic: top, mirror: top}", "Where new entries go.",
                        example: "{topic: bottom, mirror: top}"),
                    SchemaKey(
                        "pinned", .pattern, "A date comment of rows that stay above new ones in the mirror file.",
                        example: "'^\\[//\\]: #Recommend$'"),
                    SchemaKey(
                        "topics",
                        .list(
                            .mapping(
                                [
                                    SchemaKey(
                                        "name", .string, required: true, "The topic's name, for `--section`.",
                                        example: "pruning"),
                                    SchemaKey(
                                        "file", .string, required: true, "The file of the topic.", example: "pruning.md"
                                    ),
                                    SchemaKey(
                                        "heading", .string, default: "the file's first table of entries",
                                        "The section of the file.", example: "Pruning"),
                                    SchemaKey(
                                        "keywords", .strings, required: true,
                                        "Words of a title or abstract that suggest the topic.",
                                        example: "[pruning, sparsity]"),
                                ], others: nil), identity: "name"),
                        required: true, "The topics a new paper can go to.",
                        example: "[{name: pruning, file: pruning.md, keywords: [pruning, sparsity]}]"),
                ], others: nil),
            default: "`curator propose` refuses to write", "Where and how `curator propose` writes new entries.",
            example: "{topics: [{name: pruning, file: pruning.md, keywords: [pruning]}]}"),
        SchemaKey(
            "rules", .dictionary(OtherKeys("RULE-ID", .choice(severities), ruleIDs: true, example: "trailing-space")),
            default: "every rule at its own severity",
            "A severity for a rule (`error`, `warning`, `info`), or `off`. Quote `off` or not: both read as the word.",
            example: "{trailing-space: \"off\", venue-label: error}"),
        SchemaKey(
            "exclude", .list(.pattern), default: "[]",
            "URLs (regular expressions) that are never checked over the network.",
            example: "['^https://www\\.linkedin\\.com/']"),
        SchemaKey(
            "http",
            .mapping(
                [
                    SchemaKey(
                        "concurrency", .wholeNumber(minimum: 1), default: "64", "Requests in flight across all hosts.",
                        example: "64"),
                    SchemaKey(
                        "timeout", .number(minimum: 0, inclusive: false), default: "20",
                        "Seconds allowed for one attempt at a link, redirects included.", example: "20"),
                    SchemaKey(
                        "retries", .wholeNumber(minimum: 0), default: "2", "Attempts after a transient failure.",
                        example: "2"),
                    SchemaKey(
                        "per-host", hostSettings(defaults: ("8", "0")), default: "{concurrency: 8, spacing: 0}",
                        "The limits of a host that `hosts` does not name.", example: "{concurrency: 8}"),
                    SchemaKey(
                        "hosts",
                        .dictionary(
                            OtherKeys(
                                "HOST", hostSettings(defaults: ("`per-host`'s", "`per-host`'s")),
                                example: "huggingface.co")), default: "{}",
                        "Limits for named hosts, compared case-insensitively.",
                        example: "{huggingface.co: {concurrency: 2, spacing: 0.5}}"),
                ], others: nil),
            default: "the defaults of each key", "How hard the link checker may press remote hosts.",
            example: "{concurrency: 64, timeout: 20}"),
        SchemaKey(
            "duplicates",
            .mapping(
                [
                    SchemaKey(
                        "scope", .choice(DuplicatePolicy.Scope.allCases.map(\.rawValue)), default: "list",
                        "Where a paper may appear once: in the whole `list`, in each `file`, or in each `section` (a list that repeats papers under a second heading on purpose).",
                        example: "section")
                ], others: nil),
            default: "{scope: list}", "What counts as a paper listed twice.", example: "{scope: file}"),
        SchemaKey(
            "cache",
            .mapping(
                [
                    SchemaKey(
                        "path", .string, default: ".curator/links.json", "The cache file, relative to the list's root.",
                        example: ".curator/links.json"),
                    SchemaKey(
                        "max-age", .string, default: "1d", "How long a verdict holds: `90m`, `36h`, `7d` or seconds.",
                        example: "36h"),
                ], others: nil),
            default: "the defaults of each key", "Where link verdicts are kept between runs.", example: "{max-age: 36h}"
        ),
    ]

    static let formatKeys: [SchemaKey] = [
        SchemaKey(
            "id", .string, required: true, "The format's name, for findings and `required-tags`.", example: "paper-row"),
        SchemaKey(
            "kind", .choice(EntryFormat.Kind.allCases.map(\.rawValue)), required: true, "A table row or a bullet.",
            example: "table-row"),
        SchemaKey(
            "header", .string, "Table rows: the first header cell of a table of this format.",
            example: "\"Title & Authors\""),
        SchemaKey(
            "columns", .list(.choice(EntryFormat.Column.allCases.map(\.rawValue))),
            "Table rows: what each column holds.", example: "[paper, image, links]"),
        SchemaKey(
            "fields", .list(.choice(EntryFormat.Field.allCases.map(\.rawValue))),
            "The pieces of an entry, in the order the format prescribes.",
            example: "[badges, star-mark, title, authors]"),
        SchemaKey("separator", .string, "The separator between the fields of a table cell.", example: "\"<br>\""),
        SchemaKey(
            "date-comment", .pattern, "Table rows: what the text after the row's last cell must match.",
            example: "'^\\[//\\]: #\\d\\d/\\d\\d$'"),
        SchemaKey(
            "files", .strings, "Bullets: globs of the files whose bullets are entries of this format.",
            example: "[survey.md]"),
        SchemaKey(
            "marker", .string, default: "every marker",
            "Bullets: the list marker; `1.` or `1)` stands for every numbered item.", example: "\"*\""),
        SchemaKey(
            "title-style", .choice(EntryFormat.TitleStyle.allCases.map(\.rawValue)), default: "link",
            "How a title is written: `link` (`[Title](url)`), `bold` (`**Title**`, its links after it) or `text` (plain text before the first `<br>`, its links after it).",
            example: "bold"),
        SchemaKey(
            "skip-sections", .strings, default: "[]",
            "Headings whose tables and lists are not entries of this format (news, contents, guidelines).",
            example: "[News, Contributing]"),
    ]

    static let badgeShape = SchemaValue.mapping(
        [
            SchemaKey("alt", .string, "The image's alt text.", example: "Star"),
            SchemaKey(
                "match", .pattern, required: true,
                "A regular expression on the image URL that tells a badge of this kind.",
                example: "'^https?://img\\.shields\\.io/github/stars/'"),
            SchemaKey(
                "canonical", .template(placeholders: ["owner", "repo"]),
                "The exact URL of a star badge: `{owner}` and `{repo}` name the repository.",
                example: "'https://img.shields.io/github/stars/{owner}/{repo}.svg?style=social&label=Star'"),
            SchemaKey(
                "kinds", .strings, "The first dash-separated part of a static badge.", example: "[Conference, Journal]"),
            SchemaKey(
                "parts", .wholeNumber(minimum: 1),
                "How many dash-separated parts a static badge has (a literal dash is `--`).",
                example: "3"),
        ], others: nil)

    /// The limits of one host; `defaults` says what applies to a limit the file does not set.
    static func hostSettings(defaults: (concurrency: String, spacing: String)) -> SchemaValue {
        .mapping(
            [
                SchemaKey(
                    "concurrency", .wholeNumber(minimum: 1), default: defaults.concurrency,
                    "Requests in flight to the host.", example: "2"),
                SchemaKey(
                    "spacing", .number(minimum: 0, inclusive: true), default: defaults.spacing,
                    "Seconds between the starts of two requests to the host.", example: "0.5"),
            ], others: nil)
    }

    static let starBadgeExample = "{alt: Star, match: '^https?://img\\.shields\\.io/github/stars/'}"
    static let venueBadgeExample = "{alt: Publish, match: '^https?://img\\.shields\\.io/badge/Conference-', parts: 3}"
    static let typeBadgeExample = "{alt: Type, match: '^https?://img\\.shields\\.io/badge/', parts: 2}"
}

extension SchemaValue {
    /// The shape of the value under `key` of a mapping of this shape, or nil when the mapping has
    /// no such key.
    func child(_ key: String) -> SchemaValue? {
        guard case .mapping(let keys, let others) = self else { return nil }
        return keys.first { $0.name == key }?.value ?? others?.value
    }

    /// The shape of an item of a list of this shape.
    var item: SchemaValue? {
        guard case .list(let item, _) = self else { return nil }
        return item
    }

    /// The shape at a path of the merged tree, or nil when the path leaves the schema.
    func at(_ path: [RulesetNode.Step]) -> SchemaValue? {
        var current = self
        for step in path {
            switch step {
            case .key(let key):
                guard let next = current.child(key) else { return nil }
                current = next
            case .index:
                guard let next = current.item else { return nil }
                current = next
            }
        }
        return current
    }
}
