import CuratorCore

/// A single dash inside the text of a shields.io static badge.
///
/// Lint reports each venue or type badge whose URL splits into more dash-separated parts than the
/// ruleset's `badges.<kind>.parts` (3 for `Conference-ICML'24-blue`, 2 for `Unstructured-C2A4A6`),
/// at the first dash that shields.io takes for a separator although it belongs to the text.
/// The fix doubles those dashes, which shields.io shows as one literal dash.
struct BadgeLabelDashRule: Rule {
    static func message(_ shown: String) -> String {
        "a single dash splits the badge text '\(shown)' into two parts; write a literal dash as '--'"
    }

    static let description = RuleDescription(
        id: "badge-label-dash",
        summary: "Dashes inside a static badge's text are written as `--`.",
        rationale: """
            shields.io reads a single dash in a static badge URL as the separator between kind, text \
            and color, so `Conference-LREC-COLING'24-blue` shows `LREC` as the text and \
            `COLING'24` as a color it cannot use. A doubled dash is shown as one dash. The number of \
            parts each kind of badge has comes from the ruleset (`badges.venue.parts`, \
            `badges.type.parts`).
            """,
        severity: .error,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-LREC↓-COLING'24-blue)]()<br>[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Type](https://img.shields.io/badge/Semi↓-structured-C2A4A6)]() <br>[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
            ),
            Example(
                "* [![Publish](https://img.shields.io/badge/Conference-CIS↓-RAM'24-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n",
                path: "hardware.md"),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-SIGCOMM'24-red)]()<br>[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-LREC--COLING'24-blue)]() [![Type](https://img.shields.io/badge/Semi--structured-C2A4A6)]()<br>[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Type](https://img.shields.io/badge/Unstructured-C2A4A6)]() [![Publish](https://img.shields.io/badge/Conference-ACL'23%20Findings-blue)]()<br>[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
            ),
        ],
        corrections: [
            Correction(
                Example(
                    "* [![Publish](https://img.shields.io/badge/Conference-LREC↓-COLING'24-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n",
                    path: "hardware.md"),
                "* [![Publish](https://img.shields.io/badge/Conference-LREC--COLING'24-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n"
            ),
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                        + "|[![Type](https://img.shields.io/badge/Semi↓-Structured-Sparsity-C2A4A6)]() <br>[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
                ),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Type](https://img.shields.io/badge/Semi--Structured--Sparsity-C2A4A6)]() <br>[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
            ),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.catalog.findings { entry in
            entry.badges.compactMap { finding(for: $0, of: entry, in: context) }
        }
    }

    private func finding(for badge: Badge, of entry: Entry, in context: LintContext) -> Finding? {
        guard let (kind, shape) = StaticBadge.shape(of: badge, in: context.ruleset.ruleset),
            let parsed = StaticBadge(url: badge.imageURL)
        else { return nil }
        let expected = shape.parts ?? (kind == .venue ? 3 : 2)
        guard expected >= 2, parsed.parts.count > expected,
            let start = BadgeSource.imageURLStart(of: badge, in: entry.file, context: context)
        else { return nil }
        // The leading parts name the kind, the last is the color; the separators between the
        // remaining parts belong to the text.
        let leading = expected - 2
        let inside = parsed.separators[leading..<(parsed.separators.count - 1)]
        guard let first = inside.first else { return nil }
        let shown = parsed.parts[leading..<(parsed.parts.count - 1)].map(\.shown).joined(separator: "-")
        let edits = inside.map {
            TextEdit(
                file: entry.file, range: (start + $0)..<(start + $0 + 1), replacement: "--", expected: "-",
                node: badge.range, nodeName: "badge")
        }
        return context.finding(
            Self.self, file: entry.file, offset: start + first, message: Self.message(shown),
            fix: Fix(summary: "double the dashes inside the badge text", edits: edits))
    }
}
