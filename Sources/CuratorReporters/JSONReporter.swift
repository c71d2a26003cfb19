public import CuratorCore
import Foundation

/// The JSON shape that DESIGN.md promises to scripts:
/// `{"summary": {"files", "entries", "findings", "byRule"}, "findings": [{"file", "line", "column",
/// "rule", "severity", "message", "fix"?}]}`.
///
/// Keys are sorted so that two runs over the same input produce byte-identical output, which
/// keeps diffs of saved reports meaningful.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        JSONText.encode(JSONReportDocument(report))
    }
}

/// The encodable mirror of the JSON format. It is separate from `Finding` so the published shape
/// cannot change by accident when the core types do.
struct JSONReportDocument: Encodable {
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

    /// A byte range of the file, `start` inclusive and `end` exclusive, as `TextEdit` holds it.
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
            files: report.files,
            entries: report.entries,
            findings: report.findings.count,
            byRule: report.countsByRule
        )
        findings = report.findings.map { finding in
            Item(
                file: finding.location.file,
                line: finding.location.line,
                column: finding.location.column,
                rule: finding.ruleID,
                severity: finding.severity.rawValue,
                message: finding.message,
                fix: finding.fix.map { fix in
                    FixItem(
                        summary: fix.summary,
                        edits: fix.edits.map {
                            EditItem(
                                file: $0.file,
                                start: $0.range.lowerBound,
                                end: $0.range.upperBound,
                                replacement: $0.replacement
                            )
                        }
                    )
                }
            )
        }
    }
}

/// One JSON encoding for every JSON-based format, so they agree on layout.
enum JSONText {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        // Slashes stay unescaped because the output is full of paths and URLs that people read.
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(value)
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            // The encoded types hold only strings, integers and arrays of them, which JSONEncoder
            // cannot fail on; reaching this line is a programming error, not an input error.
            preconditionFailure("JSON encoding of a report failed: \(error)")
        }
    }
}
