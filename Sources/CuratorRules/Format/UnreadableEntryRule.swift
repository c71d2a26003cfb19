import CuratorCore

/// Rows and bullets that stand where entries stand but cannot be read as one.
///
/// Lint reports, at its first cell or at its bullet, each entry whose format's key field (the title
/// link, or the project's name) could not be found, with the reason. Rows that hold nothing but a
/// few stray characters are left to `stray-text`, and rows whose title a pipe cut in two to
/// `cell-count`.
/// There is no fix: what the row should say is not in it.
struct UnreadableEntryRule: EntryRule {
    static func message(_ reason: String) -> String {
        "entry cannot be read (\(reason)); no other check sees it"
    }

    static let description = RuleDescription(
        id: "unreadable-entry",
        summary: "Every row or bullet of an entry list can be read as an entry.",
        rationale: """
            A row without its title link is a paper nobody can open, and every other check skips it: \
            duplicates, dead links and venues go unseen. It is reported instead of silently ignored.
            """,
        severity: .error,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|↓Title without a link <br> Author One |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n"
            ),
            Example(
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)\n↓* FlashAttention. Tri Dao.\n",
                path: "hardware.md"),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> Author One |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n"
            ),
            Example(
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)\n- [Contents](#hardware)\n",
                path: "hardware.md"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|\n| . | | |\n"
            ),
        ]
    )

    /// Checks every entry without copying it (see `Catalog.forEachEntry`).
    func check(_ context: LintContext) -> [Finding] {
        context.catalog.findings { check($0, in: context) }
    }

    func check(_ entry: Entry, in context: LintContext) -> [Finding] {
        guard let reason = entry.unreadableReason else { return [] }
        var offset = entry.range.lowerBound
        if entry.kind == .tableRow, let source = context.workspace.document(named: entry.file)?.source {
            let shape = RowShape(entry, in: source)
            // A stray row is `stray-text`'s, and a row cut by a pipe in its title is `cell-count`'s.
            if shape.isStray || (shape.pipeInsideLabel != nil && shape.cellCount != entry.columnCount) { return [] }
            if let first = entry.rawCells.first { offset = RowShape.trim(first, in: source).lowerBound }
        }
        return [context.finding(Self.self, file: entry.file, offset: offset, message: Self.message(reason))]
    }
}
