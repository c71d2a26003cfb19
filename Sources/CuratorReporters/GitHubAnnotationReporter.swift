public import CuratorCore

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which the
/// runner turns into annotations on the changed lines of a pull request.
///
/// GitHub shows only the first ten errors, ten warnings and ten notices of a step as annotations.
/// Every finding is still emitted, because the full list stays readable in the step's log, but
/// errors come first (then warnings, then infos, each kind in the report's order), since they are
/// what fails the check; the last line says how many findings GitHub does not show.
public struct GitHubAnnotationReporter: Reporter {
    /// Annotations of each kind GitHub shows for one step.
    public static let annotationsShownPerKind = 10

    public init() {}

    public func render(_ report: LintReport) -> String {
        var output = ""
        let ordered = Severity.allCases.flatMap { severity in report.findings.filter { $0.severity == severity } }
        for finding in ordered {
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
        let counts = ReportCounts(report)
        output += counts.sentence(files: report.files, entries: report.entries) + "\n"
        output += Self.hiddenSentence(counts) + "\n"
        return output
    }

    /// For example `12 findings are not shown as annotations (GitHub shows 10 errors, 10 warnings
    /// and 10 notices a step): they are all in this log.`
    static func hiddenSentence(_ counts: ReportCounts) -> String {
        let limit = annotationsShownPerKind
        let hidden = [counts.errors, counts.warnings, counts.infos].reduce(0) { $0 + max(0, $1 - limit) }
        let rule = "GitHub shows \(limit) errors, \(limit) warnings and \(limit) notices a step"
        if hidden == 0 { return "0 findings are not shown as annotations (\(rule))." }
        return
            "\(ReportCounts.count(hidden, "finding")) \(hidden == 1 ? "is" : "are") not shown as annotations (\(rule)): they are all in this log."
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
