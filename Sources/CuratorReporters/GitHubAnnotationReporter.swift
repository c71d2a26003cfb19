public import CuratorCore

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which the
/// runner turns into annotations on the changed lines of a pull request.
///
/// GitHub shows only the first ten errors and ten warnings of a step as annotations. Every finding
/// is still emitted, because the full list stays readable in the step's log.
public struct GitHubAnnotationReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        var output = ""
        for finding in report.findings {
            let properties = [
                ("file", finding.location.file),
                ("line", String(finding.location.line)),
                ("col", String(finding.location.column)),
                ("title", finding.ruleID),
            ]
            .map { "\($0)=\(WorkflowCommandEscaping.property($1))" }
            .joined(separator: ",")
            var message = finding.message
            if let fix = finding.fix {
                // The annotation is where a contributor looks first, so it says that a fix exists.
                message += "\nfix: \(fix.summary) (run `curator lint --fix`)"
            }
            output += "::\(Self.command(finding.severity)) \(properties)::"
            output += WorkflowCommandEscaping.data(message) + "\n"
        }
        output += ReportCounts(report).sentence(files: report.files, entries: report.entries) + "\n"
        return output
    }

    /// Workflow commands have no "info"; "notice" is the closest.
    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }
}

/// The escaping the GitHub Actions runner undoes when it parses a workflow command.
enum WorkflowCommandEscaping {
    /// The message after `::`. The percent sign goes first so the escapes themselves survive.
    static func data(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A `key=value` property, where `:` and `,` would otherwise end the value early.
    static func property(_ text: String) -> String {
        var escaped = ""
        for scalar in data(text).unicodeScalars {
            switch scalar {
            case ":": escaped += "%3A"
            case ",": escaped += "%2C"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
