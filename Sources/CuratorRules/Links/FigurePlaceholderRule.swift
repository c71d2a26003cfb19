import CuratorCore

/// A figure whose source is a placeholder rather than an image.
///
/// Lint reports each entry whose figure source matches `figures.placeholder`: an empty `src`, a
/// folder (`figures/`), a file name that is only an extension (`figures/.png`). It points at the
/// source.
/// There is no fix: the figure has to be chosen and added by a person.
struct FigurePlaceholderRule: Rule {
    static func message(_ source: String) -> String {
        source.isEmpty ? "figure has an empty source" : "figure source '\(source)' is a placeholder, not an image"
    }

    static let description = RuleDescription(
        id: "figure-placeholder",
        summary: "Figures name an image, not a placeholder.",
        rationale: """
            The entry script prints `figures/.png` when no figure was given; GitHub then shows a \
            broken image in the row, and the placeholder looks like a finished entry in review.
            """,
        severity: .warning,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[T](https://arxiv.org/abs/2401.00001) <br> A |<img width=\"1002\" alt=\"image\" src=\"↓figures/.png\"> | |\n"
                    + "|[T](https://arxiv.org/abs/2401.00002) <br> A |<img width=\"1002\" alt=\"image\" src=\"↓\"> | |\n"
                    + "|[T](https://arxiv.org/abs/2401.00003) <br> A |<img width=\"1002\" alt=\"image\" src=\"↓figures/\"> | |\n"
            )
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[T](https://arxiv.org/abs/2401.00001) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> | |\n"
                    + "|[T](https://arxiv.org/abs/2401.00002) <br> A | | |\n"
                    + "|[T](https://arxiv.org/abs/2401.00003) <br> A |<img width=\"1002\" alt=\"image\" src=\"https://arxiv.org/html/2401.00003v1/x1.png\"> | |\n"
            )
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        // The same few sources recur on thousands of rows; each is matched once.
        var placeholders: [String: Bool] = [:]
        return context.catalog.finding { entry in
            guard let image = entry.image else { return nil }
            let isPlaceholder =
                placeholders[image.text]
                ?? {
                    let found = FigureSource.isPlaceholder(image.text, in: context.ruleset)
                    placeholders[image.text] = found
                    return found
                }()
            guard isPlaceholder else { return nil }
            return context.finding(
                Self.self, file: entry.file, offset: image.range.lowerBound, message: Self.message(image.text))
        }
    }
}
