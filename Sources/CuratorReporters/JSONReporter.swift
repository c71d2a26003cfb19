public import CuratorCore
import Foundation

/// The JSON shape that DESIGN.md promises to scripts:
/// `{"summary": {"files", "entries", "findings", "byRule"}, "findings": [{"file", "line", "column",
/// "rule", "severity", "message", "fix"?}]}`.
///
/// Keys are sorted so that two runs over the same input produce byte-identical output, which
/// keeps diffs of saved reports meaningful. The layout is `JSONEncoder`'s (see `JSONText`), written
/// by `PrettyJSONWriter` because this report can hold tens of thousands of findings.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        // About 400 bytes per finding with a fix; reserving avoids regrowing a large buffer.
        var json = PrettyJSONWriter(capacity: 512 + 400 * report.findings.count)
        // Every object's keys are written in sorted (byte) order, as `.sortedKeys` would.
        json.beginObject()
        json.key("findings")
        json.beginArray()
        // A large report's findings are written in parts on all cores and joined in order; each
        // part goes on from where the one before it stops.
        let findings = report.findings
        let partSize = max(2_000, (findings.count + 7) / 8)
        let partCount = (findings.count + partSize - 1) / partSize
        let open = json.openContainers
        let parts = concurrentMap(partCount) { part -> PrettyJSONWriter in
            var writer = PrettyJSONWriter(capacity: 400 * partSize, continuing: open.dropLast() + [part > 0])
            for finding in findings[(part * partSize)..<min(findings.count, (part + 1) * partSize)] {
                writer.element()
                write(finding, to: &writer)
            }
            return writer
        }
        for part in parts { json.append(part) }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.key("byRule")
        json.beginObject()
        for (rule, count) in report.countsByRule.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            json.key(rule)
            json.integer(count)
        }
        json.endObject()
        json.key("entries")
        json.integer(report.entries)
        json.key("files")
        json.integer(report.files)
        json.key("findings")
        json.integer(report.findings.count)
        json.endObject()
        json.endObject()
        json.newline()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private func write(_ finding: Finding, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("column")
        json.integer(finding.location.column)
        json.key("file")
        json.string(finding.location.file)
        if let fix = finding.fix {
            json.key("fix")
            json.beginObject()
            json.key("edits")
            json.beginArray()
            for edit in fix.edits {
                json.element()
                json.beginObject()
                json.key("end")
                json.integer(edit.range.upperBound)
                json.key("file")
                json.string(edit.file)
                json.key("replacement")
                json.string(edit.replacement)
                json.key("start")
                json.integer(edit.range.lowerBound)
                json.endObject()
            }
            json.endArray()
            json.key("summary")
            json.string(fix.summary)
            json.endObject()
        }
        json.key("line")
        json.integer(finding.location.line)
        json.key("message")
        json.string(finding.message)
        json.key("rule")
        json.string(finding.ruleID)
        json.key("severity")
        json.string(finding.severity.rawValue)
        json.endObject()
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
