import CuratorCore

/// A link whose target is gone.
///
/// Lint reports each link, star badge, github.com repository or arXiv paper for which there is
/// definitive evidence that it is gone: 404, 410 or 451, a host that does not exist, a repository
/// GitHub does not have, a paper arXiv does not know. Slow, throttled and blocked hosts are never
/// dead (see `unreachable-link`). There is no fix: only a maintainer knows the new home.
struct DeadLinkRule: Rule {
    static func message(_ url: String, _ detail: String) -> String { "dead link \(url): \(detail)" }

    static let description = RuleDescription(
        id: "dead-link",
        summary: "Links, repositories and papers exist.",
        rationale: """
            A dead link sends a reader nowhere and hides the code or paper the entry is about. Only \
            definitive evidence counts, so a host's bad day never fails a pull request; silence a \
            link with `<!-- curator-disable-line dead-link -->` or `exclude:` in the config.
            """,
        severity: .error,
        scope: .network,
        triggering: [
            Example(
                LinkExamples.row(links: "[Github](↓https://github.com/gone/away)"),
                facts: Facts(links: [
                    "https://github.com/gone/away": .dead(
                        reason: .noSuchRepository, status: 404, detail: "GitHub has no repository gone/away")
                ])),
            Example(
                LinkExamples.row(title: "[Paper](↓https://example.org/paper.pdf)", links: ""),
                facts: Facts(links: [
                    "https://example.org/paper.pdf": .dead(reason: .notFound, status: 404, detail: "404 Not Found")
                ])),
        ],
        nonTriggering: [
            Example(
                LinkExamples.row(links: "[Github](https://github.com/slow/host)"),
                facts: Facts(links: ["https://github.com/slow/host": .timeout(detail: "no answer in 20 s")])),
            Example(LinkExamples.row(links: "[Github](https://github.com/not/checked)")),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.linkVerdicts().compactMap { entry, occurrence, verdict in
            guard case .dead(_, _, let detail) = verdict else { return nil }
            return context.finding(
                Self.self, file: entry.file, offset: occurrence.offset, message: Self.message(occurrence.url, detail))
        }
    }
}
