import CuratorCore

/// A star badge that counts the stars of another repository than the entry's code.
///
/// Lint reports a star badge whose image names a repository that none of the entry's code links
/// names (compared without case, as GitHub does), at the image URL, and a star badge whose own
/// link goes to another repository than its image names, at the link.
/// There is no fix: which of the two repositories is meant needs a person.
struct StarBadgeMismatchRule: Rule {
    static func codeMessage(_ shown: RepositoryName, _ code: RepositoryName) -> String {
        "star badge counts the stars of \(shown), but the entry's code is \(code)"
    }

    static func linkMessage(_ shown: RepositoryName, _ linked: RepositoryName) -> String {
        "star badge counts the stars of \(shown), but links to \(linked)"
    }

    static let description = RuleDescription(
        id: "star-badge-mismatch",
        summary: "A star badge shows and links to the repository of the entry's code link.",
        rationale: """
            The star count is read as the popularity of the paper's code; a badge copied from \
            another row, or left pointing at a fork or a parent organisation, credits the wrong \
            repository and sends readers elsewhere than the code link does.
            """,
        severity: .error,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Star](↓https://img.shields.io/github/stars/tree/pv-tuning.svg?style=social&label=Star)](https://github.com/tree/pv-tuning)<br>[T](https://arxiv.org/abs/2401.00001) <br> A | |[Github](https://github.com/Vahe1994/AQLM/tree/pv-tuning) <br> [Paper](https://arxiv.org/abs/2401.00001)|\n"
                    + "|[![Star](https://img.shields.io/github/stars/state-spaces/mamba.svg?style=social&label=Star)](↓https://github.com/YuchuanTian/RethinkTinyLM)<br>[T](https://arxiv.org/abs/2401.00002) <br> A | |[Github](https://github.com/state-spaces/mamba)|\n"
            ),
            Example(
                "* [![Star](https://img.shields.io/github/stars/kongds/SMP.svg?style=social&label=Star)](↓https://github.com/allenai/kongds/SMP) [T](https://aclanthology.org/2023.acl-long.35/). A. [[Paper]](https://aclanthology.org/2023.acl-long.35/) [[Github]](https://github.com/kongds/SMP)\n",
                path: "efficient_plm/readme.md"),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Star](https://img.shields.io/github/stars/NVlabs/MaskLLM.svg?style=social&label=Star)](https://github.com/NVlabs/MaskLLM)<br>[T](https://arxiv.org/abs/2401.00001) <br> A | |[Github](https://github.com/nvlabs/maskllm)|\n"
                    + "|[![Star](https://img.shields.io/github/stars/IntelLabs/HAML.svg?style=social&label=Star)](https://github.com/IntelLabs/HAML/tree/main/SQFT)<br>[T](https://arxiv.org/abs/2401.00002) <br> A | |[Github](https://github.com/IntelLabs/HAML/tree/main/SQFT)|\n"
                    // No code link: missing-star-badge reports it.
                    + "|[![Star](https://img.shields.io/github/stars/NVlabs/hymba.svg?style=social&label=Star)](https://github.com/NVlabs/hymba)<br>[T](https://arxiv.org/abs/2401.00003) <br> A | |[Paper](https://arxiv.org/abs/2401.00003)|\n"
            )
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.catalog.findings { entry in
            var findings: [Finding] = []
            var isFirstStar = true
            for badge in entry.badges where badge.kind == .star {
                // The entry read its first star badge's repository already, from the same image URL.
                let shown = isFirstStar ? entry.starRepository : RepositoryName(starBadgeURL: badge.imageURL)
                isFirstStar = false
                if let shown { findings += check(badge, showing: shown, of: entry, in: context) }
            }
            return findings
        }
    }

    private func check(_ badge: Badge, showing shown: RepositoryName, of entry: Entry, in context: LintContext)
        -> [Finding]
    {
        var findings: [Finding] = []
        // The first code repository is the entry's repository; when it is the one shown, nothing
        // else about the code links can make a finding, so they are not read again.
        if let first = entry.repository, first != shown {
            let code = Self.codeRepositories(of: entry)
            if !code.contains(shown) {
                findings.append(
                    context.finding(
                        Self.self, file: entry.file,
                        offset: BadgeSource.imageURLStart(of: badge, in: entry.file, context: context)
                            ?? badge.range.lowerBound,
                        message: Self.codeMessage(shown, first)))
            }
        }
        // A link to the shown repository's page names that repository, unless its name ends in
        // `.git` in any case, which reading a link may drop.
        if StarBadgeShape.linkIsRepositoryPage(badge.linkURL, of: shown) == true,
            !StarBadgeShape.mayEndInGit(shown.name)
        {
            return findings
        }
        if let linked = RepositoryName(url: badge.linkURL), linked != shown {
            findings.append(
                context.finding(
                    Self.self, file: entry.file,
                    offset: BadgeSource.linkURLStart(of: badge, in: entry.file, context: context)
                        ?? badge.range.lowerBound,
                    message: Self.linkMessage(shown, linked)))
        }
        return findings
    }

    /// The repositories of the entry's code links, or of its title link when it has none.
    static func codeRepositories(of entry: Entry) -> [RepositoryName] {
        let fromLinks = entry.codeLinks.compactMap { RepositoryName(url: $0.url) }
        if !fromLinks.isEmpty { return fromLinks }
        return entry.titleLink.flatMap { RepositoryName(url: $0.url) }.map { [$0] } ?? []
    }
}
