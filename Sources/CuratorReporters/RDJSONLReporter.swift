public import CuratorCore
import Foundation

/// reviewdog's diagnostic format (rdjsonl): one JSON object a line, one line a finding, each fix
/// as suggestions, so that `reviewdog -f=rdjsonl -reporter=github-pr-review` posts the fixes as
/// suggested changes a reviewer applies with one click.
///
/// Positions follow reviewdog's definition: lines and columns are 1-based, columns count UTF-8
/// bytes (curator's findings count Unicode scalars, so each column is converted through the
/// file's bytes), and a range's end is exclusive. A suggestion is a fix's edit: its byte range and
/// the text that replaces it; an edit in another file than the finding's cannot be a suggestion on
/// that file and is left out. Without the file's bytes (`sources` has no entry for it) a
/// finding's column is given as it is and its fix has no suggestions.
public struct RDJSONLReporter: Reporter {
    public var options: ReportOptions
    /// The files the findings are in, by display path: positions are computed from their bytes.
    public var sources: [String: SourceText]

    public init(options: ReportOptions = ReportOptions(), sources: [String: SourceText] = [:]) {
        self.options = options
        self.sources = sources
    }

    public func render(_ report: LintReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = ""
        for finding in report.findings {
            // Encoding plain structs of strings and integers cannot fail.
            let data = try! encoder.encode(diagnostic(finding))
            output += String(decoding: data, as: UTF8.self)
            output += "\n"
        }
        return output
    }

    func diagnostic(_ finding: Finding) -> Diagnostic {
        let source = sources[finding.location.file]
        let start =
            source.map { Self.position(ofScalarColumn: finding.location, in: $0) }
            ?? Position(line: finding.location.line, column: finding.location.column)
        let edits = finding.fix?.edits.filter { $0.file == finding.location.file } ?? []
        var suggestions: [Suggestion] = []
        var end = source.map { Self.lineEnd(start.line, in: $0) } ?? start
        if let source {
            suggestions = edits.map { edit in
                Suggestion(
                    range: Range(
                        start: Self.position(ofByte: edit.range.lowerBound, in: source),
                        end: Self.position(ofByte: edit.range.upperBound, in: source)),
                    text: edit.replacement)
            }
            // A fix that starts on the finding's line marks what it replaces; otherwise the range
            // runs to the end of the finding's line.
            if let last = suggestions.map(\.range.end).max(),
                let first = suggestions.map(\.range.start).min(), first.line == start.line
            {
                end = max(last, start)
            }
        }
        return Diagnostic(
            message: finding.message,
            location: Location(path: finding.location.file, range: Range(start: start, end: end)),
            severity: Self.severity(finding.severity),
            source: DiagnosticSource(name: "curator", url: options.toolInformationURI),
            code: Code(value: finding.ruleID, url: options.ruleHelpBaseURI.map { $0 + finding.ruleID }),
            suggestions: suggestions.isEmpty ? nil : suggestions)
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        }
    }

    /// The byte position of a finding's place, whose column counts Unicode scalars.
    static func position(ofScalarColumn location: SourceLocation, in source: SourceText) -> Position {
        guard location.line >= 1, location.line <= source.lineCount else {
            return Position(line: location.line, column: location.column)
        }
        let line = source.lineRange(location.line)
        var offset = line.lowerBound
        var scalars = 1
        while scalars < location.column, offset < line.upperBound {
            offset += 1
            while offset < line.upperBound, source.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        return Position(line: location.line, column: offset - line.lowerBound + 1 + (location.column - scalars))
    }

    /// The position of byte `offset`. The end of a file that ends with a line feed is the start of
    /// the line after the last, as an editor shows it.
    static func position(ofByte offset: Int, in source: SourceText) -> Position {
        if offset >= source.bytes.count, source.bytes.last == UInt8(ascii: "\n") {
            return Position(line: source.lineCount + 1, column: 1)
        }
        let line = source.line(ofByte: offset)
        return Position(line: line, column: offset - source.lineStarts[line - 1] + 1)
    }

    /// Just past the last byte of line `number`, before its line terminator.
    static func lineEnd(_ number: Int, in source: SourceText) -> Position {
        guard number >= 1, number <= source.lineCount else { return Position(line: number, column: 1) }
        let line = source.lineRange(number)
        return Position(line: number, column: line.count + 1)
    }

    struct Diagnostic: Encodable {
        var message: String
        var location: Location
        var severity: String
        var source: DiagnosticSource
        var code: Code
        var suggestions: [Suggestion]?
    }

    struct Location: Encodable {
        var path: String
        var range: Range
    }

    struct Range: Encodable, Equatable {
        var start: Position
        var end: Position
    }

    struct Position: Encodable, Comparable {
        var line: Int
        var column: Int

        static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
    }

    struct DiagnosticSource: Encodable {
        var name: String
        var url: String?
    }

    struct Code: Encodable {
        var value: String
        var url: String?
    }

    struct Suggestion: Encodable {
        var range: Range
        var text: String
    }
}
