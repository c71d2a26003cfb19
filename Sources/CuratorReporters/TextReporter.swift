public import CuratorCore

/// `file:line:col: severity [rule-id] message`, one finding a line, the form compilers use so that
/// editors and terminals make the location clickable; then a line of totals.
public struct TextReporter: Reporter {
    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func render(_ report: LintReport) -> String {
        var output = ""
        for finding in report.findings {
            // A line break in a file name would start a line of the reader's choosing, such as a
            // workflow command in an Actions log: it is escaped as the github format escapes it.
            output += "\(WorkflowCommandEscaping.data(finding.location.description)): "
            output += "\(severity(finding.severity)) [\(finding.ruleID)] "
            output += singleLine(finding.message) + "\n"
            if let fix = finding.fix {
                output += "  fix: \(singleLine(fix.summary))\n"
            }
        }
        output += ReportCounts(report).sentence(files: report.files, entries: report.entries) + "\n"
        return output
    }

    private func severity(_ severity: Severity) -> String {
        guard options.color else { return severity.rawValue }
        return ANSIStyle.forSeverity(severity).wrap(severity.rawValue)
    }

    /// A message with a line break would split one finding over lines that no longer start with a
    /// location, which breaks every tool that parses this format line by line.
    private func singleLine(_ text: String) -> String {
        text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// The few ANSI styles the text format uses.
enum ANSIStyle: String {
    case red = "31"
    case yellow = "33"
    case cyan = "36"

    static func forSeverity(_ severity: Severity) -> ANSIStyle {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .info: .cyan
        }
    }

    func wrap(_ text: String) -> String {
        "\u{1B}[\(rawValue)m\(text)\u{1B}[0m"
    }
}
