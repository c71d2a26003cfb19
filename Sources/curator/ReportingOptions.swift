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

extension LintCommand {
    /// The paths the list is read from: none (the config's directory, or the working directory)
    /// with `--whole-list`, where the paths given only narrow the report.
    var listPaths: [String] { wholeList ? [] : paths }

    /// The files `--whole-list`'s paths choose, or nil when every file is reported (without
    /// `--whole-list`, without paths, or with the list's own folder among them).
    var reportScope: ReportScope? {
        guard wholeList, !paths.isEmpty else { return nil }
        return ReportScope(paths: paths, workingDirectory: shared.workingDirectory)
    }

    /// The report narrowed to the findings `--whole-list`'s paths ask for: those placed in one of
    /// the files (or below one of the folders) given, or concerning one of them (a duplicate's
    /// other copy), the way `--changed-since` keeps a finding when any of its places changed.
    func reported(_ report: LintReport) -> LintReport {
        guard let scope = reportScope else { return report }
        var narrowed = report
        narrowed.findings = report.findings.filter {
            scope.contains($0.location.file) || $0.related.contains { scope.contains($0.file) }
        }
        return narrowed
    }

    /// The findings whose fixes `--fix` may apply: with `--whole-list` paths, only fixes that edit
    /// nothing but the files given, so a hook never writes a file that is not being committed.
    func fixable(_ findings: [Finding]) -> [Finding] {
        guard let scope = reportScope else { return findings }
        return findings.filter { $0.fix?.edits.allSatisfy { scope.contains($0.file) } ?? false }
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

/// The files a `--whole-list` lint reports on: the paths given, as display paths (relative to
/// the working directory, as findings name files), each a file or a folder.
struct ReportScope {
    private var files: Set<String>
    private var folders: [String]

    /// Nil when one of the paths is the working directory itself, which holds every file.
    init?(paths: [String], workingDirectory: URL) {
        let display = paths.map {
            Workspace.relativePath(
                of: URL(fileURLWithPath: $0, relativeTo: workingDirectory).standardizedFileURL, to: workingDirectory)
        }
        if display.contains("") { return nil }
        files = Set(display)
        folders = display.map { $0 + "/" }
    }

    func contains(_ file: String) -> Bool {
        files.contains(file) || folders.contains { file.hasPrefix($0) }
    }
}
