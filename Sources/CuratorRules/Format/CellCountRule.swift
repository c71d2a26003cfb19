import CuratorCore

/// Table rows whose cells, as GitHub splits them, do not match the header.
///
/// Lint reports each row with more cells than its header, saying which text GitHub drops, and each
/// row with fewer. When a pipe inside a title or label is the cause, the finding points at that
/// pipe; otherwise at the first dropped cell, or at the row's first cell when cells are missing.
/// The fix escapes a pipe that stands inside a link's label (`\|`); other counts need a person.
struct CellCountRule: EntryRule {
    static func extraMessage(cells: Int, columns: Int, lost: String) -> String {
        "row has \(cells) cells but the header has \(columns): GitHub drops the extra cells"
            + (lost.isEmpty ? " (they are empty: a stray '|')" : ", losing '\(lost)'")
    }

    static func pipeMessage(cells: Int, columns: Int, lost: String) -> String {
        "a '|' inside link text splits the cell, so the row has \(cells) cells but the header has \(columns): "
            + (lost.isEmpty ? "the row's content shifts" : "GitHub drops '\(lost)'") + "; escape it as '\\|'"
    }

    static func missingMessage(cells: Int, columns: Int) -> String {
        "row has \(cells) cells but the header has \(columns): GitHub renders the missing cells empty, so content is not under its header"
    }

    static let description = RuleDescription(
        id: "cell-count",
        summary: "Table rows have as many cells as their header.",
        rationale: """
            GitHub drops the cells of a row beyond the header's count without a trace, and a row \
            with fewer cells shows its links under the wrong column. An unescaped '|' in a title is \
            the usual cause: it cuts the title link in two and pushes every later cell one to the right.
            """,
        severity: .error,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652) | ↓[Model](https://huggingface.co/o/m) |\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title ↓| More](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n|↓[Title](https://arxiv.org/abs/2409.13653) <br> A |[Paper](https://arxiv.org/abs/2409.13653)|\n"
            ),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title \\| More](https://arxiv.org/abs/2409.13652) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n[Title](https://arxiv.org/abs/2409.13652) <br> A | | [Paper](https://arxiv.org/abs/2409.13652)\n"
            ),
        ],
        corrections: [
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title ↓| More](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|\n"
                ),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title \\| More](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|\n"
            )
        ]
    )

    /// Checks every entry without copying it (see `Catalog.forEachEntry`).
    func check(_ context: LintContext) -> [Finding] {
        context.catalog.findings { check($0, in: context) }
    }

    func check(_ entry: Entry, in context: LintContext) -> [Finding] {
        guard entry.kind == .tableRow, entry.columnCount > 0,
            let source = context.workspace.document(named: entry.file)?.source
        else { return [] }
        let shape = RowShape(entry, in: source)
        let cells = shape.cellCount
        let columns = entry.columnCount
        guard cells != columns, !shape.isStray else { return [] }
        let lost =
            cells > columns
            ? entry.rawCells[columns..<cells].map { source.text(RowShape.trim($0, in: source)) }
                .filter { !$0.isEmpty }.joined(separator: " | ")
            : ""
        if let pipe = shape.pipeInsideLabel {
            return [
                context.finding(
                    Self.self, file: entry.file, offset: pipe,
                    message: Self.pipeMessage(cells: cells, columns: columns, lost: lost),
                    fix: context.replace(
                        pipe..<pipe, in: entry.file, with: "\\", summary: "escape the pipe", inside: entry.range))
            ]
        }
        if cells > columns {
            let offset = RowShape.trim(entry.rawCells[columns], in: source).lowerBound
            return [
                context.finding(
                    Self.self, file: entry.file, offset: offset,
                    message: Self.extraMessage(cells: cells, columns: columns, lost: lost))
            ]
        }
        let offset = entry.rawCells.first.map { RowShape.trim($0, in: source).lowerBound } ?? entry.range.lowerBound
        return [
            context.finding(
                Self.self, file: entry.file, offset: offset,
                message: Self.missingMessage(cells: cells, columns: columns))
        ]
    }
}
