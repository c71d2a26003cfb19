import CuratorCore

/// A link that could not be checked today.
///
/// Lint reports each link whose host blocked the check (a bot wall, status 999), throttled it,
/// timed out or failed in a way that may pass (5xx, resets, TLS trouble, garbage answers), with
/// what was seen. These are warnings: none of them proves the link is dead.
struct UnreachableLinkRule: Rule {
    static func message(_ url: String, _ verdict: LinkVerdict) -> String? {
        switch verdict {
        case .blocked(_, let detail):
            "could not check \(url): blocked (\(detail))"
        case .rateLimited(let status, let retryAfter):
            "could not check \(url): rate-limited (\(status)\(retryAfter.map { ", Retry-After \(Int($0)) s" } ?? ""))"
        case .timeout(let detail):
            "could not check \(url): timed out (\(detail))"
        case .transient(_, _, let detail):
            "could not check \(url): \(detail)"
        case .ok, .redirected, .dead, .excluded:
            nil
        }
    }

    static let description = RuleDescription(
        id: "unreachable-link",
        summary: "Links answer the checker (blocked, throttled, slow and failing hosts are reported, never as errors).",
        rationale: """
            A host that refuses crawlers or has a bad day cannot be told from a healthy one, so the \
            link is reported with what was seen and left for a later run or a human to judge.
            """,
        severity: .warning,
        scope: .network,
        triggering: [
            Example(
                LinkExamples.row(links: "[Project](↓https://www.linkedin.com/in/someone)"),
                facts: Facts(links: ["https://www.linkedin.com/in/someone": .blocked(status: 999, detail: "status 999")]
                )),
            Example(
                LinkExamples.row(links: "[Project](↓https://flaky.example.org/)"),
                facts: Facts(links: [
                    "https://flaky.example.org/": .transient(status: 503, curlCode: nil, detail: "server error 503")
                ])),
        ],
        nonTriggering: [
            Example(
                LinkExamples.row(links: "[Project](https://example.org/)"),
                facts: Facts(links: ["https://example.org/": .ok(status: 200)])),
            Example(
                LinkExamples.row(links: "[Project](https://example.org/)"),
                facts: Facts(links: ["https://example.org/": .excluded(pattern: "example")])),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.linkVerdicts().compactMap { entry, occurrence, verdict in
            guard let message = Self.message(occurrence.url, verdict) else { return nil }
            return context.finding(Self.self, file: entry.file, offset: occurrence.offset, message: message)
        }
    }
}
