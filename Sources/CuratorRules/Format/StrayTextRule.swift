import CuratorCore

/// Stray characters in and around the list's tables.
///
/// Lint reports text after a row's last pipe that is not a date comment (GitHub makes it a cell
/// past the header's count and drops it), a row that is missing the leading or trailing pipe the
/// other rows of its table have, a row that holds nothing but a few stray characters, and a
/// paragraph of stray characters beside a table.
/// The fix deletes stray text after the last pipe (unless it holds a link), adds the missing pipe,
/// and deletes a row of stray characters; a stray paragraph is left to a person.
struct StrayTextRule: Rule {
    static func tailMessage(_ text: String) -> String {
        "stray text '\(text)' after the row's last pipe: GitHub shows it as an extra cell and drops it"
    }

    static let trailingPipeMessage = "row lacks the trailing '|' that the other rows of its table have"
    static let leadingPipeMessage = "row lacks the leading '|' that the other rows of its table have"

    static func strayRowMessage(_ text: String) -> String {
        text.isEmpty ? "empty table row" : "table row holds only the stray characters '\(text)'"
    }

    static func strayParagraphMessage(_ text: String) -> String {
        "stray characters '\(text)' beside a table"
    }

    static let description = RuleDescription(
        id: "stray-text",
        summary: "No stray characters in or around tables.",
        rationale: """
            Stray characters are left by slips of the keyboard and by merges. GitHub drops text after \
            a row's last pipe without a trace, shows a row of stray characters as an empty-looking \
            table row, and a row without the pipes its neighbours have is the first thing to break \
            when a cell is added.
            """,
        severity: .warning,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2210.17323) <br> A |<img width=\"202\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2210.17323)|↓o\n|[Title 2](https://arxiv.org/abs/2210.17324) <br> B |<img width=\"202\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2210.17324)|\n|[Title 3](https://arxiv.org/abs/2210.17325) <br> C |<img width=\"202\" alt=\"image\" src=\"figures/present.png\"> |[Paper](https://arxiv.org/abs/2210.17325)↓\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2210.17323) <br> A | |[Paper](https://arxiv.org/abs/2210.17323)|\n|↓. |\n↓[Title 2](https://arxiv.org/abs/2210.17324) <br> B | |[Paper](https://arxiv.org/abs/2210.17324)|\n|[Title 3](https://arxiv.org/abs/2210.17325) <br> C | |[Paper](https://arxiv.org/abs/2210.17325)|\n\n↓~\n"
            ),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2210.17323) <br> A | |[Paper](https://arxiv.org/abs/2210.17323)|[//]: #06/17\n| [Title 2](https://arxiv.org/abs/2210.17324) <br> B | |[Paper](https://arxiv.org/abs/2210.17324)| [//]: #Recommend\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n[Title](https://arxiv.org/abs/2210.17323) <br> A | | [Paper](https://arxiv.org/abs/2210.17323)\n[Title 2](https://arxiv.org/abs/2210.17324) <br> B | | [Paper](https://arxiv.org/abs/2210.17324)\n\nMore papers below.\n"
            ),
        ],
        corrections: [
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2210.17323) <br> A | |[Paper](https://arxiv.org/abs/2210.17323)|↓o\n|↓. |\n|[Title 2](https://arxiv.org/abs/2210.17324) <br> B | |[Paper](https://arxiv.org/abs/2210.17324)|\n|[Title 3](https://arxiv.org/abs/2210.17325) <br> C | |[Paper](https://arxiv.org/abs/2210.17325)↓\n"
                ),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2210.17323) <br> A | |[Paper](https://arxiv.org/abs/2210.17323)|\n|[Title 2](https://arxiv.org/abs/2210.17324) <br> B | |[Paper](https://arxiv.org/abs/2210.17324)|\n|[Title 3](https://arxiv.org/abs/2210.17325) <br> C | |[Paper](https://arxiv.org/abs/2210.17325)|\n"
            ),
            // The date comment after the stray text stays.
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2210.17323) <br> A | |[Paper](https://arxiv.org/abs/2210.17323)| ↓junk [//]: #06/17\n"
                ),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2210.17323) <br> A | |[Paper](https://arxiv.org/abs/2210.17323)|[//]: #06/17\n"
            ),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        RowShape.forEachTable(in: context) { shapes, file, source in
            // Whether a row is stray is worked out once: the conventions and the report both ask.
            let stray = shapes.map(\.isStray)
            var readable = 0
            var trailing = 0
            var leading = 0
            for (shape, isStray) in zip(shapes, stray) where !isStray {
                readable += 1
                // A row with stray text after its last pipe still closes its cells with a pipe.
                if shape.endsWithPipe || shape.strayTail != nil { trailing += 1 }
                if shape.startsWithPipe { leading += 1 }
            }
            // A pipe is the table's convention when more than half of its proper rows have it.
            let trailingConvention = trailing * 2 > readable
            let leadingConvention = leading * 2 > readable
            for (shape, isStray) in zip(shapes, stray) {
                if isStray {
                    let text = source.text(shape.body).filter { $0 != "|" && $0 != " " && $0 != "\t" }
                    let offset = shape.body.first {
                        source.bytes[$0] != UInt8(ascii: "|") && !RowShape.isBlank(source.bytes[$0])
                    }
                    var line = source.lineRange(shape.line)
                    if line.upperBound < source.bytes.count { line = line.lowerBound..<(line.upperBound + 1) }
                    findings.append(
                        context.finding(
                            Self.self, file: file, offset: offset ?? shape.body.lowerBound,
                            message: Self.strayRowMessage(text),
                            fix: context.replace(line, in: file, with: "", summary: "delete the stray row")))
                    continue
                }
                if let tail = shape.strayTail {
                    let text = source.text(tail)
                    if RowShape.looksLikeDateComment(text) { continue }
                    let holdsLink = text.contains("](")
                    // A comment after the text is kept: the text goes from the pipe to the comment.
                    let deleted =
                        shape.commentStart.map { (shape.rawCells.last?.lowerBound ?? tail.lowerBound)..<$0 }
                        ?? tail.lowerBound..<shape.range.upperBound
                    findings.append(
                        context.finding(
                            Self.self, file: file, offset: tail.lowerBound, message: Self.tailMessage(text),
                            fix: holdsLink
                                ? nil
                                : context.replace(
                                    deleted, in: file, with: "", summary: "delete the stray text",
                                    inside: shape.range, nodeName: "row")))
                    continue
                }
                if leadingConvention, !shape.startsWithPipe {
                    findings.append(
                        context.finding(
                            Self.self, file: file, offset: shape.body.lowerBound, message: Self.leadingPipeMessage,
                            fix: context.replace(
                                shape.body.lowerBound..<shape.body.lowerBound, in: file, with: "|",
                                summary: "add the leading pipe", inside: shape.range, nodeName: "row")))
                }
                if trailingConvention, !shape.endsWithPipe {
                    findings.append(
                        context.finding(
                            Self.self, file: file, offset: shape.body.upperBound, message: Self.trailingPipeMessage,
                            fix: context.replace(
                                shape.body.upperBound..<shape.body.upperBound, in: file, with: "|",
                                summary: "add the trailing pipe", inside: shape.range, nodeName: "row")))
                }
            }
        }
        findings += strayParagraphs(context)
        return findings
    }

    /// Top-level paragraphs of a few non-word characters right before or after a table.
    private func strayParagraphs(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (document, _) in context.workspace.documents {
            let blocks = document.root.children
            for (index, block) in blocks.enumerated() where block.kind == .paragraph {
                let besideTable =
                    (index > 0 && blocks[index - 1].kind == .table)
                    || (index + 1 < blocks.count && blocks[index + 1].kind == .table)
                guard besideTable else { continue }
                let range = document.range(of: block)
                let text = document.source.text(range).filter { !$0.isWhitespace }
                guard text.count <= 3 || !text.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
                // Pipe-only lines are rows cut off from their table; `table-split` reports those.
                guard !text.contains("|") else { continue }
                findings.append(
                    context.finding(
                        Self.self, file: document.path, offset: range.lowerBound,
                        message: Self.strayParagraphMessage(text)))
            }
        }
        return findings
    }
}
