public import CuratorCore

/// A job summary for `$GITHUB_STEP_SUMMARY`: a heading, the totals, a table of findings per rule,
/// then the findings themselves grouped by file.
///
/// The output never exceeds `ReportOptions.markdownByteLimit` bytes. The per-rule table comes
/// first because it is small and says the most; when the findings do not all fit, the list stops at
/// a whole row and ends with how many were left out.
public struct MarkdownSummaryReporter: Reporter {
    /// Longest message shown in one cell, in characters; the annotations and SARIF keep it whole.
    static let messageCharacterLimit = 500

    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func render(_ report: LintReport) -> String {
        var output = BoundedText(limit: options.markdownByteLimit)
        let reserve = omissionNotice(report.findings.count).utf8.count + 1
        var omitted = report.findings.count

        let header =
            "## curator\n\n"
            + ReportCounts(report).sentence(files: report.files, entries: report.entries) + "\n"
        guard output.append(header, reserving: reserve) else {
            return omissionNotice(omitted)
        }
        if report.findings.isEmpty {
            _ = output.append("\nNo findings.\n", reserving: 0)
            return output.text
        }

        var complete = appendRuleTable(report, to: &output, reserving: reserve)
        if complete, output.append("\n### Findings\n", reserving: reserve) {
            omitted -= appendFindings(report.findings, to: &output, reserving: reserve)
        } else {
            complete = false
        }
        if omitted > 0 || !complete {
            _ = output.append(omissionNotice(omitted), reserving: 0)
        }
        return output.text
    }

    /// Appends one row per rule, most severe first; returns false if a row did not fit.
    private func appendRuleTable(
        _ report: LintReport,
        to output: inout BoundedText,
        reserving reserve: Int
    ) -> Bool {
        var counts: [String: (severity: Severity, count: Int)] = [:]
        for finding in report.findings {
            let current = counts[finding.ruleID]
            counts[finding.ruleID] = (
                min(current?.severity ?? finding.severity, finding.severity), (current?.count ?? 0) + 1
            )
        }
        let rows = counts.sorted { lhs, rhs in
            (lhs.value.severity, -lhs.value.count, lhs.key) < (rhs.value.severity, -rhs.value.count, rhs.key)
        }
        let tableHeader = "\n| Rule | Severity | Findings | Summary |\n| --- | --- | ---: | --- |\n"
        guard output.append(tableHeader, reserving: reserve) else { return false }
        for (id, tally) in rows {
            let summary = report.rules[id]?.summary ?? ""
            let row =
                "| \(MarkdownEscaping.inline(id)) | \(tally.severity.rawValue) | "
                + "\(ReportCounts.groupedDigits(tally.count)) | "
                + "\(MarkdownEscaping.inline(summary, limit: Self.messageCharacterLimit)) |\n"
            guard output.append(row, reserving: reserve) else { return false }
        }
        return true
    }

    /// Appends findings grouped by file in order of first appearance; returns how many fitted.
    private func appendFindings(
        _ findings: [Finding],
        to output: inout BoundedText,
        reserving reserve: Int
    ) -> Int {
        var files: [String] = []
        var byFile: [String: [Finding]] = [:]
        for finding in findings {
            if byFile[finding.location.file] == nil {
                files.append(finding.location.file)
            }
            byFile[finding.location.file, default: []].append(finding)
        }
        var shown = 0
        for file in files {
            // A file's heading is only written together with its first row, so the summary never
            // ends on a heading with an empty table under it.
            var pending =
                "\n#### \(MarkdownEscaping.inline(file))\n\n| Location | Rule | Message |\n| --- | --- | --- |\n"
            for finding in byFile[file] ?? [] {
                guard output.append(pending + row(finding), reserving: reserve) else { return shown }
                pending = ""
                shown += 1
            }
        }
        return shown
    }

    private func row(_ finding: Finding) -> String {
        let label = "\(MarkdownEscaping.inline(finding.location.file)):\(finding.location.line)"
        let location: String
        if let base = options.sourceBaseURI {
            let path = SARIFReporter.uri(finding.location.file)
            location = "[\(label)](\(base)\(path)#L\(finding.location.line))"
        } else {
            location = label
        }
        var message = MarkdownEscaping.inline(finding.message, limit: Self.messageCharacterLimit)
        if let fix = finding.fix {
            message += " (fix: \(MarkdownEscaping.inline(fix.summary, limit: Self.messageCharacterLimit)))"
        }
        return "| \(location) | \(MarkdownEscaping.inline(finding.ruleID)) | \(message) |\n"
    }

    private func omissionNotice(_ omitted: Int) -> String {
        "\n_\(ReportCounts.count(omitted, "more finding")) not shown, to keep this summary under "
            + "\(ReportCounts.groupedDigits(options.markdownByteLimit)) bytes. "
            + "The annotations, the SARIF upload and `curator lint` list every finding._\n"
    }
}
