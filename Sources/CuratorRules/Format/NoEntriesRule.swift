import CuratorCore

/// A list file from which no entry could be read, though links stand in its lists and tables.
///
/// Lint reports each such file once, at the first web link inside a list item or a table body
/// row: none of the ruleset's formats matched the file's entries, so every other check passed
/// them unseen. Links in paragraphs and headings are not counted, nor anchors and relative links
/// (a table of contents), since those stand in any markdown file.
/// There is no fix: the format is described in the config (`formats`), or the file is left out
/// (`files.exclude`).
struct NoEntriesRule: Rule {
    static func message(links: Int, ruleset: String) -> String {
        "no entries read from this file, though \(links) \(links == 1 ? "link stands" : "links stand") in its lists and tables: the ruleset '\(ruleset)' describes no format they have (set `formats` in .curator.yml), or leave the file out with `files.exclude`"
    }

    static let description = RuleDescription(
        id: "no-entries",
        summary: "A list file yields entries.",
        rationale: """
            A list whose entries match none of the ruleset's formats reads as empty, and an empty \
            list passes every check: its dead links, duplicates and typos go unreported. Saying so \
            turns a silent pass into a pointer at the configuration.
            """,
        severity: .warning,
        triggering: [
            Example(
                "# A list\n\n1. ↓[First paper](https://arxiv.org/abs/2401.00001) - A description.\n2. [Second paper](https://arxiv.org/abs/2401.00002) - Another.\n",
                path: "README.md", ruleset: "awesome-list"),
            Example(
                "# Papers\n\n| Paper | Code |\n| --- | --- |\n| ↓[Title](https://arxiv.org/abs/2401.00001) | [code](https://github.com/a/b) |\n",
                path: "survey.md"),
        ],
        nonTriggering: [
            Example(
                "# A list\n\n- [First paper](https://arxiv.org/abs/2401.00001) - A description.\n",
                path: "README.md", ruleset: "awesome-list"),
            Example(
                "# A list\n\nSee [the site](https://example.org) for more.\n\n- [Contents](#a-list)\n",
                path: "README.md", ruleset: "awesome-list"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let filesWithEntries = Set(context.catalog.entries.map(\.file))
        var findings: [Finding] = []
        for (document, _) in context.workspace.documents where !filesWithEntries.contains(document.path) {
            var links: [MarkdownNode] = []
            collect(document.root, inEntryPlace: false, into: &links)
            guard let first = links.first else { continue }
            findings.append(
                context.finding(
                    Self.self, file: document.path, offset: document.range(of: first).lowerBound,
                    message: Self.message(links: links.count, ruleset: context.ruleset.ruleset.name)))
        }
        return findings
    }

    /// The web links under list items and table body rows, where entries stand.
    private func collect(_ node: MarkdownNode, inEntryPlace: Bool, into links: inout [MarkdownNode]) {
        var child = node.firstChild
        while let current = child {
            let entryPlace = inEntryPlace || current.kind == .item || current.kind == .tableRow
            if current.kind == .link, entryPlace, LinkOccurrence.isWebURL(current.url ?? "") {
                links.append(current)
            }
            collect(current, inEntryPlace: entryPlace, into: &links)
            child = current.nextSibling
        }
    }
}
