import CuratorCore
import Testing

@testable import CuratorReporters

@Suite struct ReportFormatTests {
    @Test func formatNamesAreTheCommandLineContract() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "github", "markdown", "rdjsonl"])
    }

    @Test(arguments: ReportFormat.allCases)
    func everyFormatRendersEveryReport(format: ReportFormat) {
        for report in [SampleReports.mixed, SampleReports.empty] {
            let output = format.render(report)
            // rdjsonl is one line a finding, so an empty report is empty.
            if format == .rdjsonl, report.findings.isEmpty {
                #expect(output.isEmpty)
                continue
            }
            #expect(!output.isEmpty)
            #expect(output.hasSuffix("\n"))
            #expect(output == format.render(report), "output must be deterministic")
        }
    }
}
