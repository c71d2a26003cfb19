import CuratorCore

/// Reports shared by the reporter tests, small enough to check each format's output in full.
enum SampleReports {
    static let rules: [String: RuleSummary] = [
        "dead-link": RuleSummary(
            id: "dead-link",
            summary: "Links must resolve.",
            rationale: "A dead link sends readers nowhere.",
            defaultSeverity: .error
        ),
        "venue-badge": RuleSummary(
            id: "venue-badge",
            summary: "Venue badges use the known vocabulary.",
            rationale: "Misspelt venues split one conference into several.",
            defaultSeverity: .warning
        ),
    ]

    static let trailingSpaceFix = Fix(
        summary: "Remove the trailing space",
        edits: [TextEdit(file: "README.md", range: 120..<121, replacement: "")]
    )

    /// One finding of each severity; the warning carries a fix.
    static let mixed = LintReport(
        files: 17,
        entries: 1_095,
        findings: [
            Finding(
                location: SourceLocation(file: "README.md", line: 12, column: 5),
                ruleID: "dead-link",
                severity: .error,
                message: "https://example.org/paper answered 404."
            ),
            Finding(
                location: SourceLocation(file: "README.md", line: 30, column: 1),
                ruleID: "venue-badge",
                severity: .warning,
                message: "Unknown venue 'ICLR25'.",
                fix: trailingSpaceFix
            ),
            Finding(
                location: SourceLocation(file: "generative_model/README.md", line: 7, column: 2),
                ruleID: "undescribed-rule",
                severity: .info,
                message: "Entry has no figure."
            ),
        ],
        rules: rules
    )

    static let empty = LintReport(files: 3, entries: 0, findings: [], rules: rules)

    static func single(_ message: String, file: String = "README.md", severity: Severity = .error) -> LintReport {
        LintReport(
            files: 1,
            entries: 1,
            findings: [
                Finding(
                    location: SourceLocation(file: file, line: 1, column: 1),
                    ruleID: "dead-link",
                    severity: severity,
                    message: message
                )
            ],
            rules: rules
        )
    }
}
