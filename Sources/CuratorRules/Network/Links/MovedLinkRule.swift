import CuratorCore

/// A link that redirects permanently.
///
/// Lint reports each link whose server answers with permanent redirects (301, 308) that end on a
/// page that works. Temporary redirects (302, 303, 307) are fine and not reported; repositories
/// that GitHub says were renamed are `renamed-repository`'s. The fix writes the final URL.
struct MovedLinkRule: Rule {
    static func message(_ url: String, _ target: String) -> String { "\(url) has moved permanently to \(target)" }

    static let description = RuleDescription(
        id: "moved-link",
        summary: "Links point where their content lives now, not at a permanent redirect.",
        rationale: """
            A permanent redirect says the old address is retired; many stop working when a site is \
            reorganised again. Linking the final address is faster for readers and survives longer.
            """,
        severity: .warning,
        scope: .network,
        triggering: [
            Example(
                LinkExamples.row(links: "[Project](↓http://example.org/old)"),
                facts: Facts(links: ["http://example.org/old": movedToNew]))
        ],
        nonTriggering: [
            Example(
                LinkExamples.row(links: "[Project](http://example.org/old)"),
                facts: Facts(links: [
                    "http://example.org/old": .redirected(
                        permanent: false, target: "https://example.org/login",
                        chain: [
                            RedirectHop(
                                url: "http://example.org/old", status: 302, location: "https://example.org/login")
                        ])
                ]))
        ],
        corrections: [
            Correction(
                Example(
                    LinkExamples.row(links: "[Project](↓http://example.org/old)"),
                    facts: Facts(links: ["http://example.org/old": movedToNew])),
                LinkExamples.row(links: "[Project](https://example.org/new)"))
        ]
    )

    static let movedToNew = LinkVerdict.redirected(
        permanent: true, target: "https://example.org/new",
        chain: [RedirectHop(url: "http://example.org/old", status: 301, location: "https://example.org/new")])

    func check(_ context: LintContext) -> [Finding] {
        context.linkVerdicts().compactMap { entry, occurrence, verdict in
            guard case .redirected(true, let target, _) = verdict, target != occurrence.url else { return nil }
            // Renames known from the GitHub API are reported once per entry, badge included, by
            // renamed-repository.
            if let key = RepositoryName(url: occurrence.url)?.key
                ?? RepositoryName(starBadgeURL: occurrence.url)?.key,
                context.facts?.repositories[key]?.isRenamed == true
            {
                return nil
            }
            let fix = occurrence.urlRange.map {
                context.replace($0, in: entry.file, with: target, summary: "link the final address")
            }
            return context.finding(
                Self.self, file: entry.file, offset: occurrence.offset, message: Self.message(occurrence.url, target),
                fix: fix)
        }
    }
}
