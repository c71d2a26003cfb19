import ArgumentParser
import CuratorCore
import CuratorReporters
import CuratorRules
import Foundation

extension ReportFormat: ExpressibleByArgument {}

struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a list's markdown: format, badges, links, tags, duplicates and mirrors."
    )

    @OptionGroup var shared: SharedOptions

    @OptionGroup(title: "Network") var network: NetworkOptions

    @OptionGroup(title: "Reports") var reporting: ReportingOptions

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Flag(help: "Skip the rules that need the network.")
    var offline = false

    @Flag(help: "Apply the safe fixes to the files (atomically), then report what is left.")
    var fix = false

    @Option(
        name: .customLong("changed-since"),
        help: "Check the links of, and report findings on, only the entries changed since this git revision.")
    var changedSince: String?

    @Flag(help: "Colour the text format.")
    var color = false

    @Flag(help: "Print how long reading the list and each rule took, on standard error.")
    var timings = false

    @Argument(help: "List files or directories (default: the config's directory, or the working directory).")
    var paths: [String] = []

    func run() async throws {
        let clock = ContinuousClock()
        let (workspace, changed) = try read(clock)
        let networkStarted = clock.now
        let facts =
            offline
            ? nil
            : try await FactsStage(
                options: network, environment: ProcessInfo.processInfo.environment,
                workingDirectory: shared.workingDirectory
            ).run(workspace, changedLines: changed)
        if timings, !offline { Self.printTiming("check the links", clock.now - networkStarted) }
        try lint(workspace, changed: changed, facts: facts, clock: clock)
    }
}

extension LintCommand {
    /// The most `--fix` passes; each pass applies every non-overlapping fix, so two or three suffice.
    static var maximumFixPasses: Int { 5 }

    /// `run()` for `--offline`, on the calling thread.
    ///
    /// Why: an offline lint awaits nothing, and calling the async `run()` from `main` moved it to
    /// a thread of the concurrency runtime's pool, which is first started for it; on the main
    /// thread the lint starts at once.
    func runOffline() throws -> Never {
        let clock = ContinuousClock()
        let (workspace, changed) = try read(clock)
        try lint(workspace, changed: changed, facts: nil, clock: clock)
    }

    /// The list, and the lines changed since `--changed-since` (known before the network stage so
    /// that only their links are fetched).
    func read(_ clock: ContinuousClock) throws -> (Workspace, [String: Set<Int>]?) {
        // A fix rewrites files: it is only as right as the format it assumes, so it is not made
        // on the default ruleset's word.
        if fix, !shared.choosesRuleset {
            throw CuratorExit.input(DefaultRuleset.fixRefusal)
        }
        let started = clock.now
        let workspace = try shared.loadWorkspace(paths: listPaths)
        if timings { Self.printTiming("read \(workspace.documents.count) files", clock.now - started) }
        let changed = try changedSince.map {
            try GitChanges.changedLines(since: $0, workingDirectory: shared.workingDirectory)
        }
        return (workspace, changed)
    }

    /// Runs the rules (and `--fix`), writes the report and ends the process.
    func lint(
        _ workspace: Workspace, changed: [String: Set<Int>]?, facts: Facts?, clock: ContinuousClock
    ) throws -> Never {
        var workspace = workspace
        let linter = Linter(
            rules: BuiltInRules.instances().filter { !offline || type(of: $0).description.scope == .offline })
        let timing: ((String, Duration) -> Void)? = timings ? { Self.printTiming($0, $1) } : nil
        // Fixes apply to whole files, so a fixing run lints everything and narrows the report to
        // the changed entries only at the end; any other run narrows it in its single pass.
        let lintStarted = clock.now
        var report = reported(
            linter.lint(
                LintContext(workspace: workspace, facts: facts), changedLines: fix ? nil : changed, timing: timing))
        if timings { Self.printTiming("all rules, merged and sorted", clock.now - lintStarted) }
        if fix {
            var pass = 0
            // The facts stay those of the first check: a fix only ever replaces a URL by one the
            // check already vouched for, so nothing is fetched twice.
            while fixable(report.findings).contains(where: { $0.fix != nil }), pass < Self.maximumFixPasses {
                let fixed: [String: [UInt8]]
                do {
                    fixed = try Fixer.apply(fixable(report.findings), to: workspace)
                } catch {
                    throw CuratorExit.input(error.description)
                }
                try write(fixed, in: workspace)
                workspace = try shared.loadWorkspace(paths: listPaths)
                report = reported(linter.lint(LintContext(workspace: workspace, facts: facts)))
                pass += 1
            }
            if let changed {
                report = reported(
                    linter.lint(LintContext(workspace: workspace, facts: facts), changedLines: changed))
            }
        }
        let options = ReportOptions(
            color: color, toolVersion: Curator.version, toolInformationURI: ReportOptions.projectHome,
            ruleHelpBaseURI: ReportOptions.ruleDocumentationBase(version: Curator.version),
            sourceBaseURI: ReportOptions.githubSourceBaseURI(environment: Self.githubEnvironment()))
        let reportStarted = clock.now
        try emitReports(report, workspace: workspace, options: options)
        if timings { Self.printTiming("report written", clock.now - reportStarted) }
        // The report is written (FileHandle writes are unbuffered); leave now instead of
        // tearing down the list's documents and entries one allocation at a time, which is a
        // noticeable part of a pre-commit run. `_exit` also skips the exit handlers of the
        // runtime and the libraries linked in, which have nothing left to flush.
        _exit(report.hasErrors ? CuratorExit.findingsWithErrors.status : 0)
    }

    /// The variables GitHub Actions describes the commit with, read one by one: building
    /// `ProcessInfo`'s whole environment dictionary was a tenth of a millisecond of every lint.
    fileprivate static func githubEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    fileprivate static func printTiming(_ what: String, _ duration: Duration) {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        FileHandle.standardError.write(Data(String(format: "%9.1f ms  %@\n", milliseconds, what).utf8))
    }

    /// Writes fixed files: every target is checked before any is written, and each is written
    /// whole through a temporary file and a rename (see `AtomicWriter`).
    fileprivate func write(_ files: [String: [UInt8]], in workspace: Workspace) throws {
        let targets = files.sorted(by: { $0.key < $1.key }).map { display, bytes in
            AtomicWriter.Target(
                url: URL(fileURLWithPath: display, relativeTo: shared.workingDirectory), display: display,
                bytes: bytes)
        }
        do {
            try AtomicWriter.write(targets)
        } catch {
            throw CuratorExit.input(error.description)
        }
    }
}
