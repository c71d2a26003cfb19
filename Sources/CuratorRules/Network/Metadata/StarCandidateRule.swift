import CuratorCore

/// A paper whose repository stars or citations pass the ruleset's thresholds but that has no star
/// mark, and a marked paper far below them.
///
/// Lint reports, at the title, an entry of a format with a star mark whose repository has at least
/// `star.min-stars` stars or whose paper has at least `star.min-citations` citations but that is
/// not marked, and an entry that is marked while every figure known about it is below
/// `star.far-below` times its threshold. The fix adds the mark only where the ruleset says so
/// (`star.write: true`): recommending a paper is otherwise the maintainers' call.
struct StarCandidateRule: Rule {
    static func candidateMessage(_ evidence: String, mark: String) -> String {
        "\(evidence): a candidate for \(mark)"
    }

    static func farBelowMessage(_ evidence: String, mark: String) -> String {
        "marked \(mark) with \(evidence), far below the threshold"
    }

    static let description = RuleDescription(
        id: "star-candidate",
        summary:
            "Papers whose stars or citations pass the ruleset's thresholds are marked, and marked ones are not far below them.",
        rationale: """
            The list recommends papers "that have garnered a lot of GitHub stars or citations"; \
            the thresholds in `star:` make that a number, so a maintainer sees which papers have \
            grown into a recommendation and which marks no longer hold.
            """,
        severity: .info,
        scope: .network,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Star](https://img.shields.io/github/stars/big/tool.svg?style=social&label=Star)](https://github.com/big/tool)<br>↓[A](https://arxiv.org/abs/2401.00001) <br> Ann Lee | |[Github](https://github.com/big/tool)|\n"
                    + "|[![Star](https://img.shields.io/github/stars/small/tool.svg?style=social&label=Star)](https://github.com/small/tool)<br>↓:star: [B](https://arxiv.org/abs/2401.00002) <br> Ann Lee | |[Github](https://github.com/small/tool)|\n",
                facts: Facts(repositories: [
                    "big/tool": RepositoryFacts(
                        requested: RepositoryName(owner: "big", name: "tool")!, state: .found, stars: 4200),
                    "small/tool": RepositoryFacts(
                        requested: RepositoryName(owner: "small", name: "tool")!, state: .found, stars: 12),
                ]))
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Star](https://img.shields.io/github/stars/big/tool.svg?style=social&label=Star)](https://github.com/big/tool)<br>:star: [A](https://arxiv.org/abs/2401.00001) <br> Ann Lee | |[Github](https://github.com/big/tool)|\n"
                    + "|[![Star](https://img.shields.io/github/stars/mid/tool.svg?style=social&label=Star)](https://github.com/mid/tool)<br>:star: [B](https://arxiv.org/abs/2401.00002) <br> Ann Lee | |[Github](https://github.com/mid/tool)|\n"
                    + "|[C](https://arxiv.org/abs/2401.00003) <br> Ann Lee | |[Paper](https://arxiv.org/abs/2401.00003)|\n",
                facts: Facts(repositories: [
                    "big/tool": RepositoryFacts(
                        requested: RepositoryName(owner: "big", name: "tool")!, state: .found, stars: 4200),
                    "mid/tool": RepositoryFacts(
                        requested: RepositoryName(owner: "mid", name: "tool")!, state: .found, stars: 400),
                ]))
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard let policy = context.ruleset.ruleset.star, policy.minStars != nil || policy.minCitations != nil else {
            return []
        }
        return context.catalog.entries.compactMap { entry in
            guard MetadataFacts.format(of: entry, in: context, has: .starMark),
                let titleStart = MetadataFacts.titleStart(entry)
            else { return nil }
            let stars = MetadataFacts.repository(of: entry, in: context).flatMap { $0.state == .found ? $0.stars : nil }
            let citations = MetadataFacts.paper(of: entry, in: context)?.citations
            let figures = [stars.map { "\($0) stars" }, citations.map { "\($0) citations" }].compactMap { $0 }
            guard !figures.isEmpty else { return nil }
            let evidence = figures.joined(separator: " and ")
            let passes =
                Self.atLeast(stars, policy.minStars, factor: 1)
                || Self.atLeast(citations, policy.minCitations, factor: 1)
            if entry.starMark == nil {
                guard passes else { return nil }
                let fix =
                    policy.write == true
                    ? context.replace(
                        titleStart..<titleStart, in: entry.file, with: "\(policy.mark) ",
                        summary: "mark the paper \(policy.mark)")
                    : nil
                return context.finding(
                    Self.self, file: entry.file, offset: titleStart,
                    message: Self.candidateMessage(evidence, mark: policy.mark), fix: fix)
            }
            guard let factor = policy.farBelow else { return nil }
            let anyNear =
                Self.atLeast(stars, policy.minStars, factor: factor)
                || Self.atLeast(citations, policy.minCitations, factor: factor)
            // A figure with no threshold cannot say the mark is undeserved, so it must not be the only evidence.
            let measured = (stars != nil && policy.minStars != nil) || (citations != nil && policy.minCitations != nil)
            guard measured, !anyNear else { return nil }
            return context.finding(
                Self.self, file: entry.file, offset: titleStart,
                message: Self.farBelowMessage(evidence, mark: policy.mark))
        }
    }

    static func atLeast(_ value: Int?, _ threshold: Int?, factor: Double) -> Bool {
        guard let value, let threshold else { return false }
        return Double(value) >= Double(threshold) * factor
    }
}
