import CuratorCore

/// A repository its owners have archived.
///
/// Lint reports, once per entry, each linked repository that GitHub marks as archived. There is
/// no fix: the link still works, but readers should know the code is no longer maintained.
struct ArchivedRepositoryRule: Rule {
    static func message(_ repository: RepositoryName) -> String {
        "repository \(repository) is archived (read-only, no longer maintained)"
    }

    static let description = RuleDescription(
        id: "archived-repository",
        summary: "Linked repositories are not archived.",
        rationale: """
            An archived repository still opens, but its issues are closed and its code will not \
            follow new library versions; a maintainer may want to say so or link a successor.
            """,
        severity: .info,
        scope: .network,
        triggering: [
            Example(LinkExamples.row(links: "[Github](↓https://github.com/old/tool)"), facts: facts(archived: true))
        ],
        nonTriggering: [
            Example(LinkExamples.row(links: "[Github](https://github.com/old/tool)"), facts: facts(archived: false))
        ]
    )

    static func facts(archived: Bool) -> Facts {
        Facts(repositories: [
            "old/tool": RepositoryFacts(
                requested: RepositoryName(owner: "old", name: "tool")!, state: .found, archived: archived)
        ])
    }

    func check(_ context: LintContext) -> [Finding] {
        guard let facts = context.facts else { return [] }
        var findings: [Finding] = []
        for entry in context.catalog.entries {
            var reported: Set<String> = []
            for occurrence in entry.checkableLinks {
                guard case .repository(let reference) = LinkKind.target(of: occurrence),
                    let repository = facts.repositories[reference.key], repository.state == .found, repository.archived,
                    reported.insert(reference.key).inserted
                else { continue }
                findings.append(
                    context.finding(
                        Self.self, file: entry.file, offset: occurrence.offset,
                        message: Self.message(repository.canonical ?? reference)))
            }
        }
        return findings
    }
}
