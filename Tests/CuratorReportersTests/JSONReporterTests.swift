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

    /// The writer lays JSON out by hand; Foundation's encoder, given the same shape as `Encodable`
    /// types, is the reference it must match byte for byte, escapes and empty containers included.
    @Test(arguments: [
        SampleReports.mixed, SampleReports.empty,
        SampleReports.single("controls \u{1}\u{8}\u{c}\u{1f}\u{7f} \r\n\t quotes \" \\ slash / é ☆ 😀 \u{2028}"),
        LintReport(
            files: 1, entries: 0,
            findings: [
                Finding(
                    location: SourceLocation(file: "a/b \"c\".md", line: 1, column: 1), ruleID: "zeta",
                    severity: .info, message: "",
                    fix: Fix(
                        summary: "two edits",
                        edits: [
                            TextEdit(file: "x.md", range: 0..<0, replacement: "\n"),
                            TextEdit(
                                file: "x.md", range: 5..<900_000_000, replacement: "[Paper](https://arxiv.org/abs/1)"),
                        ])),
                Finding(
                    location: SourceLocation(file: "x.md", line: 2, column: 3), ruleID: "Alpha", severity: .error,
                    message: "no fix", fix: Fix(summary: "nothing to do", edits: [])),
            ],
            rules: [:]),
    ])
    func layoutIsJSONEncoders(report: LintReport) {
        #expect(JSONReporter().render(report) == JSONText.encode(EncodableReport(report)))
    }

    /// A report large enough to be written in several parts reads exactly as one written whole.
    @Test func largeReportsJoinTheirParts() {
        let findings = (0..<9_001).map { number in
            Finding(
                location: SourceLocation(file: "f\(number % 7).md", line: number, column: number % 80 + 1),
                ruleID: "rule-\(number % 5)", severity: number.isMultiple(of: 2) ? .warning : .error,
                message: "finding \(number) \"quoted\"",
                fix: number.isMultiple(of: 3)
                    ? Fix(
                        summary: "fix \(number)",
                        edits: [TextEdit(file: "f.md", range: number..<(number + 1), replacement: "")])
                    : nil)
        }
        let report = LintReport(files: 7, entries: 9_001, findings: findings, rules: [:])
        #expect(JSONReporter().render(report) == JSONText.encode(EncodableReport(report)))
    }

    private func decode(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

/// The report's shape as `Encodable` types, for `JSONEncoder` to lay out as the reference.
private struct EncodableReport: Encodable {
    struct Summary: Encodable {
        var files: Int
        var entries: Int
        var findings: Int
        var byRule: [String: Int]
    }

    struct Item: Encodable {
        var file: String
        var line: Int
        var column: Int
        var rule: String
        var severity: String
        var message: String
        var fix: FixItem?
    }

    struct FixItem: Encodable {
        var summary: String
        var edits: [EditItem]
    }

    struct EditItem: Encodable {
        var file: String
        var start: Int
        var end: Int
        var replacement: String
    }

    var summary: Summary
    var findings: [Item]

    init(_ report: LintReport) {
        summary = Summary(
            files: report.files, entries: report.entries, findings: report.findings.count,
            byRule: report.countsByRule)
        findings = report.findings.map { finding in
            Item(
                file: finding.location.file, line: finding.location.line, column: finding.location.column,
                rule: finding.ruleID, severity: finding.severity.rawValue, message: finding.message,
                fix: finding.fix.map { fix in
                    FixItem(
                        summary: fix.summary,
                        edits: fix.edits.map {
                            EditItem(
                                file: $0.file, start: $0.range.lowerBound, end: $0.range.upperBound,
                                replacement: $0.replacement)
                        })
                })
        }
    }
}
