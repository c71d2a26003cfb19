import CuratorCore

/// Table rows that GitHub shows as a paragraph of pipe text.
///
/// Lint reports each paragraph holding lines shaped like table rows (`|...|`), at its first such
/// line: after a table, the blank line or other line that ended the table is named; elsewhere the
/// rows have no header and delimiter row above them.
/// The fix deletes the blank lines between a table and a paragraph made only of rows, so that the
/// rows join the table again; any other split needs a person.
struct TableSplitRule: Rule {
    static func splitMessage(rows: Int, line: Int) -> String {
        "\(rows == 1 ? "this row renders" : "these \(rows) rows render") as a paragraph of pipe text: line \(line) ends the table above"
    }

    static func orphanMessage(rows: Int) -> String {
        "\(rows == 1 ? "this line looks" : "these \(rows) lines look") like table rows but no header and delimiter row stand above, so GitHub shows pipe text"
    }

    static let description = RuleDescription(
        id: "table-split",
        summary: "Table rows are part of a table.",
        rationale: """
            A table ends at the first blank line. Rows after it are not a table any more: GitHub \
            shows them as one long paragraph of pipes and link syntax, and every entry in them is \
            lost to readers and to the linter's other checks.
            """,
        severity: .error,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|\n\n↓|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)|\n|[Title 3](https://arxiv.org/abs/2409.13654) <br> C | |[Paper](https://arxiv.org/abs/2409.13654)|\n"
            ),
            Example(
                "## Pruning\n↓|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|\n\n| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)|\n<!-- older -->\n↓|[Title 3](https://arxiv.org/abs/2409.13654) <br> C | |[Paper](https://arxiv.org/abs/2409.13654)|\n"
            ),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|\n|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)|\n"
            ),
            Example("Sizes are 7B | 13B | 70B, and `|a|b|` is a row.\n\n```\n|a|b|\n```\n"),
        ],
        corrections: [
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|\n\n\n↓|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)|\n"
                ),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|\n|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)|\n"
            )
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (document, _) in context.workspace.documents {
            check(document.root.children, in: document, context: context, into: &findings)
        }
        return findings
    }

    private func check(
        _ blocks: [MarkdownNode], in document: Document, context: LintContext, into findings: inout [Finding]
    ) {
        let source = document.source
        for (index, block) in blocks.enumerated() {
            guard block.kind == .paragraph else {
                check(block.children, in: document, context: context, into: &findings)
                continue
            }
            // cmark-gfm leaves a paragraph it splits off a table's header unplaced (line 0).
            guard block.startLine >= 1, block.startLine <= block.endLine, block.endLine <= source.lineCount else {
                continue
            }
            let lines = Array(block.startLine...block.endLine)
            let rows = lines.filter { isRowShaped(source.lineRange($0), source: source) }
            guard let first = rows.first else { continue }
            let offset = source.lineRange(first).lowerBound + leadingBlanks(source.lineRange(first), source: source)
            // Comments and other HTML blocks between the table and the rows do not make them less
            // the table's rows; look past them for the table.
            var previous = index - 1
            while previous >= 0, blocks[previous].kind == .htmlBlock { previous -= 1 }
            guard previous >= 0, blocks[previous].kind == .table else {
                findings.append(
                    context.finding(
                        Self.self, file: document.path, offset: offset, message: Self.orphanMessage(rows: rows.count)))
                continue
            }
            let tableEnd = blocks[previous].endLine
            let between = (tableEnd + 1)..<block.startLine
            let blanksOnly = between.allSatisfy {
                source.lineRange($0).allSatisfy { RowShape.isBlank(source.bytes[$0]) }
            }
            var fix: Fix?
            if previous == index - 1, blanksOnly, rows.count == lines.count, !between.isEmpty {
                let start = source.lineStarts[between.lowerBound - 1]
                let end = source.lineStarts[between.upperBound - 1]
                fix = context.replace(
                    start..<end, in: document.path, with: "", summary: "join the rows to the table above")
            }
            // The line that ended the table is the first after its last row: a blank line or a comment.
            let breaker = tableEnd + 1
            findings.append(
                context.finding(
                    Self.self, file: document.path, offset: offset,
                    message: Self.splitMessage(rows: rows.count, line: breaker),
                    fix: fix))
        }
    }

    /// A line that starts with `|` after indentation and holds at least one more unescaped pipe.
    private func isRowShaped(_ line: Range<Int>, source: SourceText) -> Bool {
        let start = line.lowerBound + leadingBlanks(line, source: source)
        guard start < line.upperBound, source.bytes[start] == UInt8(ascii: "|") else { return false }
        var pipes = 0
        var index = start
        while index < line.upperBound {
            if source.bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if source.bytes[index] == UInt8(ascii: "|") { pipes += 1 }
            index += 1
        }
        return pipes >= 2
    }

    private func leadingBlanks(_ line: Range<Int>, source: SourceText) -> Int {
        line.prefix { RowShape.isBlank(source.bytes[$0]) }.count
    }
}
