public import CuratorCore

/// The output formats `--format` accepts, in the order `--help` lists them.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// One line a finding for people at a terminal or in a pre-commit log.
    case text
    /// The machine-readable shape DESIGN.md promises, for scripts and other tools.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
    case sarif
    /// GitHub Actions workflow commands, which become annotations on the pull request diff.
    case github
    /// A GitHub-flavoured markdown job summary, written to `$GITHUB_STEP_SUMMARY`.
    case markdown
    /// reviewdog's diagnostics, one JSON object a line, with each fix as suggested changes.
    case rdjsonl

    /// Whether the format reads the files' bytes (`sources`), which the others never need.
    public var needsSources: Bool { self == .rdjsonl }

    /// - Parameter sources: the files of the list by display path; only `rdjsonl` reads them, to
    ///   count columns in bytes and to place each fix's edits.
    public func reporter(options: ReportOptions = ReportOptions(), sources: [String: SourceText] = [:])
        -> any Reporter
    {
        switch self {
        case .text: TextReporter(options: options)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(options: options)
        case .github: GitHubAnnotationReporter()
        case .markdown: MarkdownSummaryReporter(options: options)
        case .rdjsonl: RDJSONLReporter(options: options, sources: sources)
        }
    }

    public func render(
        _ report: LintReport, options: ReportOptions = ReportOptions(), sources: [String: SourceText] = [:]
    ) -> String {
        reporter(options: options, sources: sources).render(report)
    }
}
