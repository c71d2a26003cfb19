import CuratorCore

/// A repository that GitHub knows under a new owner or name.
///
/// Lint reports, once per entry, each repository that GitHub says was renamed or transferred. The
/// fix rewrites every link of the entry to that repository and its star badge together, so the
/// badge keeps counting the stars of the repository the entry links.
struct RenamedRepositoryRule: Rule {
    static func message(_ old: RepositoryName, _ new: RepositoryName) -> String {
        "repository \(old) is now \(new)"
    }

    static let description = RuleDescription(
        id: "renamed-repository",
        summary: "Repository links and star badges use the repository's current name.",
        rationale: """
            GitHub redirects a renamed repository's pages but not forever (a new repository may take \
            the old name), and shields.io star badges of the old name stop counting.
            """,
        severity: .warning,
        scope: .network,
        triggering: [
            Example(
                LinkExamples.row(links: "[Github](↓https://github.com/old/name)"),
                facts: renamedFacts)
        ],
        nonTriggering: [
            Example(
                LinkExamples.row(links: "[Github](https://github.com/new/name)"),
                facts: Facts(repositories: [
                    "new/name": RepositoryFacts(
                        requested: RepositoryName(owner: "new", name: "name")!, state: .found)
                ]))
        ],
        corrections: [
            Correction(
                Example(
                    LinkExamples.header
                        + "|[![Star](↓https://img.shields.io/github/stars/old/name.svg?style=social&label=Star)](https://github.com/old/name)<br>[Paper](https://arxiv.org/abs/2401.00001) <br> A. Author | | [Github](https://github.com/old/name) |\n",
                    facts: renamedFacts),
                LinkExamples.header
                    + "|[![Star](https://img.shields.io/github/stars/new/name.svg?style=social&label=Star)](https://github.com/new/name)<br>[Paper](https://arxiv.org/abs/2401.00001) <br> A. Author | | [Github](https://github.com/new/name) |\n"
            )
        ]
    )

    static let renamedFacts = Facts(repositories: [
        "old/name": RepositoryFacts(
            requested: RepositoryName(owner: "old", name: "name")!, state: .found,
            canonical: RepositoryName(owner: "new", name: "name")!)
    ])

    func check(_ context: LintContext) -> [Finding] {
        guard let facts = context.facts else { return [] }
        var findings: [Finding] = []
        for entry in context.catalog.entries {
            var byRepository: [String: [LinkOccurrence]] = [:]
            var order: [String] = []
            for occurrence in entry.checkableLinks {
                guard case .repository(let reference) = LinkKind.target(of: occurrence),
                    facts.repositories[reference.key]?.isRenamed == true
                else { continue }
                if byRepository[reference.key] == nil { order.append(reference.key) }
                byRepository[reference.key, default: []].append(occurrence)
            }
            for key in order {
                guard let repository = facts.repositories[key], let canonical = repository.canonical,
                    let occurrences = byRepository[key], let first = occurrences.first
                else { continue }
                let edits = occurrences.compactMap { occurrence -> TextEdit? in
                    guard let range = occurrence.urlRange,
                        let rewritten = RepositoryName.rewrite(occurrence.url, to: canonical)
                    else { return nil }
                    return TextEdit(file: entry.file, range: range, replacement: rewritten)
                }
                let fix = edits.isEmpty ? nil : Fix(summary: "use the repository's current name", edits: edits)
                findings.append(
                    context.finding(
                        Self.self, file: entry.file, offset: first.offset,
                        message: Self.message(repository.requested, canonical), fix: fix))
            }
        }
        return findings
    }
}

/// Which repository an occurrence names, as the link checker classifies it.
enum LinkKind {
    enum Target { case repository(RepositoryName), other }

    static func target(of occurrence: LinkOccurrence) -> Target {
        if occurrence.kind == .starBadge, let reference = RepositoryName(starBadgeURL: occurrence.url) {
            return .repository(reference)
        }
        if let reference = RepositoryName(url: occurrence.url) { return .repository(reference) }
        return .other
    }
}
