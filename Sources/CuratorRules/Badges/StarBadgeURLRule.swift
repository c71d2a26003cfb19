import CuratorCore

/// A star badge whose image or link is not in the list's one shape.
///
/// Lint reports each star badge whose image URL differs from `badges.star.canonical` filled in
/// with its repository (a trailing slash, a missing repository, `?tab=...`, `.git`, a missing
/// `.svg`, another query), at the image URL, and each star badge whose link is not
/// `https://github.com/OWNER/REPO` of that repository (`/tree/main/...`, a trailing slash, a
/// query), at the link. The repository is the one the image names, or, when the image names
/// none, the entry's code link, provided the image's broken path mentions it. A link to another
/// repository is left to `star-badge-mismatch`.
/// The fix writes the canonical image URL and link when the repository is known.
struct StarBadgeURLRule: Rule {
    static func imageMessage(_ canonical: String) -> String {
        "star badge image is not the list's shape: \(canonical)"
    }

    static let noRepositoryMessage =
        "star badge image names no repository, and no GitHub code link of the entry tells which one it should"

    static func linkMessage(_ canonical: String) -> String {
        "star badge does not link to the repository itself: \(canonical)"
    }

    static let description = RuleDescription(
        id: "star-badge-url",
        summary: "Star badges use the list's image URL and link to the repository itself.",
        rationale: """
            A star badge with a malformed image URL shows an error or no count at all, and one whose \
            link goes to a folder, a branch or a tab of the repository makes the same repository \
            look different in each row, which defeats duplicate and mirror checks. The list writes \
            every star badge as `badges.star.canonical` linked to `https://github.com/OWNER/REPO`.
            """,
        severity: .error,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Star](↓https://img.shields.io/github/stars/shadow_llm/.svg?style=social&label=Star)](↓https://github.com/shadow_llm/)<br>[T](https://arxiv.org/abs/2401.00001) <br> A | |[Github](https://github.com/abdelfattah-lab/shadow_llm/) <br> [Paper](https://arxiv.org/abs/2401.00001)|\n"
                    + "|[![Star](https://img.shields.io/github/stars/IntelLabs/HAML.svg?style=social&label=Star)](↓https://github.com/IntelLabs/HAML/tree/main/SQFT)<br>[T](https://arxiv.org/abs/2401.00002) <br> A | |[Github](https://github.com/IntelLabs/HAML/tree/main/SQFT)|\n"
                    + "|[![Star](↓https://img.shields.io/github/stars/owner/repo)](https://github.com/owner/repo)<br>[T](https://arxiv.org/abs/2401.00003) <br> A | | |\n"
                    + "|[![Star](↓https://img.shields.io/github/stars/lost/.svg?style=social&label=Star)](https://github.com/lost/)<br>[T](https://arxiv.org/abs/2401.00004) <br> A | | |\n"
            ),
            Example(
                "* [![Star](https://img.shields.io/github/stars/owner/tool.svg?style=social&label=Star)](↓https://github.com/owner/tool/) **tool**: does things. [[link]](https://github.com/owner/tool/)\n",
                path: "project/readme.md"),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Star](https://img.shields.io/github/stars/Lizonghang/prima.cpp.svg?style=social&label=Star)](https://github.com/Lizonghang/prima.cpp)<br>[T](https://arxiv.org/abs/2401.00001) <br> A | |[Github](https://github.com/Lizonghang/prima.cpp/tree/main)|\n"
                    // A badge that links to another repository is star-badge-mismatch's to report.
                    + "|[![Star](https://img.shields.io/github/stars/kongds/SMP.svg?style=social&label=Star)](https://github.com/allenai/kongds/SMP)<br>[T](https://arxiv.org/abs/2401.00002) <br> A | |[Github](https://github.com/kongds/SMP)|\n"
            )
        ],
        corrections: [
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                        + "|[![Star](↓https://img.shields.io/github/stars/Hsu1023/DuQuant?tab=readme-ov-file.svg?style=social&label=Star)](↓https://github.com/Hsu1023/DuQuant?tab=readme-ov-file)<br>[T](https://arxiv.org/abs/2401.00001) <br> A | |[Github](https://github.com/Hsu1023/DuQuant)|\n"
                        + "|[![Star](↓https://img.shields.io/github/stars/KVQuant/.svg?style=social&label=Star)](↓https://github.com/KVQuant/)<br>[T](https://arxiv.org/abs/2401.00002) <br> A | |[Github](https://github.com/SqueezeAILab/KVQuant/)|\n"
                ),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Star](https://img.shields.io/github/stars/Hsu1023/DuQuant.svg?style=social&label=Star)](https://github.com/Hsu1023/DuQuant)<br>[T](https://arxiv.org/abs/2401.00001) <br> A | |[Github](https://github.com/Hsu1023/DuQuant)|\n"
                    + "|[![Star](https://img.shields.io/github/stars/SqueezeAILab/KVQuant.svg?style=social&label=Star)](https://github.com/SqueezeAILab/KVQuant)<br>[T](https://arxiv.org/abs/2401.00002) <br> A | |[Github](https://github.com/SqueezeAILab/KVQuant/)|\n"
            )
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard let template = context.ruleset.ruleset.badges?.star?.canonical else { return [] }
        let shape = StarBadgeShape.Template(template)
        return context.catalog.findings { entry in
            var findings: [Finding] = []
            var isFirstStar = true
            for badge in entry.badges where badge.kind == .star {
                // The entry read its first star badge's repository already, from the same image URL.
                let shown = isFirstStar ? entry.starRepository : RepositoryName(starBadgeURL: badge.imageURL)
                isFirstStar = false
                findings += check(badge, showing: shown, of: entry, template: template, shape: shape, in: context)
            }
            return findings
        }
    }

    /// The findings of one star badge whose image names `shown` (nil when it names none). A badge
    /// in the list's shape is recognised by its bytes; only a badge that is not renders the
    /// template, lowercases its link and reads where its URLs stand in the file.
    private func check(
        _ badge: Badge, showing shown: RepositoryName?, of entry: Entry, template: String,
        shape: StarBadgeShape.Template, in context: LintContext
    ) -> [Finding] {
        var findings: [Finding] = []
        let repository = shown ?? Self.inferredRepository(of: badge, in: entry)
        let imageInShape =
            repository.map {
                shape.matches(badge.imageURL, $0) ?? (badge.imageURL == $0.starBadgeImage(template: template))
            }
            ?? false
        if !imageInShape {
            let imageStart = BadgeSource.imageURLStart(of: badge, in: entry.file, context: context)
            let expectedImage = repository.map { $0.starBadgeImage(template: template) }
            let offset = imageStart ?? badge.range.lowerBound
            if let expectedImage, let imageStart {
                let range = imageStart..<(imageStart + badge.imageURL.utf8.count)
                findings.append(
                    context.finding(
                        Self.self, file: entry.file, offset: offset, message: Self.imageMessage(expectedImage),
                        fix: context.replace(
                            range, in: entry.file, with: expectedImage,
                            summary: "write the star badge's image URL in the list's shape")))
            } else {
                findings.append(
                    context.finding(
                        Self.self, file: entry.file, offset: offset,
                        message: expectedImage.map(Self.imageMessage) ?? Self.noRepositoryMessage))
            }
        }
        guard let repository else { return findings }
        let expectedLink = repository.url
        let linkInShape =
            StarBadgeShape.linkIsRepositoryPage(badge.linkURL, of: repository)
            ?? (badge.linkURL.lowercased() == expectedLink.lowercased())
        guard !linkInShape else { return findings }
        let linked = RepositoryName(url: badge.linkURL)
        // A link to another repository is a mismatch, not a matter of shape.
        if linked == nil || linked == repository {
            let linkStart = BadgeSource.linkURLStart(of: badge, in: entry.file, context: context)
            let fix = linkStart.map {
                context.replace(
                    $0..<($0 + badge.linkURL.utf8.count), in: entry.file, with: expectedLink,
                    summary: "link the star badge to \(expectedLink)")
            }
            findings.append(
                context.finding(
                    Self.self, file: entry.file, offset: linkStart ?? badge.range.lowerBound,
                    message: Self.linkMessage(expectedLink), fix: fix))
        }
        return findings
    }

    /// The code link's repository, for an image that names none (`stars/KVQuant/.svg`), when the
    /// broken path still names that repository or its owner, so a badge is never pointed at a
    /// repository it did not mean.
    static func inferredRepository(of badge: Badge, in entry: Entry) -> RepositoryName? {
        guard let repository = entry.repository, let marker = badge.imageURL.range(of: "/github/stars/") else {
            return nil
        }
        var path = badge.imageURL[marker.upperBound...]
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let pieces = path.split(separator: "/").map { $0.hasSuffix(".svg") ? $0.dropLast(4) : $0 }
        let names = [repository.owner.lowercased(), repository.name.lowercased()]
        return pieces.contains { names.contains($0.lowercased()) } ? repository : nil
    }
}
