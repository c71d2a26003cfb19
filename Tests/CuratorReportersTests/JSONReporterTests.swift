import CuratorCore
import Foundation
import Testing

@testable import CuratorReporters

@Suite struct JSONReporterTests {
    /// The whole document for a small report, byte for byte: this is the contract DESIGN.md states,
    /// with sorted keys, and `fix` present only on the finding that has one.
    @Test func shapeMatchesDesignExactly() {
        let report = LintReport(
            files: 2,
            entries: 5,
            findings: [
                SampleReports.mixed.findings[0],
                SampleReports.mixed.findings[1],
            ],
            rules: SampleReports.rules
        )
        let expected = """
            {
              "findings" : [
                {
                  "column" : 5,
                  "file" : "README.md",
                  "line" : 12,
                  "message" : "https://example.org/paper answered 404.",
                  "rule" : "dead-link",
                  "severity" : "error"
                },
                {
                  "column" : 1,
                  "file" : "README.md",
                  "fix" : {
                    "edits" : [
                      {
                        "end" : 121,
                        "file" : "README.md",
                        "replacement" : "",
                        "start" : 120
                      }
                    ],
                    "summary" : "Remove the trailing space"
                  },
                  "line" : 30,
                  "message" : "Unknown venue 'ICLR25'.",
                  "rule" : "venue-badge",
                  "severity" : "warning"
                }
              ],
              "summary" : {
                "byRule" : {
                  "dead-link" : 1,
                  "venue-badge" : 1
                },
                "entries" : 5,
                "files" : 2,
                "findings" : 2
              }
            }

            """
        #expect(JSONReporter().render(report) == expected)
    }

    @Test func keysAreExactlyThoseOfTheDesign() throws {
        let object = try decode(JSONReporter().render(SampleReports.mixed))
        #expect(Set(object.keys) == ["summary", "findings"])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(Set(summary.keys) == ["files", "entries", "findings", "byRule"])
        #expect(summary["files"] as? Int == 17)
        #expect(summary["entries"] as? Int == 1_095)
        #expect(summary["findings"] as? Int == 3)
        let byRule = try #require(summary["byRule"] as? [String: Int])
        #expect(byRule == ["dead-link": 1, "venue-badge": 1, "undescribed-rule": 1])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let required: Set<String> = ["file", "line", "column", "rule", "severity", "message"]
        #expect(findings.map { Set($0.keys) } == [required, required.union(["fix"]), required])
    }

    @Test func emptyReport() throws {
        let object = try decode(JSONReporter().render(SampleReports.empty))
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect((summary["byRule"] as? [String: Any])?.isEmpty == true)
        #expect(summary["findings"] as? Int == 0)
    }

    @Test func messagesRoundTripUnchanged() throws {
        let message = "Quote \" backslash \\ newline \n tab \t unicode ☆ slash /"
        let object = try decode(JSONReporter().render(SampleReports.single(message)))
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["message"] as? String == message)
    }

    private func decode(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
