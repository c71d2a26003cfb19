import CuratorCore
import Testing

@testable import CuratorReporters

@Suite struct MarkdownSummaryReporterTests {
    @Test func summaryHasRuleTableAndFindingsGroupedByFile() {
        let expected = """
            ## curator

            1 error, 1 warning, 1 info in 17 files (1,095 entries)

            | Rule | Severity | Findings | Summary |
            | --- | --- | ---: | --- |
            | dead-link | error | 1 | Links must resolve. |
            | venue-badge | warning | 1 | Venue badges use the known vocabulary. |
            | undescribed-rule | info | 1 |  |

            ### Findings

            #### README.md

            | Location | Rule | Message |
            | --- | --- | --- |
            | README.md:12 | dead-link | https://example.org/paper answered 404. |
            | README.md:30 | venue-badge | Unknown venue 'ICLR25'. (fix: Remove the trailing space) |

            #### generative\\_model/README.md

            | Location | Rule | Message |
            | --- | --- | --- |
            | generative\\_model/README.md:7 | undescribed-rule | Entry has no figure. |

            """
        #expect(MarkdownSummaryReporter().render(SampleReports.mixed) == expected)
    }

    @Test func emptyReportSaysSo() {
        let expected = "## curator\n\n0 errors, 0 warnings in 3 files (0 entries)\n\nNo findings.\n"
        #expect(MarkdownSummaryReporter().render(SampleReports.empty) == expected)
    }

    @Test func markupInMessagesIsEscaped() {
        let output = MarkdownSummaryReporter().render(
            SampleReports.single("a | b *c* `d` [e](f) <img> $x$ :star: ~~s~~ &amp;\nnext"))
        #expect(
            output.contains(
                "| a \\| b \\*c\\* \\`d\\` \\[e\\](f) \\<img\\> \\$x\\$ \\:star\\: \\~\\~s\\~\\~ \\&amp; next |"))
    }

    @Test func longMessagesAreShortened() {
        let output = MarkdownSummaryReporter().render(SampleReports.single(String(repeating: "x", count: 5_000)))
        #expect(
            output.contains(String(repeating: "x", count: MarkdownSummaryReporter.messageCharacterLimit - 1) + "… |"))
        #expect(!output.contains(String(repeating: "x", count: MarkdownSummaryReporter.messageCharacterLimit)))
    }

    @Test func locationsLinkToTheSourceWhenABaseIsKnown() {
        let base = ReportOptions.githubSourceBaseURI(environment: [
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "owner/list",
            "GITHUB_SHA": "abc123",
        ])
        #expect(base == "https://github.com/owner/list/blob/abc123/")
        let output = MarkdownSummaryReporter(options: ReportOptions(sourceBaseURI: base))
            .render(SampleReports.single("m", file: "Topic A/README.md"))
        #expect(
            output.contains(
                "| [Topic A/README.md:1](https://github.com/owner/list/blob/abc123/Topic%20A/README.md#L1) |"))
    }

    @Test func noSourceBaseOutsideGitHubActions() {
        #expect(ReportOptions.githubSourceBaseURI(environment: [:]) == nil)
        #expect(ReportOptions.githubSourceBaseURI(environment: ["GITHUB_SHA": "abc"]) == nil)
    }

    /// A run that finds something on every line of a large list must still fit the summary cap,
    /// end on a whole row, and say exactly how many findings it left out.
    @Test func hundredThousandFindingsStayUnderTheCap() throws {
        let findings = (0..<100_000).map { index in
            Finding(
                location: SourceLocation(file: "topic-\(index % 17).md", line: index + 1, column: 1),
                ruleID: index.isMultiple(of: 2) ? "dead-link" : "venue-badge",
                severity: index.isMultiple(of: 2) ? .error : .warning,
                message: "Finding number \(index) with a | pipe."
            )
        }
        let report = LintReport(files: 17, entries: 100_000, findings: findings, rules: SampleReports.rules)
        let output = MarkdownSummaryReporter().render(report)

        #expect(output.utf8.count <= ReportOptions.defaultMarkdownByteLimit)
        #expect(output.count <= 65_536)
        #expect(output.contains("| dead-link | error | 50,000 |"))
        let shownRows = output.split(separator: "\n").filter { $0.hasPrefix("| topic-") }.count
        #expect(shownRows > 100)
        let notice = try #require(output.split(separator: "\n").last)
        #expect(notice.hasPrefix("_\(ReportCounts.groupedDigits(100_000 - shownRows)) more findings not shown"))
        #expect(notice.hasSuffix("_"))
    }

    @Test func reportThatFitsHasNoNotice() {
        #expect(!MarkdownSummaryReporter().render(SampleReports.mixed).contains("not shown"))
    }
}
