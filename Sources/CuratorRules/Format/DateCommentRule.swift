import CuratorCore
import Foundation

/// Trailing date comments that are not in the list's form.
///
/// Lint reports each row's date comment that does not match the format's `date-comment` pattern
/// (`[//]: #06/17`, `[//]: #Recommend`) or names an impossible month or day, and text after a
/// row's last pipe that was meant as a date comment but is not written as one (`[//] #06/17`).
/// Rows without a date comment are fine. The fix rewrites a comment whose date is valid, or whose
/// word is `Recommend`, into the canonical form; an impossible date is left to a person.
struct DateCommentRule: EntryRule {
    static func shapeMessage(_ text: String) -> String {
        "date comment '\(text)' is not in the form '[//]: #MM/DD' or '[//]: #Recommend'"
    }

    static func dateMessage(_ text: String) -> String {
        "date comment '\(text)' names no real month and day"
    }

    static let description = RuleDescription(
        id: "date-comment",
        summary: "Date comments after table rows have the list's form.",
        rationale: """
            The list records when each row was added in a comment after the row's last pipe, which \
            GitHub hides. Scripts sort and prune rows by it; a comment in another shape is either \
            shown to readers or silently skipped by those scripts.
            """,
        severity: .warning,
        triggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|↓[//]: # 06/17\n|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)|↓[//]: #6/7\n|[Title 3](https://arxiv.org/abs/2409.13654) <br> C | |[Paper](https://arxiv.org/abs/2409.13654)|↓[//]: #13/45\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|↓[//] #06/17\n|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)| ↓[//]: #recommend\n"
            ),
        ],
        nonTriggering: [
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)| [//]: #Recommend\n"
            ),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|\n|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)|[//]: #02/29\n"
            ),
        ],
        corrections: [
            Correction(
                Example(
                    "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|↓[//]: # 6/17\n|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)|↓[//] #recommend\n"
                ),
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n|[Title](https://arxiv.org/abs/2409.13652) <br> A | |[Paper](https://arxiv.org/abs/2409.13652)|[//]: #06/17\n|[Title 2](https://arxiv.org/abs/2409.13653) <br> B | |[Paper](https://arxiv.org/abs/2409.13653)|[//]: #Recommend\n"
            )
        ]
    )

    /// The loose forms a date comment is recognised in, to offer its canonical spelling:
    /// `^\[?/{1,2}\]?\s*:?\s*#\s*` and then `(\d{1,2})\s*/\s*(\d{1,2})$` or, in any case,
    /// `recommend(ed)?$`. Read by hand rather than with regular expressions, which would be the
    /// only ones of an offline lint that the ruleset's `Pattern`s do not cover.
    static func looseComment(_ text: String) -> LooseComment? {
        guard var rest = RowShape.afterDateCommentPrefix(text[...]) else { return nil }
        rest = rest.drop(while: \.isWhitespace)
        let lowered = rest.lowercased()
        if lowered == "recommend" || lowered == "recommended" { return .recommend }
        let month = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(month.count).drop(while: \.isWhitespace)
        guard rest.first == "/" else { return nil }
        rest = rest.dropFirst().drop(while: \.isWhitespace)
        let day = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(month.count), (1...2).contains(day.count), day.count == rest.count,
            let monthNumber = Int(month), let dayNumber = Int(day)
        else { return nil }
        return .date(month: monthNumber, day: dayNumber)
    }

    enum LooseComment: Equatable {
        case date(month: Int, day: Int)
        case recommend
    }

    /// Days in each month, February counted in a leap year: the comment has no year.
    private static let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// What a comment's text comes to under a format's pattern.
    private enum Verdict {
        case fine
        case impossible
        case misshapen(canonical: String?)
    }

    private struct VerdictKey: Hashable {
        var formatID: String
        var text: String
    }

    /// Checks every entry without copying it (see `Catalog.forEachEntry`). A list holds a few
    /// hundred distinct comments at most (a date, or `Recommend`), so each is judged once by the
    /// regular expressions and every later row with the same text and format reuses the verdict.
    func check(_ context: LintContext) -> [Finding] {
        var verdicts: [VerdictKey: Verdict] = [:]
        return context.catalog.findings { check($0, in: context, verdicts: &verdicts) }
    }

    func check(_ entry: Entry, in context: LintContext) -> [Finding] {
        var verdicts: [VerdictKey: Verdict] = [:]
        return check(entry, in: context, verdicts: &verdicts)
    }

    private func check(_ entry: Entry, in context: LintContext, verdicts: inout [VerdictKey: Verdict]) -> [Finding] {
        guard entry.kind == .tableRow, let source = context.workspace.document(named: entry.file)?.source else {
            return []
        }
        let comment: Range<Int>
        if let dateComment = entry.dateComment {
            comment = dateComment.range
        } else if let tail = RowShape(entry, in: source).strayTail, RowShape.looksLikeDateComment(source.text(tail)) {
            comment = tail
        } else {
            return []
        }
        let text = source.text(comment)
        let key = VerdictKey(formatID: entry.formatID, text: text)
        let verdict: Verdict
        if let known = verdicts[key] {
            verdict = known
        } else {
            verdict = Self.verdict(on: text, pattern: context.ruleset.dateComment(for: entry.formatID))
            verdicts[key] = verdict
        }
        switch verdict {
        case .fine:
            return []
        case .impossible:
            return [
                context.finding(
                    Self.self, file: entry.file, offset: comment.lowerBound, message: Self.dateMessage(text))
            ]
        case .misshapen(let canonical):
            return [
                context.finding(
                    Self.self, file: entry.file, offset: comment.lowerBound, message: Self.shapeMessage(text),
                    fix: canonical.map {
                        context.replace(
                            comment, in: entry.file, with: $0, summary: "write the date comment as \($0)",
                            inside: entry.range)
                    })
            ]
        }
    }

    /// `%02d` without `String(format:)`, whose variadic arguments cost a first-use type lookup
    /// larger than the rest of the rule on a whole list.
    private static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    private static func verdict(on text: String, pattern: Pattern?) -> Verdict {
        var canonical: String?
        var impossible = false
        switch Self.looseComment(text) {
        case .date(let month, let day):
            if (1...12).contains(month), (1...Self.daysInMonth[month - 1]).contains(day) {
                canonical = "[//]: #\(Self.twoDigits(month))/\(Self.twoDigits(day))"
            } else {
                impossible = true
            }
        case .recommend:
            canonical = "[//]: #Recommend"
        case nil:
            break
        }
        let matchesFormat = pattern.map { CompiledRuleset.matches($0, text) } ?? true
        if matchesFormat && !impossible { return .fine }
        if impossible { return .impossible }
        return .misshapen(canonical: canonical)
    }
}
