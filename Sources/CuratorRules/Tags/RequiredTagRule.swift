import CuratorCore

/// An entry without a badge its file requires.
///
/// Lint reports each entry of a file named in `required-tags` (and of one of its `formats`, when
/// given) that carries no badge of the required kind, at the entry's first field.
/// There is no fix: the badge's content (a venue, a type, a repository) is for a person to give.
struct RequiredTagRule: Rule {
    static func message(_ kind: String, _ file: String) -> String {
        "entry has no \(kind) badge, which every entry of \(file) carries"
    }

    static let description = RuleDescription(
        id: "required-tag",
        summary: "Entries carry the badges their file requires.",
        rationale: """
            Some files of a list tag every entry (every project of this list is a repository with \
            a star badge); a row without the tag breaks the pattern readers rely on when they scan \
            or sort the file. Which files require which badge kind is data, `required-tags`.
            """,
        severity: .warning,
        triggering: [
            Example(
                "* [![Star](https://img.shields.io/github/stars/o/tool.svg?style=social&label=Star)](https://github.com/o/tool) **tool**: does things. [[link]](https://github.com/o/tool)\n"
                    + "* ↓**other**: does more. [[link]](https://gitlab.com/o/other)\n",
                path: "project/readme.md")
        ],
        nonTriggering: [
            Example(
                "* [![Star](https://img.shields.io/github/stars/o/tool.svg?style=social&label=Star)](https://github.com/o/tool) **tool**: does things. [[link]](https://github.com/o/tool)\n",
                path: "project/readme.md"),
            // pruning.md's Type badges are not required: most of its rows have none.
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
            ),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.catalog.findings { entry in
            RequiredTags.requirements(for: entry, in: context).compactMap { requirement -> Finding? in
                guard !entry.badges.contains(where: { $0.kind.rawValue == requirement.badge }) else { return nil }
                let offset = entry.fieldSequence.map(\.offset).min() ?? entry.range.lowerBound
                return context.finding(
                    Self.self, file: entry.file, offset: offset,
                    message: Self.message(requirement.badge, requirement.file))
            }
        }
    }
}
