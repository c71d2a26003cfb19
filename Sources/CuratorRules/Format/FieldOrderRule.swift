import CuratorCore

/// Entry fields out of the order the format prescribes.
///
/// Lint reports each field that comes after a field the format puts behind it: a badge after the
/// title, a star mark after the authors, a link before the title. The order is the format's
/// `fields` list; a table's links column comes after the paper cell's fields.
/// There is no fix: moving a field means rewriting the row, which a person should review.
struct FieldOrderRule: EntryRule {
    static func message(_ field: EntryFormat.Field, after other: EntryFormat.Field) -> String {
        "\(name(field)) after the \(name(other)); the format puts \(name(field, plural: true)) before \(name(other, plural: true))"
    }

    static func name(_ field: EntryFormat.Field, plural: Bool = false) -> String {
        switch field {
        case .badges: plural ? "badges" : "badge"
        case .starMark: plural ? "star marks" : "star mark"
        case .title: plural ? "titles" : "title"
        case .authors: "authors"
        case .name: plural ? "names" : "name"
        case .description: plural ? "descriptions" : "description"
        case .links: plural ? "links" : "link"
        }
    }

    static let description = RuleDescription(
        id: "field-order",
        summary: "Entry fields come in the format's order.",
        rationale: """
            Readers scan a list by position: badges first, then the title, then the authors, then \
            the links. A badge after the title breaks the column's visual rhythm and is easy to \
            mistake for part of the title or the author list.
            """,
        severity: .warning,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)<br>[Title](https://arxiv.org/abs/2401.02938) ↓[![Type](https://img.shields.io/badge/Unstructured-C2A4A6)]() <br> Author One |<img width=\"202\" alt=\"image\" src=\"figures/present.png\"> |[Github](https://github.com/o/r) <br> [Paper](https://arxiv.org/abs/2401.02938)|\n"
            ),
            Example(
                "* [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135) ↓[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)\n* [Title](https://arxiv.org/abs/2205.14136). Tri Dao. ↓[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r) [[Paper]](https://arxiv.org/abs/2205.14136)\n",
                path: "hardware.md"),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r)[![Publish](https://img.shields.io/badge/Conference-ICLR'25-blue)]()<br> :star: [Title](https://arxiv.org/abs/2409.13652) <br> Author One, Author Two |<img width=\"1002\" alt=\"image\" src=\"figures/present.png\"> |[Github](https://github.com/o/r) <br> [Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n"
            ),
            Example(
                "* [![Publish](https://img.shields.io/badge/Conference-NeurIPS'22-blue)]() [![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)](https://github.com/o/r) [Title](https://arxiv.org/abs/2205.14135). Tri Dao. [[Paper]](https://arxiv.org/abs/2205.14135)[[Github]](https://github.com/o/r)\n",
                path: "hardware.md"),
        ]
    )

    /// Checks every entry without copying it (see `Catalog.forEachEntry`).
    func check(_ context: LintContext) -> [Finding] {
        context.catalog.findings { check($0, in: context) }
    }

    func check(_ entry: Entry, in context: LintContext) -> [Finding] {
        guard let format = context.ruleset.ruleset.formats.first(where: { $0.id == entry.formatID }),
            let fields = format.fields
        else { return [] }
        func rank(_ field: EntryFormat.Field) -> Int { fields.firstIndex(of: field) ?? fields.count }
        var findings: [Finding] = []
        var furthest: EntryFormat.Field?
        for (field, offset) in entry.fieldSequence.sorted(by: { $0.offset < $1.offset }) {
            if let before = furthest, rank(field) < rank(before) {
                findings.append(
                    context.finding(
                        Self.self, file: entry.file, offset: offset, message: Self.message(field, after: before)))
            } else if furthest.map({ rank(field) > rank($0) }) ?? true {
                furthest = field
            }
        }
        return findings
    }
}
