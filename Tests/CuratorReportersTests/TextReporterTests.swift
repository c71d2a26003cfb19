import CuratorCore
import Testing

@testable import CuratorReporters

@Suite struct TextReporterTests {
    @Test func printsOneLinePerFindingWithFixAndTotals() {
        let expected = """
            README.md:12:5: error [dead-link] https://example.org/paper answered 404.
            README.md:30:1: warning [venue-badge] Unknown venue 'ICLR25'.
              fix: Remove the trailing space
            generative_model/README.md:7:2: info [undescribed-rule] Entry has no figure.
            1 error, 1 warning, 1 info in 17 files (1,095 entries)

            """
        #expect(TextReporter().render(SampleReports.mixed) == expected)
    }

    @Test func emptyReportPrintsOnlyTotals() {
        #expect(TextReporter().render(SampleReports.empty) == "0 errors, 0 warnings in 3 files (0 entries)\n")
    }

    @Test func singularCounts() {
        #expect(TextReporter().render(SampleReports.single("x")).hasSuffix("1 error, 0 warnings in 1 file (1 entry)\n"))
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextReporter().render(SampleReports.mixed)
        #expect(!plain.contains("\u{1B}"))
        let coloured = TextReporter(options: ReportOptions(color: true)).render(SampleReports.mixed)
        #expect(coloured.contains("\u{1B}[31merror\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[33mwarning\u{1B}[0m"))
    }

    @Test func lineBreaksInMessagesStayOnOneLine() {
        let output = TextReporter().render(SampleReports.single("first\nsecond\r\nthird"))
        #expect(output.hasPrefix("README.md:1:1: error [dead-link] first second third\n"))
    }

    @Test(arguments: [
        (0, "0"), (999, "999"), (1_000, "1,000"), (1_095, "1,095"), (1_234_567, "1,234,567"), (-4_500, "-4,500"),
    ])
    func groupsDigitsInThrees(value: Int, expected: String) {
        #expect(ReportCounts.groupedDigits(value) == expected)
    }
}
