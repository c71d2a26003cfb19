import CuratorCore

/// An entry whose authors are missing or are not arXiv's authors of the paper.
///
/// Lint reports an entry of a format with authors that names none, after the title, and one whose
/// names differ from arXiv's beyond the list's truncation convention (`authors: {et-al: allowed,
/// after: N}`: the first N or more names of arXiv's list followed by "et al"), at the authors.
/// Names compare without accents, case and punctuation, and a shortened first name is the same
/// person. The fix writes arXiv's names into an entry that has none; differing names need a person.
struct ArxivAuthorsRule: Rule {
    static func missingMessage(_ count: Int) -> String {
        "entry names no authors; arXiv lists \(count)"
    }

    static func differentMessage(notOnArxiv: [String], missing: [String]) -> String {
        var parts: [String] = []
        if !notOnArxiv.isEmpty { parts.append("not on arXiv: \(notOnArxiv.joined(separator: ", "))") }
        if !missing.isEmpty { parts.append("missing: \(missing.joined(separator: ", "))") }
        return "authors differ from arXiv's (\(parts.joined(separator: "; ")))"
    }

    static func etAlMessage(_ names: Int, convention: AuthorConvention?) -> String {
        guard let convention, convention.allowsEtAl else { return "the list names every author, not \"et al\"" }
        return "\"et al\" after \(names) names; the list names at least \(convention.after ?? 1) before it"
    }

    static let description = RuleDescription(
        id: "arxiv-authors",
        summary: "Entries name arXiv's authors of the paper, shortened only as the list's convention allows.",
        rationale: """
            Readers find papers by their authors, and authors check that the list credits them. A \
            row copied from a neighbour, or written before an author was added, credits the wrong \
            people; a row with no authors credits nobody. Long lists may end in "et al" where the \
            ruleset allows it, after the number of names it asks for.
            """,
        severity: .warning,
        scope: .network,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[A](https://arxiv.org/abs/2401.00001) <br> ↓Ann Lee, Bo Chen | | |\n"
                    + "|[B](https://arxiv.org/abs/2401.00002) <br> ↓Ann Lee et al | | |\n"
                    + "|[C](https://arxiv.org/abs/2401.00003)↓ | | |\n",
                facts: Facts(papers: [
                    "2401.00001": PaperFacts(id: "2401.00001", state: .found, authors: ["Ann Lee", "Carl Diaz"]),
                    "2401.00002": PaperFacts(
                        id: "2401.00002", state: .found,
                        authors: ["Ann Lee", "Bo Chen", "Carl Diaz", "Dan Eze", "Eve Fox"]),
                    "2401.00003": PaperFacts(id: "2401.00003", state: .found, authors: ["Ann Lee"]),
                ]))
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[A](https://arxiv.org/abs/2401.00001) <br> Björn Deiseroth, J. Zico Kolter and Eve Fox | | |\n"
                    + "|[B](https://arxiv.org/abs/2401.00002) <br> Ann Lee, Bo Chen, Carl Diaz, Dan Eze et al | | |\n",
                facts: Facts(papers: [
                    "2401.00001": PaperFacts(
                        id: "2401.00001", state: .found, authors: ["Bjorn Deiseroth", "J. Zico Kolter", "Eve Fox"]),
                    "2401.00002": PaperFacts(
                        id: "2401.00002", state: .found,
                        authors: ["Ann Lee", "Bo Chen", "Carl Diaz", "Dan Eze", "Eve Fox", "Fay Gu"]),
                ]))
        ],
        corrections: [
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                        + "|[A](https://arxiv.org/abs/2401.00001)↓ |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2401.00001)|\n",
                    facts: Facts(papers: [
                        "2401.00001": PaperFacts(id: "2401.00001", state: .found, authors: ["Ann Lee", "Bo Chen"])
                    ])),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[A](https://arxiv.org/abs/2401.00001) <br> Ann Lee, Bo Chen |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2401.00001)|\n"
            ),
            Correction(
                Example(
                    "* [Survey](https://arxiv.org/abs/2401.00001).↓ [[Paper]](https://arxiv.org/abs/2401.00001)\n",
                    path: "survey.md",
                    facts: Facts(papers: [
                        "2401.00001": PaperFacts(id: "2401.00001", state: .found, authors: ["Ann Lee"])
                    ])),
                "* [Survey](https://arxiv.org/abs/2401.00001). Ann Lee. [[Paper]](https://arxiv.org/abs/2401.00001)\n"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let convention = context.ruleset.ruleset.authors
        return context.catalog.entries.compactMap { entry in
            guard MetadataFacts.format(of: entry, in: context, has: .authors), let titleLink = entry.titleLink,
                let paper = MetadataFacts.paper(of: entry, in: context), !paper.authors.isEmpty
            else { return nil }
            guard let field = entry.authors else { return missing(entry, titleLink, paper, convention, context) }
            let (names, etAl) = AuthorNames.parse(field.text)
            if etAl {
                let least = convention?.allowsEtAl == true ? (convention?.after ?? 1) : Int.max
                if names.count < least {
                    return context.finding(
                        Self.self, file: entry.file, offset: field.range.lowerBound,
                        message: Self.etAlMessage(names.count, convention: convention))
                }
            }
            let expected = etAl ? Array(paper.authors.prefix(names.count)) : paper.authors
            let notOnArxiv = names.filter { name in !expected.contains { AuthorNames.same($0, name) } }
            let missing = expected.filter { name in !names.contains { AuthorNames.same($0, name) } }
            guard !notOnArxiv.isEmpty || !missing.isEmpty else { return nil }
            return context.finding(
                Self.self, file: entry.file, offset: field.range.lowerBound,
                message: Self.differentMessage(notOnArxiv: notOnArxiv, missing: missing))
        }
    }

    private func missing(
        _ entry: Entry, _ titleLink: Link, _ paper: PaperFacts, _ convention: AuthorConvention?, _ context: LintContext
    ) -> Finding {
        let end = titleLink.range.upperBound
        let written = AuthorNames.written(paper.authors, convention: convention)
        let summary = "write arXiv's authors"
        var fix: Fix?
        if entry.kind == .tableRow {
            let separator = context.ruleset.ruleset.formats.first { $0.id == entry.formatID }?.separator ?? "<br>"
            fix = context.replace(end..<end, in: entry.file, with: " \(separator) \(written)", summary: summary)
        } else if context.text(end..<(end + 1), in: entry.file) == "." {
            // Bullets read `[Title](url). Authors. [[Paper]](url)`: the authors go after the title's full stop.
            fix = context.replace((end + 1)..<(end + 1), in: entry.file, with: " \(written).", summary: summary)
        }
        let offset = entry.kind == .tableRow ? end : end + 1
        return context.finding(
            Self.self, file: entry.file, offset: offset, message: Self.missingMessage(paper.authors.count), fix: fix)
    }
}
