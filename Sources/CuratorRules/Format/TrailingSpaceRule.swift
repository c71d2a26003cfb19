import CuratorCore

/// Trailing spaces or tabs at the end of a line.
///
/// Lint reports each line of a list file that ends in spaces or tabs, at the first of them, except
/// the spaces of a hard line break (`**Title**··` before the authors' line), which GitHub renders.
/// The fix deletes them.
struct TrailingSpaceRule: Rule {
    static let message = "trailing whitespace"

    static let description = RuleDescription(
        id: "trailing-space",
        summary: "Lines end without spaces or tabs.",
        rationale: """
            Trailing spaces are invisible in review, make diffs of otherwise identical rows differ, \
            and two of them turn into a hard line break in markdown.
            """,
        severity: .info,
        triggering: [
            Example("## Network Pruning↓  \n"),
            Example("* [T](https://arxiv.org/abs/2401.00001).↓ \nA, B. [[Paper]](https://arxiv.org/abs/2401.00001)\n"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n| [T](https://arxiv.org/abs/2401.00001) <br> A | | |↓ \n"
            ),
        ],
        nonTriggering: [
            Example("## Network Pruning\n"),
            Example("no final newline"),
            Example("- **Title**  \n  *Authors*. [[pdf](https://arxiv.org/abs/2401.00001)]\n"),
        ],
        corrections: [
            Correction(Example("## Pruning↓ \t\nnext\n"), "## Pruning\nnext\n")
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (document, _) in context.workspace.documents {
            let source = document.source
            // Two spaces or more that end a line of a paragraph other than its last are a hard
            // line break (CommonMark), which is markup and no stray whitespace.
            var hardBreaks: Set<Int> = []
            document.root.forEach(ofKinds: [.paragraph]) { paragraph in
                if paragraph.endLine > paragraph.startLine {
                    hardBreaks.formUnion(paragraph.startLine..<paragraph.endLine)
                }
            }
            for line in 1...max(source.lineCount, 1) where source.lineCount > 0 {
                let range = source.lineRange(line)
                var start = range.upperBound
                while start > range.lowerBound,
                    source.bytes[start - 1] == UInt8(ascii: " ") || source.bytes[start - 1] == UInt8(ascii: "\t")
                {
                    start -= 1
                }
                guard start < range.upperBound else { continue }
                if hardBreaks.contains(line), range.upperBound - start >= 2,
                    source.bytes[start..<range.upperBound].allSatisfy({ $0 == UInt8(ascii: " ") })
                {
                    continue
                }
                findings.append(
                    context.finding(
                        Self.self, file: document.path, offset: start, message: Self.message,
                        fix: context.replace(
                            start..<range.upperBound, in: document.path, with: "", summary: "delete trailing whitespace"
                        )))
            }
        }
        return findings
    }
}
