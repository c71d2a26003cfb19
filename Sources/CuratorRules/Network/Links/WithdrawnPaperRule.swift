import CuratorCore

/// A paper its authors have withdrawn from arXiv.
///
/// Lint reports each entry whose arXiv paper's latest version is a withdrawal notice, at the
/// entry's first link to the paper. There is no fix: whether a withdrawn paper stays on the list
/// is the maintainers' call.
struct WithdrawnPaperRule: Rule {
    static func message(_ id: String, _ comment: String?) -> String {
        "arXiv paper \(id) has been withdrawn\(comment.map { ": \($0)" } ?? "")"
    }

    static let description = RuleDescription(
        id: "withdrawn-paper",
        summary: "Listed papers have not been withdrawn from arXiv.",
        rationale: """
            A withdrawn paper's page shows only the withdrawal notice; its authors no longer stand \
            by it, which readers of a curated list deserve to know.
            """,
        severity: .warning,
        scope: .network,
        triggering: [
            Example(
                LinkExamples.row(title: "[Paper](↓https://arxiv.org/abs/2401.00001)", links: ""),
                facts: facts(.withdrawn))
        ],
        nonTriggering: [
            Example(
                LinkExamples.row(title: "[Paper](https://arxiv.org/abs/2401.00001)", links: ""), facts: facts(.found))
        ]
    )

    static func facts(_ state: PaperFacts.State) -> Facts {
        Facts(papers: [
            "2401.00001": PaperFacts(
                id: "2401.00001", state: state, comment: state == .withdrawn ? "This paper has been withdrawn" : nil)
        ])
    }

    func check(_ context: LintContext) -> [Finding] {
        guard let facts = context.facts else { return [] }
        return context.catalog.entries.compactMap { entry in
            guard let id = entry.arxivID, let paper = facts.papers[id.base], paper.state == .withdrawn,
                let occurrence = entry.checkableLinks.first(where: { ArxivID(url: $0.url) == id })
            else { return nil }
            return context.finding(
                Self.self, file: entry.file, offset: occurrence.offset, message: Self.message(id.base, paper.comment))
        }
    }
}
