import CuratorCore
import Testing

@testable import CuratorReporters

/// A file name is the one part of a text finding that the list's author chooses byte for byte.
@Suite struct TextReporterFileNameTests {
    /// A newline in a file name would otherwise print `::error::...` at the start of a line of an
    /// Actions log, which the runner reads as a workflow command.
    @Test(arguments: [
        ("a\n::error::owned.md", "a%0A::error::owned.md:1:1: error [dead-link] gone\n"),
        ("a\rb.md", "a%0Db.md:1:1: error [dead-link] gone\n"),
        ("100%.md", "100%25.md:1:1: error [dead-link] gone\n"),
    ])
    func lineBreaksInFileNamesAreEscaped(file: String, expected: String) {
        let output = TextReporter().render(SampleReports.single("gone", file: file))
        #expect(output.hasPrefix(expected))
        #expect(output.split(separator: "\n").count == 2, "one finding line and the totals")
    }
}
