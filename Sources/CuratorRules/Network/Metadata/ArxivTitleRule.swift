import CuratorCore

/// An entry whose title is not arXiv's latest title for its paper.
///
/// Lint reports, at the title, an entry linked to an arXiv paper whose title differs from the
/// latest version's once case, punctuation and spacing are set aside: the paper was renamed, or
/// the row names another paper than it links.
/// There is no fix: a renamed paper is worth a look, and the row may link the wrong paper.
struct ArxivTitleRule: Rule {
    static func message(_ latest: String) -> String {
        "title differs from arXiv's latest title \"\(latest)\""
    }

    static let description = RuleDescription(
        id: "arxiv-title",
        summary: "Entry titles match the latest arXiv title of the paper they link, case and punctuation aside.",
        rationale: """
            Papers are renamed between versions, often on acceptance; readers search the list by \
            the title they saw in a talk or a citation, which is the latest one. A title that does \
            not match at all usually means the row links another paper than it names.
            """,
        severity: .warning,
        scope: .network,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-ICML'24-blue)]()<br>↓[Fast Pruning of LLMs](https://arxiv.org/abs/2401.00001) <br> Ann Lee | | |\n",
                facts: Facts(papers: [
                    "2401.00001": PaperFacts(
                        id: "2401.00001", state: .found, title: "SlimLM: One-Shot Pruning of Large Language Models")
                ]))
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[Fast pruning of LLMs](https://arxiv.org/abs/2401.00001) <br> Ann Lee | | |\n"
                    + "|[Slow Pruning](https://arxiv.org/abs/2401.00002) <br> Ann Lee | | |\n",
                facts: Facts(papers: [
                    "2401.00001": PaperFacts(id: "2401.00001", state: .found, title: "Fast Pruning of  LLMs."),
                    "2401.00002": PaperFacts(id: "2401.00002", state: .unknown),
                ]))
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.catalog.entries.compactMap { entry in
            guard let title = entry.title, let paper = MetadataFacts.paper(of: entry, in: context),
                let latest = paper.title
            else { return nil }
            let oneLine = latest.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard TitleNormalizer.normalize(title.text) != TitleNormalizer.normalize(oneLine) else { return nil }
            let offset = entry.titleLink?.range.lowerBound ?? title.range.lowerBound
            return context.finding(Self.self, file: entry.file, offset: offset, message: Self.message(oneLine))
        }
    }
}
