import CuratorCore

/// Link syntax that GitHub shows as plain text.
///
/// Lint reports each `[label](destination)` that cmark-gfm did not turn into a link: a space between
/// `]` and `(`, a destination without its closing `)`, a label without its opening `[`. Destinations
/// that fail because of their own bytes belong to `malformed-url`.
/// The fix deletes the space between `]` and `(`; the other shapes need a person to say what was meant.
struct UnrenderedLinkRule: Rule {
    static let spacedMessage = "GitHub shows this as text, not a link: a space stands between ']' and '('"
    static let unclosedMessage = "GitHub shows this as text, not a link: the destination has no closing ')'"
    static let unopenedMessage = "GitHub shows this as text, not a link: the label has no opening '['"
    static let rejectedMessage = "GitHub shows this as text, not a link"

    static let description = RuleDescription(
        id: "unrendered-link",
        summary: "Link syntax renders as a link.",
        rationale: """
            A link that GitHub shows as bracketed text cannot be clicked: the paper or code it points \
            to is lost to readers, and link checkers that read the rendered page never see it.
            """,
        severity: .error,
        triggering: [
            Example(
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. ↓[[Paper]] (https://arxiv.org/abs/2205.14135)\n",
                path: "hardware.md"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|↓[Title](https://arxiv.org/abs/2409.13652 <br> Author One | |[Github](https://github.com/o/r) <br> ↓[Paper] (https://arxiv.org/abs/2409.13652)|\n"
            ),
            Example(
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135) Github↓](https://github.com/o/r)\n",
                path: "hardware.md"),
        ],
        nonTriggering: [
            Example(
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)[[Github]](https://github.com/o/r)\n",
                path: "hardware.md"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]()<br>[Title](https://arxiv.org/abs/2409.13652) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n"
            ),
            Example("Write links as `[Paper] (url)` never; see [the guide] (it is short).\n"),
            // After a `\` hard line break cmark-gfm reports the next line's link on the line before.
            Example("> Read the survey first. \\\n> It is [here](https://arxiv.org/abs/2205.14135).\n"),
        ],
        corrections: [
            Correction(
                Example(
                    "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. ↓[[Paper]]  (https://arxiv.org/abs/2205.14135)\n",
                    path: "hardware.md"),
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)\n")
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        // Forwards through the files; malformed-url, which shares the scan, goes backwards.
        for (document, _) in context.workspace.documents {
            for candidate in LinkSyntaxScanner.candidates(of: document, in: context) {
                let message: String
                var fix: Fix?
                switch candidate.failure {
                case .spaceBeforeDestination:
                    message = Self.spacedMessage
                    let spaces = (candidate.labelEnd + 1)..<(candidate.destination.lowerBound - 1)
                    fix = context.replace(
                        spaces, in: document.path, with: "", summary: "join ']' and '('",
                        expecting: document.source.text(spaces),
                        inside: candidate.start..<candidate.destination.upperBound, nodeName: "link text")
                case .unclosed: message = Self.unclosedMessage
                case .noOpeningBracket: message = Self.unopenedMessage
                case .rejected: message = Self.rejectedMessage
                case .spaceInDestination: continue
                }
                findings.append(
                    context.finding(Self.self, file: document.path, offset: candidate.start, message: message, fix: fix)
                )
            }
        }
        return findings
    }
}
