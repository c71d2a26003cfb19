import CuratorCore

/// Entry link labels spelled otherwise than the list spells them.
///
/// Lint reports, at the label, each link of an entry whose label the ruleset's `links.spelled`
/// map corrects (`[paper]` for `[Paper]`, `[GitHub]` for `[Github]`).
/// The fix writes the label as the map spells it.
struct LinkLabelRule: EntryRule {
    static func message(_ label: String, _ spelled: String) -> String {
        "link label '\(label)' is spelled '\(spelled)' in this list"
    }

    static let description = RuleDescription(
        id: "link-label",
        summary: "Link labels are spelled as the list spells them.",
        rationale: """
            One spelling per label keeps hundreds of rows scannable and lets scripts and readers \
            find every paper or code link by its label.
            """,
        severity: .warning,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2301.00774) <br> A | |[↓GitHub](https://github.com/o/r) [↓paper](https://arxiv.org/abs/2301.00774) |\n"
            ),
            Example(
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[↓paper]](https://arxiv.org/abs/2205.14135)[[↓github]](https://github.com/o/r)\n",
                path: "hardware.md"),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2301.00774) <br> A | |[Github](https://github.com/o/r) <br> [Paper](https://arxiv.org/abs/2301.00774)|\n"
            ),
            Example(
                "* [paper](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)[[Github]](https://github.com/o/r)\n",
                path: "hardware.md"),
        ],
        corrections: [
            Correction(
                Example(
                    "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[↓paper]](https://arxiv.org/abs/2205.14135)[[↓code]](https://github.com/o/r)\n",
                    path: "hardware.md"),
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)[[Code]](https://github.com/o/r)\n"
            )
        ]
    )

    /// Checks every entry without copying it (see `Catalog.forEachEntry`).
    func check(_ context: LintContext) -> [Finding] {
        context.catalog.findings { check($0, in: context) }
    }

    func check(_ entry: Entry, in context: LintContext) -> [Finding] {
        guard let spelled = context.ruleset.ruleset.links?.spelled,
            let source = context.workspace.document(named: entry.file)?.source
        else { return [] }
        var findings: [Finding] = []
        for link in entry.links {
            guard let wanted = spelled[link.label], wanted != link.label else { continue }
            // The label follows the link's opening brackets: `[paper]` or `[[paper]]`.
            var start = link.range.lowerBound
            while start < link.range.upperBound, source.bytes[start] == UInt8(ascii: "[") { start += 1 }
            let label = Array(link.label.utf8)
            let end = start + label.count
            let fix: Fix? =
                end <= link.range.upperBound && source.bytes[start..<end].elementsEqual(label)
                ? context.replace(
                    start..<end, in: entry.file, with: wanted, summary: "spell the label \(wanted)", inside: link.range,
                    nodeName: "link") : nil
            findings.append(
                context.finding(
                    Self.self, file: entry.file, offset: fix == nil ? link.range.lowerBound : start,
                    message: Self.message(link.label, wanted), fix: fix))
        }
        return findings
    }
}
