import CuratorCore

/// Paper cells missing the separator between their badges, title and authors.
///
/// Lint reports, in table rows whose format names a `separator`, a title that follows the badges
/// (or a star mark that follows them) without the separator, and authors that follow the title
/// without it. The fix inserts the separator before the title or star mark, and replaces the
/// spaces or dots between the title and the authors with ` <br> `.
struct FieldSeparatorRule: EntryRule {
    static func beforeTitleMessage(_ separator: String) -> String {
        "no '\(separator)' between the badges and the title: GitHub runs them together on one line"
    }

    static func beforeAuthorsMessage(_ separator: String) -> String {
        "no '\(separator)' between the title and the authors: GitHub runs them together on one line"
    }

    static let description = RuleDescription(
        id: "field-separator",
        summary: "Badges, title and authors in a table cell are separated as the format says.",
        rationale: """
            A table cell has no paragraphs, so the list separates its badges, title and authors with \
            '<br>'. Without it the title runs on from the badges or into the author names, and \
            readers cannot tell where the title ends.
            """,
        severity: .warning,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]() ↓[Title](https://arxiv.org/abs/2409.13652)↓ Author One, Author Two |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]()↓:star: [Title](https://arxiv.org/abs/2409.13652) <br> A |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|\n|[Title](https://arxiv.org/abs/2409.13653)↓. Author One |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13653)|\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)<br>[Title](https://arxiv.org/abs/2401.02938) [![Type](https://img.shields.io/badge/Unstructured-C2A4A6)]()↓ Author One |<img width=\"202\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2401.02938)|\n"
            ),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]()<br> :star: [Title](https://arxiv.org/abs/2409.13652) <br> Author One, Author Two |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Github](https://github.com/o/r) <br> [Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652)<br>Author One |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|\n"
            ),
            Example(
                "* [![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r) [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)\n",
                path: "hardware.md"),
        ],
        corrections: [
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]() ↓[Title](https://arxiv.org/abs/2409.13652)↓. Author One |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|\n"
                ),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]() <br>[Title](https://arxiv.org/abs/2409.13652) <br> Author One |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2409.13652)|\n"
            ),
            // A row indented more than its header: cmark-gfm counts its columns from the header's.
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n  |[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)↓[VeriThinker](https://arxiv.org/abs/2505.17941)↓ Zigeng Chen |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2505.17941)|[//]: #06/17\n"
                ),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n  |[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)<br>[VeriThinker](https://arxiv.org/abs/2505.17941) <br> Zigeng Chen |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2505.17941)|[//]: #06/17\n"
            ),
        ]
    )

    /// Checks every entry without copying it (see `Catalog.forEachEntry`).
    func check(_ context: LintContext) -> [Finding] {
        context.catalog.findings { check($0, in: context) }
    }

    func check(_ entry: Entry, in context: LintContext) -> [Finding] {
        guard entry.kind == .tableRow, let titleLink = entry.titleLink,
            let format = context.ruleset.ruleset.formats.first(where: { $0.id == entry.formatID }),
            let separator = format.separator,
            let source = context.workspace.document(named: entry.file)?.source
        else { return [] }
        let needle = Array(separator.utf8)
        func hasSeparator(_ range: Range<Int>) -> Bool {
            guard range.count >= needle.count else { return false }
            return source.bytes[range].indices.contains { index in
                index + needle.count <= range.upperBound
                    && source.bytes[index..<(index + needle.count)].elementsEqual(needle)
            }
        }
        var findings: [Finding] = []
        let titleStart = titleLink.range.lowerBound
        if let badgesEnd = entry.badges.map(\.range.upperBound).filter({ $0 <= titleStart }).max() {
            var next = titleStart
            if let mark = entry.starMark, mark.lowerBound >= badgesEnd, mark.lowerBound < titleStart {
                next = mark.lowerBound
            }
            if !hasSeparator(badgesEnd..<next) {
                // The separator goes right before the title link's `[` or the star mark.
                let opensTitle =
                    next < source.bytes.count
                    && (next == entry.starMark?.lowerBound || source.bytes[next] == UInt8(ascii: "["))
                findings.append(
                    context.finding(
                        Self.self, file: entry.file, offset: next, message: Self.beforeTitleMessage(separator),
                        fix: opensTitle
                            ? context.replace(
                                next..<next, in: entry.file, with: separator,
                                summary: "insert \(separator) before the title", inside: entry.range) : nil))
            }
        }
        if let authors = entry.authors, authors.range.lowerBound >= titleLink.range.upperBound {
            let previous =
                ([titleLink.range.upperBound] + entry.badges.map(\.range.upperBound))
                .filter { $0 <= authors.range.lowerBound }.max() ?? titleLink.range.upperBound
            let gap = previous..<authors.range.lowerBound
            if !hasSeparator(gap) {
                // Only spaces and dots are replaced; anything else in the gap is a person's to judge.
                let onlyPunctuation = source.bytes[gap].allSatisfy {
                    $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "\t")
                }
                findings.append(
                    context.finding(
                        Self.self, file: entry.file, offset: previous, message: Self.beforeAuthorsMessage(separator),
                        fix: onlyPunctuation
                            ? context.replace(
                                gap, in: entry.file, with: " \(separator) ",
                                summary: "separate the authors with \(separator)", expecting: source.text(gap),
                                inside: entry.range) : nil))
            }
        }
        return findings
    }
}
