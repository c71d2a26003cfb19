import CuratorCore

/// An entry whose code repository GitHub reports as archived.
///
/// Lint reports, at the code link (or the star badge), an entry whose repository is archived: it is
/// read-only, its issues are closed and it will not follow new library versions. Renamed and
/// deleted repositories are link findings of the link checker, not of this rule.
/// There is no fix: the row stays right, and whether to keep recommending the code is a person's call.
struct RepositoryArchivedRule: Rule {
    static func message(_ repository: RepositoryReference) -> String {
        "repository \(repository) is archived on GitHub"
    }

    static let description = RuleDescription(
        id: "repository-archived",
        summary: "Entries whose code repository is archived on GitHub are pointed out.",
        rationale: """
            An archived repository no longer takes issues or fixes; readers who pick a method by \
            its code deserve to know before they try it, and maintainers may want to drop its star \
            mark or point to a maintained fork.
            """,
        severity: .info,
        scope: .network,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Star](https://img.shields.io/github/stars/old/tool.svg?style=social&label=Star)](https://github.com/old/tool)<br>[A](https://arxiv.org/abs/2401.00001) <br> Ann Lee | |↓[Github](https://github.com/old/tool) <br> [Paper](https://arxiv.org/abs/2401.00001)|\n",
                facts: Facts(repositories: [
                    "old/tool": RepositoryFacts(requested: RepositoryReference(owner: "old", name: "tool"), state: .found, stars: 80, archived: true)
                ]))
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[A](https://arxiv.org/abs/2401.00001) <br> Ann Lee | |[Github](https://github.com/live/tool)|\n"
                    + "|[B](https://arxiv.org/abs/2401.00002) <br> Ann Lee | |[Github](https://github.com/gone/tool)|\n",
                facts: Facts(repositories: [
                    "live/tool": RepositoryFacts(requested: RepositoryReference(owner: "live", name: "tool"), state: .found, stars: 80),
                    "gone/tool": RepositoryFacts(requested: RepositoryReference(owner: "gone", name: "tool"), state: .missing),
                ]))
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.catalog.entries.compactMap { entry in
            guard let facts = MetadataFacts.repository(of: entry, in: context), facts.state == .found, facts.archived
            else { return nil }
            let shown = facts.canonical ?? facts.requested
            let offset = entry.codeLinks.first { RepositoryReference(url: $0.url) != nil }?.range.lowerBound
                ?? entry.starBadge?.range.lowerBound ?? entry.range.lowerBound
            return context.finding(Self.self, file: entry.file, offset: offset, message: Self.message(shown))
        }
    }
}
