import ArgumentParser
import CuratorCore
import CuratorReporters
import Foundation

/// Which findings a lint reports, and where else it writes them: the options a pre-commit hook
/// and the GitHub Action need.
struct ReportingOptions: ParsableArguments {
    @Flag(
        name: .customLong("whole-list"),
        help: ArgumentHelp(
            "Read the whole list whatever the paths; the paths only choose the files whose findings are reported.",
            discussion:
                "Duplicates and mirrors compare every file, so a hook given the staged files still checks them against the rest of the list; a finding elsewhere does not block the commit."
        ))
    var wholeList = false

    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Also write this run's report as FORMAT to FILE (written atomically); repeatable.",
            valueName: "FORMAT=FILE"))
    var reports: [ReportDestination] = []
}

/// One `--report FORMAT=FILE`: a further report of the same run, written to a file.
struct ReportDestination: ExpressibleByArgument, Hashable, Sendable, CustomStringConvertible {
    var format: ReportFormat
    var path: String

    init(format: ReportFormat, path: String) {
        self.format = format
        self.path = path
    }

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
            let format = ReportFormat(rawValue: String(argument[..<equals]))
        else { return nil }
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { return nil }
        self.init(format: format, path: path)
    }

    var description: String { "\(format.rawValue)=\(path)" }
}

extension LintCommand {
    var wholeList: Bool { reporting.wholeList }
    var reports: [ReportDestination] { reporting.reports }
}

extension LintSettings {
    /// The paths the list is read from: none (the config's directory, or the working directory)
    /// with `--whole-list`, where the paths given only narrow the report.
    var listPaths: [String] { wholeList ? [] : paths }

    /// The report narrowed to the findings `--whole-list`'s paths ask for: those placed in one of
    /// the files (or below one of the folders) given, or concerning one of them (a duplicate's
    /// other copy), the way `--changed-since` keeps a finding when any of its places changed.
    /// Without `--whole-list`, or without paths, the report is whole.
    func reported(_ report: LintReport) -> LintReport {
        guard wholeList, !paths.isEmpty else { return report }
        let base = shared.workingDirectory
        let wanted = paths.map {
            Workspace.relativePath(of: URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL, to: base)
        }
        if wanted.contains("") { return report }
        let files = Set(wanted)
        func inScope(_ location: SourceLocation) -> Bool {
            files.contains(location.file) || wanted.contains { location.file.hasPrefix($0 + "/") }
        }
        var narrowed = report
        narrowed.findings = report.findings.filter { inScope($0.location) || $0.related.contains(where: inScope) }
        return narrowed
    }

    /// Writes the `--report` files, then the `--format` report to `--output` or standard output,
    /// all rendered from the one run.
    func emitReports(_ report: LintReport, workspace: Workspace, options: ReportOptions) throws {
        let sources: [String: SourceText] =
            ([format] + reports.map(\.format)).contains(where: \.needsSources)
            ? Dictionary(workspace.documents.map { ($0.document.path, $0.document.source) }) { first, _ in first }
            : [:]
        for destination in reports {
            let url = URL(fileURLWithPath: destination.path, relativeTo: shared.workingDirectory)
            let text = destination.format.render(report, options: options, sources: sources)
            do {
                try AtomicWriter.write(Array(text.utf8), to: url)
            } catch {
                throw CuratorExit.input("\(destination.path): cannot write: \(error.localizedDescription)")
            }
        }
        try shared.emit(format.render(report, options: options, sources: sources))
    }
}
