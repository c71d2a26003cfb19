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

            """
        #expect(GitHubAnnotationReporter().render(SampleReports.mixed) == expected)
    }

    @Test func emptyReportPrintsOnlyTotals() {
        #expect(
            GitHubAnnotationReporter().render(SampleReports.empty) == "0 errors, 0 warnings in 3 files (0 entries)\n")
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
