import CuratorCore
import Testing

@testable import CuratorReporters

@Suite struct ReportFormatTests {
    @Test func formatNamesAreTheCommandLineContract() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "github", "markdown"])
    }

    @Test(arguments: ReportFormat.allCases)
    func everyFormatRendersEveryReport(format: ReportFormat) {
        for report in [SampleReports.mixed, SampleReports.empty] {
            let output = format.render(report)
            #expect(!output.isEmpty)
            #expect(output.hasSuffix("\n"))
            #expect(output == format.render(report), "output must be deterministic")
        }
    }
}
