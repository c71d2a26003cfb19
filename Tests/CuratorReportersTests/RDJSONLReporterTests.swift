import CuratorCore
import Foundation
import Testing

@testable import CuratorReporters

@Suite struct RDJSONLReporterTests {
    /// A line of text with `↓` marking a place, and the place's byte offset in the text without it.
    static func marked(_ text: String) -> (text: String, offsets: [Int]) {
        var clean: [UInt8] = []
        var offsets: [Int] = []
        for scalar in text.unicodeScalars {
            if scalar == "↓" {
                offsets.append(clean.count)
            } else {
                clean += Array(String(scalar).utf8)
            }
        }
        return (String(decoding: clean, as: UTF8.self), offsets)
    }

    static func object(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    static func position(_ object: Any?) -> [Int] {
        let position = object as? [String: Any]
        return [position?["line"] as? Int ?? -1, position?["column"] as? Int ?? -1]
    }

    /// Columns count bytes, so the two-byte `é` and the three-byte `→` before the finding move it
    /// three columns further than its scalar column; the fix's edit becomes the suggestion and
    /// marks the location's range, whose end is exclusive.
    @Test func columnsCountBytesAndFixesBecomeSuggestions() throws {
        let (text, offsets) = Self.marked("# Café\n| é → ↓[paper]↓(https://arxiv.org/abs/1) |\n")
        let source = try SourceText(path: "README.md", bytes: Array(text.utf8))
        let scalarColumn = 7
        let finding = Finding(
            location: SourceLocation(file: "README.md", line: 2, column: scalarColumn), ruleID: "link-label",
            severity: .warning, message: "Write 'Paper'.",
            fix: Fix(
                summary: "Respell the label",
                edits: [TextEdit(file: "README.md", range: offsets[0]..<offsets[1], replacement: "[Paper]")]))
        let report = LintReport(files: 1, entries: 1, findings: [finding], rules: [:])
        let options = ReportOptions(
            toolInformationURI: "https://example.org/curator", ruleHelpBaseURI: "https://example.org/rules.md#")
        let output = RDJSONLReporter(options: options, sources: ["README.md": source]).render(report)
        let lines = output.split(separator: "\n")
        try #require(lines.count == 1)
        #expect(output.hasSuffix("}\n"))
        let object = try Self.object(lines[0])
        let lineStart = text.utf8.split(separator: UInt8(ascii: "\n"))[0].count + 1
        let startColumn = offsets[0] - lineStart + 1
        #expect(startColumn == scalarColumn + 3)
        let location = object["location"] as? [String: Any]
        let range = location?["range"] as? [String: Any]
        #expect(location?["path"] as? String == "README.md")
        #expect(Self.position(range?["start"]) == [2, startColumn])
        #expect(Self.position(range?["end"]) == [2, offsets[1] - lineStart + 1])
        #expect(object["message"] as? String == "Write 'Paper'.")
        #expect(object["severity"] as? String == "WARNING")
        let code = object["code"] as? [String: Any]
        #expect(code?["value"] as? String == "link-label")
        #expect(code?["url"] as? String == "https://example.org/rules.md#link-label")
        let suggestions = try #require(object["suggestions"] as? [[String: Any]])
        #expect(suggestions.count == 1)
        #expect(suggestions.first?["text"] as? String == "[Paper]")
        let suggested = suggestions.first?["range"] as? [String: Any]
        #expect(Self.position(suggested?["start"]) == [2, startColumn])
        #expect(Self.position(suggested?["end"]) == [2, startColumn + "[paper]".utf8.count])
    }

    /// Without a fix the range runs to the end of the line; an edit that removes a line's
    /// terminator ends at the start of the next line, and one at the end of a file that ends with
    /// a line feed ends on the line after the last.
    @Test func rangesWithoutFixesAndAcrossLineEnds() throws {
        let text = "abc  \nnext\n"
        let source = try SourceText(path: "a.md", bytes: Array(text.utf8))
        let plain = Finding(
            location: SourceLocation(file: "a.md", line: 2, column: 2), ruleID: "r", severity: .error, message: "m")
        let joined = Finding(
            location: SourceLocation(file: "a.md", line: 1, column: 4), ruleID: "r", severity: .info, message: "m",
            fix: Fix(summary: "s", edits: [TextEdit(file: "a.md", range: 3..<6, replacement: "")]))
        let atEnd = Finding(
            location: SourceLocation(file: "a.md", line: 2, column: 5), ruleID: "r", severity: .info, message: "m",
            fix: Fix(summary: "s", edits: [TextEdit(file: "a.md", range: 10..<11, replacement: "")]))
        let report = LintReport(files: 1, entries: 0, findings: [plain, joined, atEnd], rules: [:])
        let lines = RDJSONLReporter(sources: ["a.md": source]).render(report).split(separator: "\n")
        try #require(lines.count == 3)
        let first = try Self.object(lines[0])
        let firstRange = (first["location"] as? [String: Any])?["range"] as? [String: Any]
        #expect(Self.position(firstRange?["start"]) == [2, 2])
        #expect(Self.position(firstRange?["end"]) == [2, 5])
        #expect(first["suggestions"] == nil)
        #expect(first["severity"] as? String == "ERROR")
        let second = try Self.object(lines[1])
        let suggestion = (second["suggestions"] as? [[String: Any]])?.first?["range"] as? [String: Any]
        #expect(Self.position(suggestion?["start"]) == [1, 4])
        #expect(Self.position(suggestion?["end"]) == [2, 1])
        #expect(second["severity"] as? String == "INFO")
        let third = try Self.object(lines[2])
        let last = (third["suggestions"] as? [[String: Any]])?.first?["range"] as? [String: Any]
        #expect(Self.position(last?["start"]) == [2, 5])
        #expect(Self.position(last?["end"]) == [3, 1])
    }

    /// An edit in another file than the finding's cannot be a suggestion on the finding's file.
    @Test func editsInOtherFilesAreLeftOut() throws {
        let source = try SourceText(path: "a.md", bytes: Array("x\n".utf8))
        let finding = Finding(
            location: SourceLocation(file: "a.md", line: 1, column: 1), ruleID: "r", severity: .warning, message: "m",
            fix: Fix(summary: "s", edits: [TextEdit(file: "b.md", range: 0..<1, replacement: "y")]))
        let output = RDJSONLReporter(sources: ["a.md": source]).render(
            LintReport(files: 2, entries: 0, findings: [finding], rules: [:]))
        #expect(try Self.object(output.split(separator: "\n")[0])["suggestions"] == nil)
    }
}
