/// Writes the commented `.curator.yml` that `curator init` proposes for a detected list.
public enum ConfigWriter {
    /// The role a link label most likely plays, from its words; nil for a label of no known role.
    static func role(ofLabel label: String) -> String? {
        let word = label.lowercased()
        let roles: [(role: String, words: [String])] = [
            ("paper", ["paper", "pdf", "arxiv", "report", "docs", "openreview"]),
            ("code", ["code", "github", "pytorch", "jax", "tensorflow", "repo", "link"]),
            ("blog", ["blog", "summary", "notes", "note"]),
            ("project", ["project", "homepage", "page", "website"]),
            ("model", ["model", "models", "huggingface", "weights"]),
            ("dataset", ["dataset", "data", "benchmark"]),
            ("demo", ["demo"]),
        ]
        return roles.first { $0.words.contains(word) }?.role
    }

    /// A YAML scalar in single quotes, which need no escapes but a doubled quote.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// The config text. `name` names the list; `venues` is the vocabulary to copy when the list
    /// writes the shipped `Conference-VENUE'YY` badges.
    /// A rule that `curator init` switches off, and why: it reported most entries of the list,
    /// which then write the thing it checks their own way.
    public struct RuleChoice {
        public var id: String
        public var findings: Int
        public var entries: Int

        public init(id: String, findings: Int, entries: Int) {
            self.id = id
            self.findings = findings
            self.entries = entries
        }
    }

    /// The style rules whose findings on most entries say how a list writes, not what is wrong:
    /// PDF links instead of abstract pages, star badges that are the code link themselves, its
    /// own field order. Rules of defects (duplicates, dead or malformed links) are never chosen.
    public static let styleRules: Set<String> = [
        "arxiv-link", "missing-star-badge", "field-order", "link-label", "field-separator", "date-comment",
        "badge-label-dash", "star-badge-url",
    ]

    /// The style rules to switch off: those reporting at least a quarter of the entries.
    public static func choices(findings: [String: Int], entries: Int) -> [RuleChoice] {
        findings.filter { styleRules.contains($0.key) && $0.value * 4 >= entries && entries > 0 }
            .sorted { $0.key < $1.key }
            .map { RuleChoice(id: $0.key, findings: $0.value, entries: entries) }
    }

    /// The shipped badge kinds, and the list's own kinds used on two badges or more.
    static func venueKinds(_ detection: FormatDetector.Detection) -> [String] {
        let shipped = ["Conference", "Journal", "Workshop"]
        return shipped + detection.venueKinds.filter { $0.value >= 2 && !shipped.contains($0.key) }.keys.sorted()
    }

    /// How often the list repeats a paper (one arXiv id) within one section and across two sections of
    /// one file.
    public struct Repeats {
        public var withinSection = 0
        public var acrossSections = 0

        /// Papers repeated under a second heading more often than within one say that the list
        /// repeats them on purpose (a "Trending" section, a paper in each of its topics).
        public var scope: DuplicatePolicy.Scope? {
            acrossSections >= 2 && acrossSections > withinSection ? .section : nil
        }

        /// Counts the repeats among a catalog's entries.
        public init(_ catalog: Catalog) {
            for indexes in catalog.byArxivID.values where indexes.count > 1 {
                let entries = indexes.map { catalog.entries[$0] }
                for (position, entry) in entries.enumerated() {
                    guard let earlier = entries[..<position].last(where: { $0.file == entry.file }) else { continue }
                    if earlier.sectionPath == entry.sectionPath { withinSection += 1 } else { acrossSections += 1 }
                }
            }
        }
    }

    public static func render(
        _ detection: FormatDetector.Detection, name: String, venues: VenueVocabulary?, rules: [RuleChoice] = [],
        repeats: Repeats? = nil
    ) -> String {
        var out: [String] = []
        out.append("# Written by `curator init` from the list's own markdown; edit it to taste.")
        out.append("# Every key is described in docs/configuration.md (`curator rules --config-reference`).")
        out.append("name: \(quoted(name))")
        out.append("")
        out.append("# The files that hold entries.")
        out.append("files:")
        out.append("  include: \(list(detection.files))")
        out.append("")
        out.append("# How entries look: a table belongs to a format when its first header cell is `header`;")
        out.append("# an item when its file matches `files` and it starts with `marker`.")
        out.append("formats:")
        for (index, table) in detection.tables.enumerated() {
            out.append("  # \(table.rows) rows.")
            out.append("  - id: \(quoted(index == 0 ? "paper-row" : "paper-row-\(index + 1)"))")
            out.append("    kind: table-row")
            out.append("    header: \(quoted(table.header))")
            out.append("    columns: [\(table.columns.map(\.rawValue).joined(separator: ", "))]")
            if !table.fields.isEmpty {
                out.append("    fields: [\(table.fields.map(\.rawValue).joined(separator: ", "))]")
            }
            if let separator = table.separator { out.append("    separator: \(quoted(separator))") }
            if table.titleStyle == .text { out.append("    title-style: text") }
            if table.dateComment { out.append("    date-comment: '^\\[//\\]: #.*$'") }
        }
        for (index, item) in detection.items.enumerated() {
            out.append("  # \(item.items) items.")
            out.append("  - id: \(quoted(index == 0 ? "paper-item" : "paper-item-\(index + 1)"))")
            out.append("    kind: bullet")
            out.append("    files: \(list(item.files))")
            out.append("    marker: \(quoted(item.marker))")
            out.append("    fields: [\(item.fields.map(\.rawValue).joined(separator: ", "))]")
            if item.titleStyle == .bold { out.append("    title-style: bold") }
            if !item.skipSections.isEmpty {
                out.append("    # Sections whose items of this marker hold no title: not entries.")
                out.append("    skip-sections: \(list(item.skipSections))")
            }
        }
        if detection.starBadges > 0 || venues != nil {
            out.append("")
            out.append("badges:")
            if detection.starBadges > 0 {
                out.append("  # \(detection.starBadges) GitHub star badges.")
                out.append("  star:")
                out.append("    match: '^https?://img\\.shields\\.io/github/stars/'")
            }
            if venues != nil {
                out.append("  # \(detection.publishBadges) venue badges written `Conference-VENUE'YY`.")
                out.append("  venue:")
                out.append("    alt: Publish")
                out.append("    match: '^https?://img\\.shields\\.io/badge/(Conference|Journal|Workshop)-'")
                out.append("    kinds: \(list(venueKinds(detection)))")
                out.append("    parts: 3")
            }
        }
        // A label of no known word whose links mostly go to GitHub (`Python/C++`) names the code.
        let labelled = detection.linkLabels.compactMap { entry in
            (role(ofLabel: entry.label) ?? (entry.toGitHub * 2 > entry.count ? "code" : nil)).map { (entry.label, $0) }
        }
        out.append("")
        out.append("# Link labels as the list writes them, and what each link is.")
        out.append("links:")
        for (label, role) in labelled { out.append("  \(quoted(label)): \(role)") }
        out.append("  spelled: {}")
        if let venues {
            out.append("")
            out.append(
                "# The venue vocabulary of the shipped awesome-efficient-llm ruleset, whose badges the list uses.")
            out.append("venues:")
            out.append("  label: \(quoted(venues.label))")
            if let qualifiers = venues.qualifiers { out.append("  qualifiers: \(list(qualifiers))") }
            let known = Set(venues.names.map { $0.lowercased() })
            let added = detection.venueNames.filter { $0.value >= 2 && !known.contains($0.key.lowercased()) }.keys
                .sorted()
            if !added.isEmpty {
                out.append("  # Venues of the list's own badges, each on two badges or more: \(list(added)).")
            }
            out.append("  names: \(list(venues.names + added))")
            if let journals = venues.journals { out.append("  journals: \(list(journals))") }
        }
        if let repeats, let scope = repeats.scope {
            out.append("")
            out.append(
                "# \(repeats.acrossSections) papers are listed again under another heading, \(repeats.withinSection) twice under one:"
            )
            out.append("# a paper is a duplicate only within its section.")
            out.append("duplicates:")
            out.append("  scope: \(scope.rawValue)")
        }
        if !rules.isEmpty {
            out.append("")
            out.append("# Style rules that reported most entries: the list writes these its own way.")
            out.append("rules:")
            for rule in rules {
                out.append("  # \(rule.findings) findings on \(rule.entries) entries before this line.")
                out.append("  \(rule.id): \"off\"")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
