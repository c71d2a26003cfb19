import CuratorCore
import Testing

@testable import CuratorReporters

/// A file name is the one part of a text finding that the list's author chooses byte for byte.
@Suite struct TextReporterFileNameTests {
    /// A file name and the line the text format must print for it. Its description is escaped,
    /// so that the test log itself never carries the raw line break.
    struct Name: Sendable, CustomTestStringConvertible {
        var file: String
        var expected: String
        var testDescription: String { expected }
    }

    /// A newline in a file name would otherwise start a line of the author's choosing, such as a
    /// workflow command (`::error::...`) in an Actions log.
    @Test(arguments: [
        Name(file: "a\nb.md", expected: "a%0Ab.md:1:1: error [dead-link] gone"),
        Name(file: "a\rb.md", expected: "a%0Db.md:1:1: error [dead-link] gone"),
        Name(file: "100%.md", expected: "100%25.md:1:1: error [dead-link] gone"),
    ])
    func lineBreaksInFileNamesAreEscaped(_ name: Name) {
        let output = TextReporter().render(SampleReports.single("gone", file: name.file))
        #expect(output.hasPrefix(name.expected + "\n"))
        #expect(output.split(separator: "\n").count == 2, "one finding line and the totals")
    }
}
