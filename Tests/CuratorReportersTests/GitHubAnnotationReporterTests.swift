import CuratorCore
import Testing

@testable import CuratorReporters

@Suite struct GitHubAnnotationReporterTests {
    @Test func oneWorkflowCommandPerFinding() {
        let expected = """
            ::error file=README.md,line=12,col=5,title=dead-link::https://example.org/paper answered 404.
            ::warning file=README.md,line=30,col=1,title=venue-badge::Unknown venue 'ICLR25'.%0Afix: Remove the trailing space (run `curator lint --fix`)
            ::notice file=generative_model/README.md,line=7,col=2,title=undescribed-rule::Entry has no figure.
            1 error, 1 warning, 1 info in 17 files (1,095 entries)
            0 findings are not shown as annotations (GitHub shows 10 errors, 10 warnings and 10 notices a step).

            """
        #expect(GitHubAnnotationReporter().render(SampleReports.mixed) == expected)
    }

    @Test func emptyReportPrintsOnlyTotals() {
        #expect(
            GitHubAnnotationReporter().render(SampleReports.empty)
                == "0 errors, 0 warnings in 3 files (0 entries)\n"
                + "0 findings are not shown as annotations (GitHub shows 10 errors, 10 warnings and 10 notices a step).\n"
        )
    }

    /// GitHub shows the first ten annotations of each kind a step, so errors, which fail the
    /// check, come first, and the last line counts what GitHub drops.
    @Test func errorsComeFirstAndTheLastLineCountsTheHidden() {
        func finding(_ line: Int, _ severity: Severity) -> Finding {
            Finding(
                location: SourceLocation(file: "README.md", line: line, column: 1), ruleID: "dead-link",
                severity: severity, message: "m\(line)")
        }
        // Lines 1-13 warnings, 14-25 errors, 26 an info: 3 warnings and 2 errors over the limit.
        let findings =
            (1...13).map { finding($0, .warning) } + (14...25).map { finding($0, .error) } + [finding(26, .info)]
        let report = LintReport(files: 1, entries: 26, findings: findings, rules: SampleReports.rules)
        let lines = GitHubAnnotationReporter().render(report).split(separator: "\n").map(String.init)
        let commands = lines.filter { $0.hasPrefix("::") }.map { String($0.prefix { $0 != " " }) }
        #expect(
            commands
                == Array(repeating: "::error", count: 12) + Array(repeating: "::warning", count: 13) + ["::notice"])
        #expect(lines.first?.contains("line=14,") == true, "errors keep the report's order")
        #expect(
            lines.last
                == "5 findings are not shown as annotations (GitHub shows 10 errors, 10 warnings and 10 notices a step): they are all in this log."
        )
    }

    @Test func messageDataIsEscaped() {
        let output = GitHubAnnotationReporter().render(SampleReports.single("100% sure\r\nnext: a, b"))
        #expect(output.hasPrefix("::error file=README.md,line=1,col=1,title=dead-link::100%25 sure%0D%0Anext: a, b\n"))
    }

    @Test func propertyValuesAlsoEscapeColonAndComma() {
        let output = GitHubAnnotationReporter().render(SampleReports.single("m", file: "a,b:c%d\ne.md"))
        #expect(output.hasPrefix("::error file=a%2Cb%3Ac%25d%0Ae.md,line=1,col=1,title=dead-link::m\n"))
    }

    @Test(arguments: [(Severity.error, "error"), (.warning, "warning"), (.info, "notice")])
    func severityNamesTheCommand(severity: Severity, command: String) {
        let output = GitHubAnnotationReporter().render(SampleReports.single("m", severity: severity))
        #expect(output.hasPrefix("::\(command) "))
    }
}
