import CuratorCore

/// A repository without a star badge, or a star badge without a repository.
///
/// Lint reports an entry whose code link names a GitHub repository itself
/// (`https://github.com/OWNER/REPO`) but that has no star badge, at the code link, and an entry
/// with a star badge but no GitHub code link, at the badge. Code links into a folder of a larger
/// repository (`/tree/main/minillm`) are exempt: the list often leaves their badge out, since it
/// would count the whole repository's stars. Entries whose file requires a star badge through
/// `required-tags` are left to `required-tag`.
/// There is no fix: whether to add the badge or the link is for a person to decide.
struct MissingStarBadgeRule: Rule {
    static func noBadgeMessage(_ repository: RepositoryName) -> String {
        "entry links the code at \(repository) but has no star badge"
    }

    static let noCodeMessage = "entry has a star badge but no GitHub code link"

    static let description = RuleDescription(
        id: "missing-star-badge",
        summary: "Entries with a GitHub repository show its star badge, and star badges come with a code link.",
        rationale: """
            Almost every row of the list with a repository shows its star count next to the title, \
            which readers use to judge how much a paper's code is used; a missing badge makes a \
            popular repository look unmaintained. A badge without a code link leaves the code one \
            click further away than in every other row.
            """,
        severity: .warning,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[T](https://arxiv.org/abs/2401.00001) <br> A | |↓[Github](https://github.com/linkedin/QuantEase) <br> [Paper](https://arxiv.org/abs/2401.00001)|\n"
                    + "|↓[![Star](https://img.shields.io/github/stars/NVlabs/hymba.svg?style=social&label=Star)](https://github.com/NVlabs/hymba)<br>[T](https://arxiv.org/abs/2401.00002) <br> A | |[Paper](https://arxiv.org/abs/2401.00002)|\n"
            ),
            Example(
                "* [T](https://arxiv.org/abs/2406.17296). A. [[Paper]](https://arxiv.org/abs/2406.17296)↓[[Github]](https://github.com/RAmruthaVignesh/blockllm)\n",
                path: "tuning.md"),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[T](https://arxiv.org/abs/2401.00001) <br> A | |[Github](https://github.com/microsoft/LMOps/tree/main/minillm) <br> [Paper](https://arxiv.org/abs/2401.00001)|\n"
                    + "|[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)<br>[T](https://arxiv.org/abs/2401.00002) <br> A | |[Github](https://github.com/o/r/) <br> [Paper](https://arxiv.org/abs/2401.00002)|\n"
                    + "|[T](https://arxiv.org/abs/2401.00003) <br> A | |[Paper](https://arxiv.org/abs/2401.00003)|\n"
            ),
            Example(
                "| Platform | Access |\n|:--|:--:|\n| **Hub** | [Github](https://github.com/o/hub) |\n",
                path: "leaderboard.md"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.catalog.finding { entry -> Finding? in
            guard Self.hasBadgeField(entry, in: context),
                !RequiredTags.requirements(for: entry, in: context).contains(where: {
                    $0.badge == BadgeKind.star.rawValue
                })
            else { return nil }
            if let badge = entry.starBadge {
                guard entry.repository == nil else { return nil }
                return context.finding(
                    Self.self, file: entry.file, offset: badge.range.lowerBound, message: Self.noCodeMessage)
            }
            for link in entry.codeLinks {
                guard let repository = RepositoryName(url: link.url),
                    Self.namesRepositoryItself(link.url, repository)
                else { continue }
                return context.finding(
                    Self.self, file: entry.file, offset: link.range.lowerBound, message: Self.noBadgeMessage(repository)
                )
            }
            return nil
        }
    }

    /// Only formats with a badges field can show a star badge.
    static func hasBadgeField(_ entry: Entry, in context: LintContext) -> Bool {
        guard let format = context.ruleset.ruleset.formats.first(where: { $0.id == entry.formatID }) else {
            return false
        }
        return (format.fields ?? []).contains(.badges)
    }

    /// Whether a link goes to the repository's front page rather than into one of its folders.
    static func namesRepositoryItself(_ url: String, _ repository: RepositoryName) -> Bool {
        var rest = url.lowercased()
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = String(rest[..<cut]) }
        while rest.hasSuffix("/") { rest.removeLast() }
        if rest.hasSuffix(".git") { rest.removeLast(4) }
        return rest.hasSuffix("github.com/" + repository.key)
    }
}
